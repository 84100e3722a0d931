// Canonical Balancer V2 ABI check for abi/json.
//
// Run (repo root, after `npm ci`):   node --test abi/selectors.test.mjs
//
// The tables below are the Balancer V2 canonical signatures, with the 4-byte selectors /
// event topics that the deployed Balancer V2 contracts use. The tests check that
//  (1) each table entry is self-consistent: keccak256(signature) matches the listed hex
//      (so a typo in the table cannot hide a mismatch),
//  (2) abi/json declares exactly that function/event (canonical signature derived from the
//      JSON, tuples expanded), with V2's state mutability, return types and indexed flags,
//  (3) IVault.json contains nothing beyond V2's functions and the listed extensions,
//  (4) abi/json is what abi/*.sol compiles to today (no stale committed JSON).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

const ABI_DIR = dirname(fileURLToPath(import.meta.url));

const keccakHex = (s) => "0x" + bytesToHex(keccak_256(utf8ToBytes(s)));
const selectorOf = (sig) => keccakHex(sig).slice(0, 10);

/** Canonical ABI type of a JSON ABI parameter: tuples expanded, array suffixes kept. */
function canonicalType(param) {
  if (!param.type.startsWith("tuple")) return param.type;
  return `(${param.components.map(canonicalType).join(",")})${param.type.slice("tuple".length)}`;
}
const signatureOf = (item) => `${item.name}(${item.inputs.map(canonicalType).join(",")})`;
const loadAbi = (name) => JSON.parse(readFileSync(join(ABI_DIR, "json", `${name}.json`), "utf8"));

