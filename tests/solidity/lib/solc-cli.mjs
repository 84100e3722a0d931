#!/usr/bin/env node
// A `solc`-compatible command line over the pinned solc-js, so Foundry's forge can compile
// without downloading a native solc (no network access to binaries.soliditylang.org here).
// forge is pointed at it through tests/solidity/foundry.toml (`solc = "lib/solc"`).
//
// Supports exactly what forge uses: `--version` and `--standard-json` (input on stdin,
// output on stdout). Sources forge did not inline (e.g. imports of files outside the
// project, like ../../abi/*) are read from disk like native solc does: relative to the
// working directory (forge runs it in the project root), and only inside the repository.
// Other arguments (--base-path, --include-path, --allow-paths) are ignored.

import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { resolve, sep } from "node:path";
import { REPO_ROOT } from "./solc.mjs";

const require = createRequire(import.meta.url);
const solc = require("solc");
const args = process.argv.slice(2);

if (args.includes("--version")) {
  // forge parses the "Version: x.y.z+commit..." line.
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
} else if (args.includes("--standard-json")) {
  const input = readFileSync(0, "utf8");
  const readImport = (path) => {
    const full = resolve(process.cwd(), path);
    if (!full.startsWith(REPO_ROOT + sep) || !existsSync(full)) return { error: `solc-cli: not found: ${path}` };
    return { contents: readFileSync(full, "utf8") };
  };
  process.stdout.write(solc.compile(input, { import: readImport }));
} else {
  process.stderr.write("solc-cli supports only --version and --standard-json\n");
  process.exit(2);
}
