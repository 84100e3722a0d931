#!/bin/sh
# What the math adds to a wasm32 release build: a minimal cdylib exporting the swap functions
# (default) or every pool function (--features all), each also with weighted-math/compact, built at opt-level z, s and 3 with
# lto, codegen-units=1, panic=abort, strip. Prints raw / gzip -9 / brotli -q 11 bytes.
# Run from this directory:  ./measure.sh
set -e
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/tmp/wasm-size-probe-target}
for feat in "" "all" "compact" "all,compact"; do
  for opt in z s 3; do
    CARGO_PROFILE_RELEASE_OPT_LEVEL=$opt cargo build -q --release --target wasm32-unknown-unknown ${feat:+--features $feat}
    f=$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/wm_size.wasm
    raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
    echo "${feat:-swaps} opt=$opt raw=$raw gzip=$gz brotli=$br"
  done
done