// [interface, canonical signature, V2 selector, stateMutability, return types]
// Mutability is V2's except where noted: V2's payable entry points take native ETH, which
// this Vault refuses, so here they are nonpayable (the selector does not change).
const SWAP_T = "(bytes32,uint8,address,address,uint256,bytes)";
const STEP_T = "(bytes32,uint256,uint256,uint256,bytes)[]";
const FUNDS_T = "(address,bool,address,bool)";
const SWAP_REQUEST_T = "(uint8,address,address,uint256,bytes32,uint256,address,address,bytes)";
const V2_FUNCTIONS = [
  ["IVault", `swap(${SWAP_T},${FUNDS_T},uint256,uint256)`, "0x52bbbe29", "nonpayable" /* V2: payable */, "uint256"],
  ["IVault", `batchSwap(uint8,${STEP_T},address[],${FUNDS_T},int256[],uint256)`, "0x945bcec9", "nonpayable" /* V2: payable */, "int256[]"],
  ["IVault", `queryBatchSwap(uint8,${STEP_T},address[],${FUNDS_T})`, "0xf84d066e", "nonpayable", "int256[]"],
  ["IVault", "flashLoan(address,address[],uint256[],bytes)", "0x5c38449e", "nonpayable", ""],
  ["IVault", "joinPool(bytes32,address,address,(address[],uint256[],bytes,bool))", "0xb95cac28", "nonpayable" /* V2: payable */, ""],
  ["IVault", "exitPool(bytes32,address,address,(address[],uint256[],bytes,bool))", "0x8bdb3913", "nonpayable", ""],
  ["IVault", "getPoolTokens(bytes32)", "0xf94d4668", "view", "address[],uint256[],uint256"],
  ["IVault", "getPool(bytes32)", "0xf6c00927", "view", "address,uint8"],
  ["IVault", "getPoolTokenInfo(bytes32,address)", "0xb05f8e48", "view", "uint256,uint256,uint256,address"],
  ["IVault", "registerPool(uint8)", "0x09b2760f", "nonpayable", "bytes32"],
  ["IVault", "registerTokens(bytes32,address[],address[])", "0x66a9c7d2", "nonpayable", ""],
  ["IVault", "deregisterTokens(bytes32,address[])", "0x7d3aeb96", "nonpayable", ""],
  ["IVault", "manageUserBalance((uint8,address,uint256,address,address)[])", "0x0e8e3e84", "nonpayable" /* V2: payable */, ""],
  ["IVault", "getInternalBalance(address,address[])", "0x0f5a6efa", "view", "uint256[]"],
  ["IVault", "setRelayerApproval(address,address,bool)", "0xfa6e671d", "nonpayable", ""],
  ["IVault", "hasApprovedRelayer(address,address)", "0xfec90d72", "view", "bool"],
  ["IVault", "getProtocolFeesCollector()", "0xd2946c2b", "view", "address"],
  ["IVault", "setPaused(bool)", "0x16c38b3c", "nonpayable", ""],
  ["IVault", "getPausedState()", "0x1c0de051", "view", "bool,uint256,uint256"],
  ["IVault", "WETH()", "0xad5c4648", "view", "address"],
  ["IVault", "getAuthorizer()", "0xaaabadc5", "view", "address"],
  ["IVault", "setAuthorizer(address)", "0x058a628f", "nonpayable", ""],
  ["IFlashLoanRecipient", "receiveFlashLoan(address[],uint256[],uint256[],bytes)", "0xf04f2707", "nonpayable", ""],
  ["IBasePool", `onSwap(${SWAP_REQUEST_T},uint256,uint256)`, "0x9d2c110c", "nonpayable", "uint256"],
  ["IBasePool", "onJoinPool(bytes32,address,address,uint256[],uint256,uint256,bytes)", "0xd5c096c4", "nonpayable", "uint256[],uint256[]"],
  ["IBasePool", "onExitPool(bytes32,address,address,uint256[],uint256,uint256,bytes)", "0x74f3b009", "nonpayable", "uint256[],uint256[]"],
  ["IBasePool", "getPoolId()", "0x38fff2d0", "view", "bytes32"],
  ["IBasePool", "getSwapFeePercentage()", "0x55c67628", "view", "uint256"],
  ["IBasePool", "getScalingFactors()", "0x1dd746ea", "view", "uint256[]"],
  ["IWeightedPool", `onSwap(${SWAP_REQUEST_T},uint256,uint256)`, "0x9d2c110c", "nonpayable", "uint256"],
  ["IWeightedPool", "onJoinPool(bytes32,address,address,uint256[],uint256,uint256,bytes)", "0xd5c096c4", "nonpayable", "uint256[],uint256[]"],
  ["IWeightedPool", "onExitPool(bytes32,address,address,uint256[],uint256,uint256,bytes)", "0x74f3b009", "nonpayable", "uint256[],uint256[]"],
  ["IWeightedPool", "getPoolId()", "0x38fff2d0", "view", "bytes32"],
  ["IWeightedPool", "getVault()", "0x8d928af8", "view", "address"],
  ["IWeightedPool", "getNormalizedWeights()", "0xf89f27ed", "view", "uint256[]"],
  ["IWeightedPool", "getSwapFeePercentage()", "0x55c67628", "view", "uint256"],
  ["IWeightedPool", "setSwapFeePercentage(uint256)", "0x38e9922e", "nonpayable", ""],
  ["IWeightedPool", "getInvariant()", "0xc0ff1a15", "view", "uint256"],
  ["IWeightedPool", "getLastInvariant()", "0x9b02cdde", "view", "uint256"],
  ["IWeightedPool", "getOwner()", "0x893d20e8", "view", "address"],
  ["IWeightedPool", "getScalingFactors()", "0x1dd746ea", "view", "uint256[]"],
  ["IWeightedPool", "pause()", "0x8456cb59", "nonpayable", ""],
  ["IWeightedPool", "unpause()", "0x3f4ba83a", "nonpayable", ""],
  ["IWeightedPool", "getPausedState()", "0x1c0de051", "view", "bool,uint256,uint256"],
  ["IWeightedPool", "permit(address,address,uint256,uint256,uint8,bytes32,bytes32)", "0xd505accf", "nonpayable", ""],
  ["IWeightedPool", "nonces(address)", "0x7ecebe00", "view", "uint256"],
  ["IWeightedPool", "DOMAIN_SEPARATOR()", "0x3644e515", "view", "bytes32"],
  ["IWeightedPool", "transfer(address,uint256)", "0xa9059cbb", "nonpayable", "bool"],
  ["IWeightedPool", "transferFrom(address,address,uint256)", "0x23b872dd", "nonpayable", "bool"],
  ["IWeightedPool", "approve(address,uint256)", "0x095ea7b3", "nonpayable", "bool"],
  ["IWeightedPool", "balanceOf(address)", "0x70a08231", "view", "uint256"],
  ["IWeightedPool", "allowance(address,address)", "0xdd62ed3e", "view", "uint256"],
  ["IWeightedPool", "totalSupply()", "0x18160ddd", "view", "uint256"],
  ["IWeightedPool", "decimals()", "0x313ce567", "view", "uint8"],
  ["IProtocolFeesCollector", "getSwapFeePercentage()", "0x55c67628", "view", "uint256"],
  ["IProtocolFeesCollector", "getFlashLoanFeePercentage()", "0xd877845c", "view", "uint256"],
  ["IProtocolFeesCollector", "setSwapFeePercentage(uint256)", "0x38e9922e", "nonpayable", ""],
  ["IProtocolFeesCollector", "setFlashLoanFeePercentage(uint256)", "0x6b6b9f69", "nonpayable", ""],
  ["IAuthorizer", "canPerform(bytes32,address,address)", "0x9be2a884", "view", "bool"],
  ["IWeightedPoolFactory", "isPoolFromFactory(address)", "0x6634b753", "view", "bool"],
  ["IWeightedPoolFactory", "getVault()", "0x8d928af8", "view", "address"],
];

