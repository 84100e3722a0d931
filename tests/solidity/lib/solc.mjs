// Shared solc-js (standard JSON) driver for tests/solidity/build.mjs and abi/build.mjs.
//
// Why one driver: both builds must use the same pinned compiler (package.json `solc`),
// the same settings and the same import resolution, so that an interface in abi/ means
// the same thing to a test contract as to the JSON ABI we publish.
//
// Source unit names are paths relative to the repository root (e.g.
// "tests/solidity/src/TestERC20.sol", "abi/IVault.sol"), so relative imports such as
// `import "../../../abi/IVault.sol";` resolve the way they do on disk. Non-relative
// imports are looked up, in order, under: the repository root, tests/solidity/src/, abi/.
// The remapping `@abi/=abi/` is also set, so `import "@abi/IVault.sol";` works anywhere.

import { readFileSync, existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const solc = require("solc");

/** Absolute path of the repository root (this file lives in tests/solidity/lib/). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** Directories searched for non-relative imports, after the repository root. */
const IMPORT_BASES = ["", "tests/solidity/src", "abi"];

/** Compiler settings shared by every build: Arbitrum supports Cancun (ArbOS 20+). */
export const SETTINGS = Object.freeze({
  optimizer: { enabled: true, runs: 200 },
  evmVersion: "cancun",
  remappings: ["@abi/=abi/"],
  outputSelection: {
    "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object", "evm.methodIdentifiers"] },
  },
});

/** The solc-js version string, e.g. "0.8.37+commit....Emscripten.clang". */
export function compilerVersion() {
  return solc.version();
}

/** Every `.sol` file under `dir` (absolute), recursively, sorted for determinism. */
export function findSolidityFiles(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...findSolidityFiles(full));
    else if (name.endsWith(".sol")) found.push(full);
  }
  return found;
}

/** Repository-relative, forward-slash source unit name for an absolute path. */
export function sourceUnitName(absPath) {
  return relative(REPO_ROOT, absPath).split(sep).join("/");
}

/** solc import callback: resolves a source unit name against the import bases. */
function findImport(path) {
  for (const base of IMPORT_BASES) {
    const candidate = join(REPO_ROOT, base, path);
    // Never read outside the repository.
    if (!candidate.startsWith(REPO_ROOT + sep)) continue;
    if (existsSync(candidate) && statSync(candidate).isFile()) {
      return { contents: readFileSync(candidate, "utf8") };
    }
  }
  return { error: `not found under ${IMPORT_BASES.map((b) => b || ".").join(", ")}: ${path}` };
}

/**
 * Compiles the given absolute .sol paths in one solc call.
 * Returns solc's parsed standard-JSON output; throws an Error carrying every
 * formatted compiler message if any message has severity "error".
 */
export function compile(absPaths) {
  const sources = {};
  for (const p of absPaths) sources[sourceUnitName(p)] = { content: readFileSync(p, "utf8") };
  const input = { language: "Solidity", sources, settings: SETTINGS };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
  const messages = output.errors ?? [];
  const errors = messages.filter((m) => m.severity === "error");
  const warnings = messages.filter((m) => m.severity !== "error");
  if (errors.length > 0) {
    const err = new Error(
      `solc ${compilerVersion()} failed with ${errors.length} error(s):\n` +
        errors.map((m) => m.formattedMessage ?? m.message).join("\n"),
    );
    err.solcOutput = output;
    throw err;
  }
  output.warnings = warnings;
  return output;
}

/** Prints compiler warnings (not errors) to stderr, one formatted message each. */
export function printWarnings(output) {
  for (const w of output.warnings ?? []) process.stderr.write((w.formattedMessage ?? w.message) + "\n");
}
