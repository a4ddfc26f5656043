// The declarations of the package's new files (init, errors, the async-validator adapter, the
// custom elements) type-check under a bundler/browser tsconfig, a Node-only one (no DOM lib)
// and CommonJS (NestJS's default), with `--strict` and the package as installed from npm pack.
// --skipLibCheck: the generated declarations (intake_rules.d.ts) are checked by `make test-ts`.
import { test, before } from "node:test";
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { pkgBuilt, prepareFixture, root, run } from "./lib.mjs";

const skip = pkgBuilt() ? false : "pkg/ is not built (make pkg)";
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
let dir;

before(async () => {
  if (skip) return;
  dir = await prepareFixture("node", { shared: [] }); // any fixture with the package installed
  await cp(join(root, "tests", "embed", "types"), join(dir, "types"), { recursive: true });
});

const check = (args, files) => run("node", [tsc, "--strict", "--noEmit", "--skipLibCheck", "--target", "es2022", ...args, ...files.map((f) => `types/${f}`)], { cwd: dir });

test("declarations: bundler resolution, DOM lib", { skip }, () =>
  check(["--module", "esnext", "--moduleResolution", "bundler", "--lib", "es2022,dom"], ["usage.ts", "elements.ts"]));
test("declarations: Node only (nodenext, no DOM lib)", { skip }, () =>
  check(["--module", "nodenext", "--moduleResolution", "nodenext", "--lib", "es2022"], ["usage.ts"]));
test("declarations: CommonJS (module commonjs)", { skip }, () =>
  check(["--module", "commonjs", "--moduleResolution", "node10", "--lib", "es2022"], ["usage.ts"]));