// Functions on IVault beyond Balancer V2's IVault: the one-time initializer, the four
// IProtocolFeesCollector V2 signatures (the Vault is its own fees collector) and the
// protocol-fee recipient.
const VAULT_EXTENSIONS = [
  "initialize(address,address,uint256,uint256)",
  "getSwapFeePercentage()",
  "getFlashLoanFeePercentage()",
  "setSwapFeePercentage(uint256)",
  "setFlashLoanFeePercentage(uint256)",
  "getProtocolFeeRecipient()",
  "setProtocolFeeRecipient(address)",
];

// [interface, canonical signature, V2 topic0, indexed flags per parameter]
const V2_EVENTS = [
  ["IVault", "Swap(bytes32,address,address,uint256,uint256)", "0x2170c741c41531aec20e7c107c24eecfdd15e69c9bb0a8dd37b1840b9e0b207b", [1, 1, 1, 0, 0]],
  ["IVault", "FlashLoan(address,address,uint256,uint256)", "0x0d7d75e01ab95780d3cd1c8ec0dd6c2ce19e3a20427eec8bf53283b6fb8e95f0", [1, 1, 0, 0]],
  ["IVault", "PoolBalanceChanged(bytes32,address,address[],int256[],uint256[])", "0xe5ce249087ce04f05a957192435400fd97868dba0e6a4b4c049abf8af80dae78", [1, 1, 0, 0, 0]],
  ["IVault", "PoolRegistered(bytes32,address,uint8)", "0x3c13bc30b8e878c53fd2a36b679409c073afd75950be43d8858768e956fbc20e", [1, 1, 0]],
  ["IVault", "TokensRegistered(bytes32,address[],address[])", "0xf5847d3f2197b16cdcd2098ec95d0905cd1abdaf415f07bb7cef2bba8ac5dec4", [1, 0, 0]],
  ["IVault", "TokensDeregistered(bytes32,address[])", "0x7dcdc6d02ef40c7c1a7046a011b058bd7f988fa14e20a66344f9d4e60657d610", [1, 0]],
  ["IVault", "InternalBalanceChanged(address,address,int256)", "0x18e1ea4139e68413d7d08aa752e71568e36b2c5bf940893314c2c5b01eaa0c42", [1, 1, 0]],
  ["IVault", "ExternalBalanceTransfer(address,address,address,uint256)", "0x540a1a3f28340caec336c81d8d7b3df139ee5cdc1839a4f283d7ebb7eaae2d5c", [1, 1, 0, 0]],
  ["IVault", "RelayerApprovalChanged(address,address,bool)", "0x46961fdb4502b646d5095fba7600486a8ac05041d55cdf0f16ed677180b5cad8", [1, 1, 0]],
  ["IVault", "PausedStateChanged(bool)", "0x9e3a5e37224532dea67b89face185703738a228a6e8a23dee546960180d3be64", [0]],
  ["IVault", "AuthorizerChanged(address)", "0x94b979b6831a51293e2641426f97747feed46f17779fed9cd18d1ecefcfe92ef", [1]],
  ["IProtocolFeesCollector", "SwapFeePercentageChanged(uint256)", "0xa9ba3ffe0b6c366b81232caab38605a0699ad5398d6cce76f91ee809e322dafc", [0]],
  ["IProtocolFeesCollector", "FlashLoanFeePercentageChanged(uint256)", "0x5a0b7386237e7f07fa741efc64e59c9387d2cccafec760efed4d53387f20e19a", [0]],
  ["IWeightedPool", "Transfer(address,address,uint256)", "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", [1, 1, 0]],
  ["IWeightedPool", "Approval(address,address,uint256)", "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925", [1, 1, 0]],
  ["IWeightedPool", "SwapFeePercentageChanged(uint256)", "0xa9ba3ffe0b6c366b81232caab38605a0699ad5398d6cce76f91ee809e322dafc", [0]],
  ["IWeightedPool", "PausedStateChanged(bool)", "0x9e3a5e37224532dea67b89face185703738a228a6e8a23dee546960180d3be64", [0]],
  ["IWeightedPoolFactory", "PoolCreated(address)", "0x83a48fbcfc991335314e74d0496aab6a1987e992ddc85dddbcc4d6dd6ef2e9fc", [1]],
];

