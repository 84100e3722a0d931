#!/usr/bin/env bash
# Builds the release .wasm of every contract, exactly as deployed:
#   <target>/wasm32-unknown-unknown/release/{vault,weighted_pool,pool_factory}.wasm
# plus the WeightedPool's swap and liquidity facets (weighted_pool.wasm is its token facet):
#   <target>/wasm32-unknown-unknown/release/weighted_pool_{swap,liquidity}.wasm
# <target> is $CARGO_TARGET_DIR, or ./target. The `contract` feature exports
# `user_entrypoint`; host builds (tests, export-abi) leave it off.
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
out="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release"
# WeightedPool facets (one crate, one storage layout; see src/weighted-pool/src/router.rs):
# each build overwrites weighted_pool.wasm, so the facets are built and copied first and
# the token facet (weighted_pool.wasm) is built last, with the other contracts.
for facet in swap liquidity; do
  cargo build --locked --release --target wasm32-unknown-unknown \
    -p weighted-pool --features "weighted-pool/facet-$facet"
  cp "$out/weighted_pool.wasm" "$out/weighted_pool_$facet.wasm"
done
cargo build --locked --release --target wasm32-unknown-unknown \
  -p vault -p weighted-pool -p pool-factory \
  --features vault/contract,weighted-pool/contract,pool-factory/contract
for c in vault weighted_pool weighted_pool_swap weighted_pool_liquidity pool_factory; do
  printf '%-24s %8d bytes (uncompressed)\n' "$c" "$(wc -c < "$out/$c.wasm")"
done
