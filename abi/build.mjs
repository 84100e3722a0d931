#!/usr/bin/env node
// Compiles the Solidity interfaces in abi/ and writes their JSON ABIs.
//
// Usage (repo root, after `npm ci`):   node abi/build.mjs
//   -> abi/json/<Interface>.json = the ABI array (committed; regenerate after editing abi/*.sol).
//   node abi/build.mjs --check   -> writes nothing; exits 1 if any committed JSON differs
//                                   from what the .sol files produce (CI drift check).
//
// Before compiling it regenerates abi/IVaultErrors.sol, IWeightedPoolErrors.sol and
// IWeightedPoolFactoryErrors.sol from the Rust contracts' error blocks (abi/rust-errors.mjs); --check also fails if those differ.
// Same pinned solc-js and settings as tests/solidity/build.mjs (tests/solidity/lib/solc.mjs).
// Contracts with an empty ABI (IAsset, the WeightedPoolUserData library) get no JSON.
// Exits 1 with the compiler messages on any compile error.

import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, compile, compilerVersion, printWarnings, sourceUnitName } from "../tests/solidity/lib/solc.mjs";
import { ERROR_SOURCES, errorInterfaceSource } from "./rust-errors.mjs";

const ABI_DIR = join(REPO_ROOT, "abi");
const JSON_DIR = join(ABI_DIR, "json");

/** Builds { name -> ABI JSON text } for every interface/contract defined in abi/*.sol. */
function buildAbis() {
  const files = readdirSync(ABI_DIR)
    .filter((f) => f.endsWith(".sol"))
    .sort()
    .map((f) => join(ABI_DIR, f));
  const ours = new Set(files.map(sourceUnitName));
  const output = compile(files);
  printWarnings(output);
  const abis = new Map();
  for (const [source, contracts] of Object.entries(output.contracts ?? {})) {
    if (!ours.has(source)) continue;
    for (const [name, c] of Object.entries(contracts)) {
      if (c.abi.length === 0) continue;
      if (abis.has(name)) throw new Error(`${name} is defined twice in abi/`);
      abis.set(name, JSON.stringify(c.abi, null, 2) + "\n");
    }
  }
  return abis;
}

/** Writes (or, with check, compares) the generated error interfaces; returns stale file names. */
function syncErrorInterfaces(check) {
  const stale = [];
  for (const src of ERROR_SOURCES) {
    const path = join(ABI_DIR, src.file);
    // No Rust source (e.g. a checkout without that contract yet): keep the committed
    // interface rather than emptying it; rust-alignment.test.mjs reports the skip.
    if (!existsSync(join(REPO_ROOT, src.rust))) {
      console.error(`note: ${src.rust} not found; ${src.file} left as is`);
      continue;
    }
    const text = errorInterfaceSource(src);
    if (check) {
      if (!existsSync(path) || readFileSync(path, "utf8") !== text) stale.push(src.file);
    } else {
      writeFileSync(path, text);
    }
  }
  return stale;
}

function main() {
  const check = process.argv.includes("--check");
  const staleSol = syncErrorInterfaces(check);
  if (staleSol.length) throw new Error(`abi/${staleSol.join(", abi/")} stale vs the Rust errors; run node abi/build.mjs`);
  const abis = buildAbis();
  if (check) {
    const stale = [];
    for (const [name, text] of abis) {
      const path = join(JSON_DIR, `${name}.json`);
      if (!existsSync(path) || readFileSync(path, "utf8") !== text) stale.push(name);
    }
    const extra = existsSync(JSON_DIR)
      ? readdirSync(JSON_DIR).filter((f) => f.endsWith(".json") && !abis.has(f.slice(0, -5)))
      : [];
    if (stale.length || extra.length) {
      throw new Error(`abi/json is stale: differs [${stale.join(", ")}], extra [${extra.join(", ")}]; run node abi/build.mjs`);
    }
    console.log(`abi/json up to date (${abis.size} ABIs, solc ${compilerVersion()})`);
    return;
  }
  rmSync(JSON_DIR, { recursive: true, force: true });
  mkdirSync(JSON_DIR, { recursive: true });
  for (const [name, text] of abis) writeFileSync(join(JSON_DIR, `${name}.json`), text);
  console.log(`solc ${compilerVersion()}: ${abis.size} ABIs -> abi/json/ (${[...abis.keys()].join(", ")})`);
}

try {
  main();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
