#!/usr/bin/env bash
# Shared helpers of deploy.sh, demo.sh and tests/walkthrough.sh (source it; not run alone).
#   - cast from node_modules (after `npm ci`) or PATH
#   - a local devnode started on a free port and stopped on exit
#   - `send` / `create`: cast send --json, status checked, gas recorded for the summary table
# Needs: bash, node (JSON parsing), cargo (to build the devnode unless DEVNODE_BIN is set).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export FOUNDRY_DISABLE_NIGHTLY_WARNING=1

die() { echo "error: $*" >&2; exit 1; }
say() { echo "==> $*" >&2; }

if [[ -z "${CAST:-}" ]]; then
  if [[ -x "$ROOT/node_modules/.bin/cast" ]]; then CAST="$ROOT/node_modules/.bin/cast"
  elif command -v cast >/dev/null; then CAST="$(command -v cast)"
  else die "cast not found: run 'npm ci' at the repository root (or install Foundry)"; fi
fi
command -v node >/dev/null || die "node is needed (JSON parsing)"

# json <json-text> <js expression on `j`>: prints the value (strings raw).
json() {
  node -e 'const j = JSON.parse(process.argv[1]); const v = eval(process.argv[2]);
           process.stdout.write(typeof v === "string" ? v : JSON.stringify(v));' "$1" "$2"
}

# Hex quantity or decimal -> decimal.
dec() { node -e 'process.stdout.write(BigInt(process.argv[1]).toString())' -- "$1"; }

# Builds (once) and prints the devnode binary.
devnode_bin() {
  if [[ -n "${DEVNODE_BIN:-}" ]]; then echo "$DEVNODE_BIN"; return; fi
  local target="${CARGO_TARGET_DIR:-$ROOT/target}"
  (cd "$ROOT" && cargo build --quiet -p devnode --bin devnode) >&2 || die "cannot build the devnode"
  DEVNODE_BIN="$target/debug/devnode"
  echo "$DEVNODE_BIN"
}

