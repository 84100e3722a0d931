#!/usr/bin/env bash
# Builds the release .wasm of every contract, exactly as deployed, into
# <target>/wasm32-unknown-unknown/release/ (<target> = $CARGO_TARGET_DIR or ./target):
#   vault.wasm, pool_factory.wasm, weighted_pool.wasm (the whole pool in one program: what
#   the factory clones today), and the pool's facets weighted_pool_{swap,join,exit,token}.wasm
#   (one storage layout; the selector -> facet table is in src/weighted-pool/src/router.rs),
#   which the size budget tracks.
# The `contract` feature exports `user_entrypoint`; host builds (tests, export-abi) leave it off.
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
out="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release"
build() { cargo build --locked --release --target wasm32-unknown-unknown "$@"; }
# Each pool build overwrites weighted_pool.wasm: facets first (copied aside), whole pool last.
for facet in swap join exit token; do
  build -p weighted-pool --features "weighted-pool/facet-$facet"
  cp "$out/weighted_pool.wasm" "$out/weighted_pool_$facet.wasm"
done
build -p vault -p weighted-pool -p pool-factory \
  --features vault/contract,weighted-pool/contract,pool-factory/contract
for c in vault pool_factory weighted_pool weighted_pool_swap weighted_pool_join weighted_pool_exit weighted_pool_token; do
  printf '%-24s %8d bytes (uncompressed)\n' "$c" "$(wc -c < "$out/$c.wasm")"
done
