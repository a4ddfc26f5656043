// `intake-rules workbench [policy.json] [cases.json] [--port <n>]`
//
// Serves the policy workbench from this package on http://127.0.0.1:<port>/ (default 8090;
// 0 picks a free port) and prints the address. With a policy file, the workbench opens it and
// saves back to it; its case file is <cases.json>, or <policy>.cases.json beside the policy.
// It listens on 127.0.0.1 only. Runs until interrupted (Ctrl-C).
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { Unusable, t } from "./cli-util.js";
import { startWorkbench } from "./workbench-server.js";

export async function workbenchCommand([policyPath, casesPath], out, opts) {
  const L = out.locale;
  for (const f of [policyPath]) {
    if (f && !existsSync(f)) {
      throw new Unusable(f, "io", { "zh-CN": `无法读取 \`${f}\`：文件不存在`, en: `cannot read \`${f}\`: no such file` });
    }
  }
  const host = "127.0.0.1";
  let started;
  try {
    started = await startWorkbench({
      root: dirname(fileURLToPath(import.meta.url)),
      policyPath: policyPath ?? null,
      casesPath: casesPath ?? null,
      port: opts.port ?? 8090,
      host,
    });
  } catch (e) {
    const why = e.code === "EADDRINUSE" ? t(L, "端口已被占用（可用 --port 另选）", "the port is in use (choose another with --port)") : e.message;
    throw new Unusable(null, "io", { "zh-CN": `无法启动工作台：${why}`, en: `cannot start the workbench: ${why}` });
  }
  const { server, url, files } = started;
  const lines = [
    t(L, `策略工作台：${url}`, `intake-rules workbench: ${url}`),
    files.policy ? t(L, `  策略：${files.policy}`, `  policy: ${files.policy}`) : t(L, "  未指定策略文件：从内置策略开始", "  no policy file: starting from a built-in pack"),
    files.cases ? t(L, `  用例：${files.cases}`, `  cases:  ${files.cases}`) : "",
    t(L, "按 Ctrl-C 停止", "Ctrl-C to stop"),
  ].filter(Boolean);
  if (opts.json) process.stdout.write(JSON.stringify({ command: "workbench", url, policy: files.policy, cases: files.cases }) + "\n");
  else process.stdout.write(lines.join("\n") + "\n");
  await new Promise((resolve) => {
    const stop = () => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return null;
}