# Starts a devnode on a free port; sets RPC_URL and DEVNODE_PID, stops it on exit.
DEVNODE_PID=""
stop_devnode() {
  if [[ -n "$DEVNODE_PID" ]]; then kill "$DEVNODE_PID" 2>/dev/null || true; wait "$DEVNODE_PID" 2>/dev/null || true; DEVNODE_PID=""; fi
}
start_devnode() {
  local bin log
  bin="$(devnode_bin)"
  log="$(mktemp -t devnode.XXXXXX)"
  # DEVNODE_ARGS: extra devnode flags (see `devnode --help`).
  # shellcheck disable=SC2086
  "$bin" --port 0 ${DEVNODE_ARGS:-} >"$log" 2>"$log.txs" &
  DEVNODE_PID=$!
  trap stop_devnode EXIT
  for _ in $(seq 1 200); do
    if grep -q '^Listening on ' "$log" 2>/dev/null && [[ "$(head -1 "$log")" == *:[0-9]* ]]; then break; fi
    kill -0 "$DEVNODE_PID" 2>/dev/null || die "devnode exited: $(cat "$log" "$log.txs")"
    sleep 0.05
  done
  RPC_URL="$(head -1 "$log" | awk '{print $3}')"
  [[ "$RPC_URL" == http://* ]] || die "devnode did not start: $(cat "$log")"
  export RPC_URL DEVNODE_LOG="$log"
  say "devnode (pid $DEVNODE_PID) at $RPC_URL; transaction log: $log.txs"
}

# First dev key (public test key of the standard mnemonic; local use only).
DEV_KEY_0=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
DEV_KEY_1=0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d

c() { "$CAST" "$@"; }
# cast with the RPC URL (subcommand first).
cr() { local sub="$1"; shift; "$CAST" "$sub" --rpc-url "$RPC_URL" "$@"; }

# Gas table: "label|gas|status|tx" lines.
GAS_LOG="${GAS_LOG:-$(mktemp -t gas.XXXXXX)}"
export GAS_LOG
LAST_RECEIPT=""

# send <label> <key> <cast send args...>: sends, requires status 1, records gas.
# Sets LAST_RECEIPT (JSON); prints nothing on stdout.
send() {
  local label="$1" key="$2"; shift 2
  local out status gas hash
  out="$("$CAST" send --json --rpc-url "$RPC_URL" --private-key "$key" "$@" 2>&1)" \
    || die "$label: transaction failed: $out"
  LAST_RECEIPT="$out"
  status="$(json "$out" 'j.status')"; gas="$(dec "$(json "$out" 'j.gasUsed')")"; hash="$(json "$out" 'j.transactionHash')"
  echo "$label|$gas|$status|$hash" >>"$GAS_LOG"
  [[ "$status" == "0x1" ]] || die "$label: status $status (tx $hash)"
}

# create <label> <key> <initcode hex> : deploys, prints the contract address.
create() {
  local label="$1" key="$2" code="$3"
  [[ "$code" =~ ^0x[0-9a-fA-F]{2,}$ ]] || die "$label: no creation code"
  send "$label" "$key" --create "$code"
  json "$LAST_RECEIPT" 'j.contractAddress'
}

# Solidity artifact creation code (tests/solidity/out/<Name>.json) with encoded ctor args.
artifact_code() {
  local name="$1"; shift
  local file="$ROOT/tests/solidity/out/$name.json"
  [[ -f "$file" ]] || die "$file missing: run 'node tests/solidity/build.mjs'"
  local code; code="$(node -e 'process.stdout.write(require(process.argv[1]).bytecode)' "$file")"
  if [[ $# -gt 0 ]]; then
    local args; args="$("$CAST" abi-encode "$@")"
    code="$code${args#0x}"
  fi
  echo "$code"
}

# Prints the gas table.
print_gas_table() {
  printf '\n%-44s %12s  %-6s %s\n' "transaction" "gas used" "status" "tx hash" >&2
  printf '%-44s %12s  %-6s %s\n' "-----------" "--------" "------" "-------" >&2
  while IFS='|' read -r label gas status hash; do
    printf '%-44s %12s  %-6s %s\n' "$label" "$(printf "%'d" "$gas" 2>/dev/null || echo "$gas")" "$([[ $status == 0x1 ]] && echo ok || echo FAIL)" "$hash" >&2
  done <"$GAS_LOG"
}

# call_uint <to> <sig> [args]: a uint256 view as a decimal string (raw return word).
call_uint() {
  local to="$1" sig="$2"; shift 2
  local raw; raw="$(cr call "$to" "$sig" "$@")" || die "call $sig on $to failed"
  node -e 'const h = process.argv[1]; process.stdout.write(BigInt(h.slice(0, 66)).toString())' "$raw"
}

# ABI int256[] return data -> "a,b,c" (decimal, signed).
decode_int_array() {
  node -e '
    const h = process.argv[1].replace(/^0x/, "");
    const word = (i) => BigInt("0x" + h.slice(i * 64, i * 64 + 64));
    const signed = (v) => (v >= (1n << 255n) ? v - (1n << 256n) : v);
    const start = Number(word(0)) / 32, n = Number(word(start));
    const out = [];
    for (let i = 0; i < n; i++) out.push(signed(word(start + 1 + i)).toString());
    process.stdout.write(out.join(","));' "$1"
}

# Human amount of an 18-decimal token amount (trimmed).
units() {
  node -e '
    let v = BigInt(process.argv[1]); const neg = v < 0n; if (neg) v = -v;
    const whole = v / 10n ** 18n, frac = (v % 10n ** 18n).toString().padStart(18, "0").slice(0, 6).replace(/0+$/, "");
    process.stdout.write((neg ? "-" : "") + whole.toLocaleString("en-US") + (frac ? "." + frac : ""));' -- "$1"
}

# Gas used by the last `send`.
last_gas() { tail -1 "$GAS_LOG" | cut -d'|' -f2; }
