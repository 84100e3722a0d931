#!/usr/bin/env bash
# The test command (README.md): installs what it needs, builds the release contracts,
# then runs every test of the workspace. Fails loudly on the first error.
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target add wasm32-unknown-unknown >/dev/null
bash deploy/build-contracts.sh
cargo test --workspace --locked
