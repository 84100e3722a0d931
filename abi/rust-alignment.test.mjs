// Checks abi/json against the Rust contracts (the source of truth for what is implemented).
//
// Run (repo root, after `npm ci`):   node --test abi/rust-alignment.test.mjs
//
// For each contract it reads the Rust sources and derives:
//  - the functions it answers: if the contract has a hand-written router (`fooCall::SELECTOR =>`
//    arms, selectors of the `function` declarations in its sol! blocks), exactly those;
//    otherwise every `pub fn` of its `#[public] impl` block, as the Solidity signature the
//    SDK router exposes (snake_case -> camelCase or #[selector(name = ...)], Rust types ->
//    ABI types, sol! structs -> tuples). The interface must declare exactly that set;
//  - every `event` of its `sol!` blocks: the interface must declare it with the same
//    signature and indexed flags, and declare no event the contract cannot emit;
//  - every `error` of its `sol!` blocks: the interface must declare exactly those.
// A contract whose Rust has no `#[public] impl` yet is reported as skipped.

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { errorSignature, rustErrorDeclarations } from "./rust-errors.mjs";

const ABI_DIR = dirname(fileURLToPath(import.meta.url));
const REPO = join(ABI_DIR, "..");

const CONTRACTS = [
  {
    iface: "IVault",
    router: "src/vault/src/router.rs",
    public: ["src/vault/src/lib.rs"],
    sol: ["src/vault/src/abi.rs", "src/vault/src/events.rs"],
    errors: "src/vault/src/errors.rs",
  },
  {
    iface: "IWeightedPool",
    router: "src/weighted-pool/src/router.rs",
    public: ["src/weighted-pool/src/contract.rs"],
    sol: ["src/weighted-pool/src/contract.rs", "src/weighted-pool/src/abi.rs"],
    errors: "src/weighted-pool/src/errors.rs",
  },
  {
    iface: "IWeightedPoolFactory",
    router: "src/pool-factory/src/router.rs",
    public: ["src/pool-factory/src/lib.rs", "src/pool-factory/src/contract.rs"],
    sol: ["src/pool-factory/src/lib.rs", "src/pool-factory/src/contract.rs", "src/pool-factory/src/abi.rs"],
    errors: "src/pool-factory/src/errors.rs",
  },
];

const read = (rel) => (existsSync(join(REPO, rel)) ? readFileSync(join(REPO, rel), "utf8") : "");
const loadAbi = (name) => JSON.parse(readFileSync(join(ABI_DIR, "json", `${name}.json`), "utf8"));

function canonicalType(param) {
  if (!param.type.startsWith("tuple")) return param.type;
  return `(${param.components.map(canonicalType).join(",")})${param.type.slice("tuple".length)}`;
}
const signatureOf = (item) => `${item.name}(${item.inputs.map(canonicalType).join(",")})`;

/** Splits `s` on commas that are not nested in (), <>, []. */
function splitTopLevel(s) {
  const parts = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if ("(<[".includes(ch)) depth++;
    if (")>]".includes(ch)) depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur.trim() !== "") parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** Bodies of every `sol! { ... }` block (brace-matched). */
function solBlocks(text) {
  const blocks = [];
  const re = /sol!\s*\{/g;
  let m;
  while ((m = re.exec(text))) {
    let depth = 1;
    let i = re.lastIndex;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === "{") depth++;
      else if (text[i] === "}") depth--;
    }
    blocks.push(text.slice(re.lastIndex, i - 1));
  }
  return blocks;
}

/** sol! struct name -> canonical tuple type. */
function solStructs(texts) {
  const raw = {};
  for (const text of texts) {
    for (const block of solBlocks(text)) {
      for (const m of block.matchAll(/struct\s+(\w+)\s*\{([^}]*)\}/g)) {
        raw[m[1]] = m[2]
          .split(";")
          .map((f) => f.replace(/\/\/.*$/gm, "").trim())
          .filter((f) => f !== "")
          .map((f) => f.split(/\s+/)[0]);
      }
    }
  }
  const resolve = (t) => {
    const arr = /^(\w+)((?:\[\d*\])*)$/.exec(t);
    if (arr && raw[arr[1]]) return `(${raw[arr[1]].map(resolve).join(",")})${arr[2]}`;
    return t;
  };
  return Object.fromEntries(Object.keys(raw).map((k) => [k, resolve(k)]));
}

/** sol! events: [{ signature, indexed: [0|1...] }]. */
function solEvents(texts) {
  const events = [];
  for (const text of texts) {
    for (const block of solBlocks(text)) {
      for (const m of block.matchAll(/event\s+(\w+)\s*\(([^)]*)\)\s*;/g)) {
        const params = splitTopLevel(m[2]).map((p) => p.split(/\s+/));
        events.push({
          signature: `${m[1]}(${params.map((p) => p[0]).join(",")})`,
          indexed: params.map((p) => (p.includes("indexed") ? 1 : 0)),
        });
      }
    }
  }
  return events;
}

/** sol! `function` declarations: name -> canonical signature (struct params as tuples). */
function solFunctions(texts, structs) {
  const fns = {};
  for (const text of texts) {
    for (const block of solBlocks(text)) {
      for (const m of block.matchAll(/function\s+(\w+)\s*\(([^)]*)\)/g)) {
        const types = splitTopLevel(m[2]).map((p) => {
          const t = p.split(/\s+/)[0];
          const arr = /^(\w+)((?:\[\d*\])*)$/.exec(t);
          return arr && structs[arr[1]] ? structs[arr[1]] + arr[2] : t;
        });
        fns[m[1]] = `${m[1]}(${types.join(",")})`;
      }
    }
  }
  return fns;
}

