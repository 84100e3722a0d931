#!/usr/bin/env node
// Builds the Solidity test contracts.
//
// Usage (from anywhere; needs `npm ci` once at the repository root):
//   node tests/solidity/build.mjs
//
// What it does: compiles every .sol file under tests/solidity/src/ (recursively) in ONE
// solc-js standard-JSON call (solc pinned in package.json; optimizer on, 200 runs,
// evmVersion cancun — Arbitrum supports Cancun incl. transient storage and MCOPY) and
// writes, for each contract/library/interface defined under tests/solidity/src/:
//   tests/solidity/out/<ContractName>.json = { "abi": [...], "bytecode": "0x...", "deployedBytecode": "0x..." }
// (interfaces and abstract contracts have "bytecode": "0x"). The out/ directory is
// wiped first, so stale artifacts never survive, and it is gitignored.
//
// Imports: relative imports work as on disk (e.g. `import "../../../abi/IVault.sol";`);
// `import "@abi/IVault.sol";` and bare names resolved under the repo root,
// tests/solidity/src/ and abi/ also work (see tests/solidity/lib/solc.mjs).
//
// Fails (exit code 1) with every compiler error message on any compile error, on two
// contracts with the same name (their artifacts would collide) and on unlinked libraries.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, compile, compilerVersion, findSolidityFiles, printWarnings, sourceUnitName } from "./lib/solc.mjs";

const SRC_DIR = join(REPO_ROOT, "tests", "solidity", "src");
const OUT_DIR = join(REPO_ROOT, "tests", "solidity", "out");

function main() {
  const files = findSolidityFiles(SRC_DIR);
  if (files.length === 0) throw new Error(`no .sol files under ${SRC_DIR}`);
  const ours = new Set(files.map(sourceUnitName));

  const output = compile(files);
  printWarnings(output);

  const artifacts = new Map();
  for (const [source, contracts] of Object.entries(output.contracts ?? {})) {
    if (!ours.has(source)) continue; // imported from abi/: published by abi/build.mjs
    for (const [name, c] of Object.entries(contracts)) {
      if (artifacts.has(name)) {
        throw new Error(`contract name ${name} defined in both ${artifacts.get(name).source} and ${source}`);
      }
      const bytecode = c.evm.bytecode.object;
      if (bytecode.includes("__$")) throw new Error(`${name} needs library linking, which this build does not do`);
      artifacts.set(name, {
        source,
        json: { abi: c.abi, bytecode: "0x" + bytecode, deployedBytecode: "0x" + c.evm.deployedBytecode.object },
      });
    }
  }

  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, { json }] of artifacts) {
    writeFileSync(join(OUT_DIR, `${name}.json`), JSON.stringify(json, null, 2) + "\n");
  }
  console.log(`solc ${compilerVersion()}: ${files.length} files, ${artifacts.size} artifacts -> tests/solidity/out/`);
}

try {
  main();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
