#!/usr/bin/env bash
# Builds the release .wasm of every deployed program, exactly as deployed, into
# <target>/wasm32-unknown-unknown/release/ (<target> = $CARGO_TARGET_DIR or ./target):
#   vault.wasm, pool_factory.wasm and the WeightedPool's facets
#   weighted_pool_{swap,join,exit,token}.wasm: one storage layout, split by selector to fit
#   Stylus's 24 KiB limit (table: src/pool-factory/src/proxy.rs; each pool is a small EVM
#   proxy that DELEGATECALLs the facet of the called function).
# The `contract` feature exports `user_entrypoint`; host builds (tests, export-abi) leave it off.
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
out="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release"
build() { cargo build --locked --release --target wasm32-unknown-unknown "$@"; }
# Each facet build writes weighted_pool.wasm: copy it aside under the facet's name.
for facet in swap join exit token; do
  build -p weighted-pool --features "weighted-pool/facet-$facet"
  cp "$out/weighted_pool.wasm" "$out/weighted_pool_$facet.wasm"
done
# (weighted_pool.wasm is left as the last facet build: an intermediate, never deployed.)
build -p vault -p pool-factory --features vault/contract,pool-factory/contract
for c in vault pool_factory weighted_pool_swap weighted_pool_join weighted_pool_exit weighted_pool_token; do
  printf '%-24s %8d bytes (uncompressed)\n' "$c" "$(wc -c < "$out/$c.wasm")"
done
