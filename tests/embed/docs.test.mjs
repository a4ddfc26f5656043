// The documentation's code is the tested code: every block marked
// `<!-- fixture: path -->` in README.md and docs/integration.md is exactly that fixture file
// (run by server.test.mjs and the others). The README's first example is run in Chromium by
// static.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./lib.mjs";

for (const doc of ["README.md", "docs/integration.md"]) {
  test(`${doc}: code marked as a fixture's file is that file`, () => {
    const text = readFileSync(join(root, doc), "utf8");
    const blocks = [...text.matchAll(/<!-- fixture: (\S+) -->\n```\w*\n([\s\S]*?)```/g)];
    assert.ok(blocks.length > 0, "has fixture blocks");
    for (const [, path, code] of blocks) {
      assert.equal(code, readFileSync(join(root, path), "utf8"), `${doc}: the block marked ${path} differs from the file`);
    }
  });
}
