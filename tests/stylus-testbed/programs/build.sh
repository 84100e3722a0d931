#!/usr/bin/env bash
# Rebuilds the test bed's own Stylus test programs and refreshes the committed fixtures
# in programs/wasm/ (the self-tests load those, so `cargo test` needs no wasm build).
set -euo pipefail
cd "$(dirname "$0")"
target="${CARGO_TARGET_DIR:-$PWD/target}"
for program in world-probe world-erc20; do
  (cd "$program" && CARGO_TARGET_DIR="$target" cargo build --release --target wasm32-unknown-unknown)
  name="${program//-/_}"
  # Raw rustc output, as `cargo build` leaves it; deployment applies cargo-stylus's
  # processing (`deployment_code_from_wasm`), as `cargo stylus deploy` does.
  cp "$target/wasm32-unknown-unknown/release/$name.wasm" "wasm/$name.wasm"
  printf '%-12s %8d bytes\n' "$program" "$(wc -c < "wasm/$name.wasm")"
done