/** Signatures a hand-written router dispatches (`xCall::SELECTOR` arms), or null if none. */
function routedSignatures(routerText, fns) {
  const names = [...routerText.matchAll(/(\w+)Call::SELECTOR\s*(?=\||=>)/g)].map((m) => m[1]);
  if (names.length === 0) return null;
  return names.map((n) => {
    if (!fns[n]) throw new Error(`router dispatches ${n} but no sol! function ${n} was found`);
    return fns[n];
  });
}

/** Rust parameter type -> ABI type, or throws for a type this test does not know. */
function abiType(rust, structs) {
  // Drop module paths (alloy_primitives::Bytes -> Bytes) but keep generics.
  const t = rust.replace(/\s+/g, "").replace(/\b\w+::/g, "");
  const vec = /^Vec<(.+)>$/.exec(t);
  if (vec) return `${abiType(vec[1], structs)}[]`;
  const simple = { Address: "address", U256: "uint256", I256: "int256", B256: "bytes32", bool: "bool", u8: "uint8",
    u16: "uint16", u32: "uint32", u64: "uint64", String: "string", Bytes: "bytes", FixedBytes: "bytes32" };
  if (simple[t]) return simple[t];
  if (structs[t]) return structs[t];
  throw new Error(`unknown Rust ABI type ${rust}`);
}

/** The `#[public] impl` methods as Solidity signatures, or null if there is no such block. */
function publicSignatures(texts, structs) {
  const sigs = [];
  let found = false;
  for (const text of texts) {
    const start = text.search(/#\[(?:public|cfg_attr\([^\]]*\bpublic\))\]\s*\n\s*impl\b/);
    if (start < 0) continue;
    found = true;
    const open = text.indexOf("{", start);
    let depth = 1;
    let i = open + 1;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === "{") depth++;
      else if (text[i] === "}") depth--;
    }
    const body = text.slice(open + 1, i - 1);
    // Only methods at the impl's top level: `pub fn` preceded by its attributes.
    const re = /((?:\s*#\[[^\]]*\]\s*|\s*\/\/\/[^\n]*\n)*)\s*pub fn (\w+)\s*(?:<[^>]*>)?\s*\(/g;
    let m;
    while ((m = re.exec(body))) {
      let depthP = 1;
      let j = re.lastIndex;
      for (; j < body.length && depthP > 0; j++) {
        if (body[j] === "(") depthP++;
        else if (body[j] === ")") depthP--;
      }
      const args = splitTopLevel(body.slice(re.lastIndex, j - 1)).filter((a) => !/^&\s*(mut\s+)?self$/.test(a) && a !== "self");
      const named = /#\[selector\(name\s*=\s*"(\w+)"\)\]/.exec(m[1]);
      const name = named ? named[1] : m[2].replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
      const types = args.map((a) => abiType(a.slice(a.indexOf(":") + 1), structs));
      sigs.push(`${name}(${types.join(",")})`);
    }
  }
  return found ? sigs : null;
}

for (const c of CONTRACTS) {
  const publicTexts = c.public.map(read);
  const solTexts = [...new Set([...c.public, ...c.sol])].map(read);
  const structs = solStructs(solTexts);
  let sigs;
  let parseError = null;
  try {
    sigs = (c.router && routedSignatures(read(c.router), solFunctions(solTexts, structs))) || publicSignatures(publicTexts, structs);
  } catch (e) {
    parseError = e;
  }
  const skip = sigs === null ? `no #[public] impl in ${c.public.join(" / ")} yet` : false;

  test(`${c.iface}: functions = the Rust contract's public methods`, { skip }, () => {
    if (parseError) throw parseError;
    const declared = loadAbi(c.iface).filter((i) => i.type === "function").map(signatureOf).sort();
    const implemented = [...new Set(sigs)].sort();
    assert.deepEqual(
      { missingFromAbi: implemented.filter((s) => !declared.includes(s)), notImplemented: declared.filter((s) => !implemented.includes(s)) },
      { missingFromAbi: [], notImplemented: [] },
    );
  });

  test(`${c.iface}: events = the Rust contract's events (signature and indexed flags)`, { skip }, () => {
    const declared = loadAbi(c.iface)
      .filter((i) => i.type === "event")
      .map((e) => ({ signature: signatureOf(e), indexed: e.inputs.map((p) => (p.indexed ? 1 : 0)) }));
    const key = (e) => `${e.signature}/${e.indexed.join("")}`;
    const rust = solEvents(solTexts).map(key);
    const ours = declared.map(key);
    assert.deepEqual(
      { missingFromAbi: rust.filter((k) => !ours.includes(k)), notEmitted: ours.filter((k) => !rust.includes(k)) },
      { missingFromAbi: [], notEmitted: [] },
    );
  });

  test(`${c.iface}: errors = the Rust contract's errors`, { skip: existsSync(join(REPO, c.errors)) ? false : `no ${c.errors} yet` }, () => {
    const declared = loadAbi(c.iface).filter((i) => i.type === "error").map(signatureOf).sort();
    const rust = rustErrorDeclarations(c.errors).map((d) => errorSignature(d.decl)).sort();
    assert.deepEqual(declared, rust);
  });
}
