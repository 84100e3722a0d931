#!/usr/bin/env bash
# Builds the release .wasm of every contract, exactly as deployed:
#   <target>/wasm32-unknown-unknown/release/{vault,weighted_pool,pool_factory}.wasm
# <target> is $CARGO_TARGET_DIR, or ./target. The `contract` feature exports
# `user_entrypoint`; host builds (tests, export-abi) leave it off.
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
cargo build --locked --release --target wasm32-unknown-unknown \
  -p vault -p weighted-pool -p pool-factory \
  --features vault/contract,weighted-pool/contract,pool-factory/contract
out="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release"
for c in vault weighted_pool pool_factory; do
  printf '%-14s %8d bytes (uncompressed)\n' "$c" "$(wc -c < "$out/$c.wasm")"
done
