#!/usr/bin/env bash
# The test command (README.md). From a clean clone on a fresh machine it installs what it
# needs (wasm target, npm packages: solc-js + Foundry), builds the ABI, the Solidity test
# contracts and the release .wasm contracts, then runs every test. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }

step "toolchain: wasm32 target"
rustup target add wasm32-unknown-unknown

step "npm ci (solc-js, Foundry, hashing for the selector tests)"
npm ci --no-audit --no-fund

step "abi/: interfaces compile, JSON ABIs up to date, canonical Balancer V2 selectors"
node abi/build.mjs --check
node --test abi/

step "Solidity test contracts: build + their forge unit tests"
node tests/solidity/build.mjs
(cd tests/solidity && ../../node_modules/.bin/forge test --offline)

step "release .wasm contracts"
bash deploy/build-contracts.sh

step "cargo tests (math vectors, test bed, contracts through the test bed, devnode)"
cargo test --workspace --locked

step "README walkthrough: its cast commands against a fresh devnode, results checked"
export WASM_DIR="${CARGO_TARGET_DIR:-$PWD/target}/wasm32-unknown-unknown/release"
bash tests/walkthrough.sh

step "README main job: deploy/demo.sh on a fresh devnode (factory pools, swaps, batchSwap, flash loans, exit)"
bash deploy/demo.sh
