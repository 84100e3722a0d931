#!/usr/bin/env bash
# Runs the cast walkthrough of README.md (the ```bash blocks between
# `<!-- walkthrough:start -->` and `<!-- walkthrough:end -->`) against a fresh devnode, then checks its results:
# every transaction it sent succeeded (receipt status 1), the pool holds liquidity, the swap
# paid out token B, the flash loan emitted FlashLoan, the exit burnt BPT.
#
#   tests/walkthrough.sh            (needs npm ci, node tests/solidity/build.mjs, cargo)
# Environment passed through: WASM_DIR (skip the contract build), DEVNODE_BIN, CARGO_TARGET_DIR.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/lib.sh"
cd "$ROOT"

START='<!-- walkthrough:start -->'
END='<!-- walkthrough:end -->'
SOURCE=README.md
grep -qF "$START" "$SOURCE" || die "no walkthrough markers in $SOURCE"
SCRIPT="$(mktemp -t walkthrough.XXXXXX.sh)"
awk -v start="$START" -v end="$END" '
  index($0, start) { inside = 1; next }
  index($0, end)   { inside = 0 }
  inside && /^```bash/ { code = 1; next }
  inside && code && /^```/ { code = 0; print ""; next }
  inside && code { print }' "$SOURCE" >"$SCRIPT"
[[ -s "$SCRIPT" ]] || die "no bash blocks in the walkthrough of $SOURCE"
say "walkthrough from $SOURCE: $(grep -c . "$SCRIPT") lines"

start_devnode
export RPC_URL PRIVATE_KEY="$DEV_KEY_0"

cat >>"$SCRIPT" <<'CHECKS'
# ---- checks appended by tests/walkthrough.sh
fail() { echo "WALKTHROUGH CHECK FAILED: $*" >&2; exit 1; }
gt() { node -e 'process.exit(BigInt(process.argv[1]) > BigInt(process.argv[2]) ? 0 : 1)' "$1" "$2"; }
latest=$(cast block-number)
sent=0
for n in $(seq 1 "$latest"); do
  for tx in $(cast block "$n" --json | node -p "JSON.parse(require('fs').readFileSync(0)).transactions.join(' ')"); do
    status=$(cast receipt "$tx" status)
    [[ "$status" == "1" || "$status" == "true" || "$status" == "1 (success)" ]] || fail "tx $tx in block $n has status $status"
    sent=$((sent + 1))
  done
done
(( sent >= 10 )) || fail "only $sent transactions were sent"
gt "$(echo "$BPT" | cut -d' ' -f1)" 0 || fail "no BPT minted by the INIT join"
gt "$B_AFTER" "$B_BEFORE" || fail "the swap paid no token B ($B_BEFORE -> $B_AFTER)"
flash_topic=$(cast sig-event "FlashLoan(address,address,uint256,uint256)")
cast receipt "$FLASH_TX" logs | grep -qi "$flash_topic" || fail "the flash loan emitted no FlashLoan event"
left=$(cast call "$POOL" "balanceOf(address)(uint256)" "$ME" | cut -d' ' -f1)
gt "$(echo "$BPT" | cut -d' ' -f1)" "$left" || fail "the exit burnt no BPT"
echo "walkthrough OK: $sent transactions, all status 1; swap paid $(node -p "(BigInt('$B_AFTER') - BigInt('$B_BEFORE')).toString()") wei of B"
CHECKS

bash -euo pipefail "$SCRIPT"