test("table is self-consistent: keccak256(signature) gives the listed V2 selector/topic", () => {
  for (const [, sig, selector] of V2_FUNCTIONS) assert.equal(selectorOf(sig), selector, sig);
  for (const [, sig, topic] of V2_EVENTS) assert.equal(keccakHex(sig), topic, sig);
});

test("abi/json declares every V2 function with V2's signature, mutability and return types", () => {
  for (const [iface, sig, selector, mutability, outputs] of V2_FUNCTIONS) {
    const matches = loadAbi(iface).filter((i) => i.type === "function" && signatureOf(i) === sig);
    assert.equal(matches.length, 1, `${iface} must declare ${sig} exactly once`);
    const [fn] = matches;
    assert.equal(selectorOf(signatureOf(fn)), selector, `${iface}.${sig}`);
    assert.equal(fn.stateMutability, mutability, `${iface}.${sig} mutability`);
    assert.equal(fn.outputs.map(canonicalType).join(","), outputs, `${iface}.${sig} returns`);
  }
});

test("abi/json declares every V2 event with V2's topic and indexed parameters", () => {
  for (const [iface, sig, topic, indexed] of V2_EVENTS) {
    const matches = loadAbi(iface).filter((i) => i.type === "event" && signatureOf(i) === sig);
    assert.equal(matches.length, 1, `${iface} must declare event ${sig} exactly once`);
    const [ev] = matches;
    assert.equal(keccakHex(signatureOf(ev)), topic, `${iface}.${sig}`);
    assert.equal(ev.anonymous, false, `${iface}.${sig} anonymous`);
    assert.deepEqual(ev.inputs.map((p) => (p.indexed ? 1 : 0)), indexed, `${iface}.${sig} indexed flags`);
  }
});

test("IVault has only V2 functions plus the listed extensions", () => {
  const v2 = new Set(V2_FUNCTIONS.filter(([iface]) => iface === "IVault").map(([, sig]) => sig));
  const declared = loadAbi("IVault").filter((i) => i.type === "function").map(signatureOf);
  const unexpected = declared.filter((sig) => !v2.has(sig) && !VAULT_EXTENSIONS.includes(sig));
  assert.deepEqual(unexpected, [], "functions on IVault that are neither V2 nor a listed extension");
  for (const ext of VAULT_EXTENSIONS) assert.ok(declared.includes(ext), `IVault must declare extension ${ext}`);
  const selectors = declared.map(selectorOf);
  assert.equal(new Set(selectors).size, selectors.length, "selector collision on IVault");
});

test("committed abi/json matches what abi/*.sol compiles to", () => {
  const run = spawnSync(process.execPath, [join(ABI_DIR, "build.mjs"), "--check"], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr + run.stdout);
});
