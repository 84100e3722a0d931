#!/usr/bin/env bash
# A tour of the AMM with plain cast: three test tokens, internal (in-Vault) balances,
# flash loans through a Solidity recipient, an 80/20 pool and a 50/50 pool from the factory,
# INIT joins, single swaps (GIVEN_IN, GIVEN_OUT, from/to internal balances), queryBatchSwap
# then batchSwap across both pools, and a proportional exit. Prints a table of what
# happened (amounts, gas per transaction) and the balances.
#
#   deploy/demo.sh                                  # local devnode (started and stopped here)
#   RPC_URL=... PRIVATE_KEY=... DEPLOYMENT=deploy/out/421614.json deploy/demo.sh
#
# Needs the Solidity test artifacts (node tests/solidity/build.mjs). Without DEPLOYMENT it
# runs deploy/deploy.sh first (same variables: WASM_DIR, WETH, ...).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ -z "${RPC_URL:-}" ]]; then
  start_devnode
  PRIVATE_KEY="$DEV_KEY_0"
fi
[[ -n "${PRIVATE_KEY:-}" ]] || die "RPC_URL is set: PRIVATE_KEY is needed too"
export RPC_URL PRIVATE_KEY
KEY="$PRIVATE_KEY"
ME="$(c wallet address --private-key "$KEY")"

if [[ -z "${DEPLOYMENT:-}" ]]; then
  DEPLOYMENT="$(mktemp -t deployment.XXXXXX.json)"
  say "deploying (deploy/deploy.sh)"
  OUT="$DEPLOYMENT" GAS_LOG="$(mktemp -t gas.XXXXXX)" "$ROOT/deploy/deploy.sh" >/dev/null
fi
D="$(cat "$DEPLOYMENT")"
VAULT="$(json "$D" 'j.vault')"
FACTORY="$(json "$D" 'j.weightedPoolFactory')"
say "vault $VAULT, factory $FACTORY, trader $ME"

ONE=1000000000000000000           # 1e18
MAX_UINT=115792089237316195423570985008687907853269984665640564039457584007913129639935
DEADLINE=99999999999
FUNDS="($ME,false,$ME,false)"
ROWS=()                            # "step|gas|result"
row() { ROWS+=("$1|$(last_gas)|$2"); }
# The steps table; also printed when a step fails, to show how far the tour got.
report_steps() {
  echo
  printf '%-46s %10s  %s\n' "step" "gas used" "what happened"
  printf '%-46s %10s  %s\n' "----" "--------" "-------------"
  local r step gas what
  for r in "${ROWS[@]}"; do
    IFS='|' read -r step gas what <<<"$r"
    [[ "$gas" == "-" ]] || gas="$(printf "%'d" "$gas")"
    printf '%-46s %10s  %s\n' "$step" "$gas" "$what"
  done
}
trap 'report_steps; stop_devnode' EXIT
e18() { node -e 'process.stdout.write((BigInt(process.argv[1]) * 10n ** 18n).toString())' -- "$1"; }
balance_of() { call_uint "$1" 'balanceOf(address)' "$2"; }
sub() { node -e 'process.stdout.write((BigInt(process.argv[1]) - BigInt(process.argv[2])).toString())' "$1" "$2"; }
mul_div() { node -e 'const [a,b,c] = process.argv.slice(1).map(BigInt); process.stdout.write((a * b / c).toString())' "$1" "$2" "$3"; }

# ---------------------------------------------------------------- tokens
TOKENS=()
for sym in AAA BBB CCC; do
  t="$(create "deploy TestERC20 $sym" "$KEY" "$(artifact_code TestERC20 'constructor(string,string,uint8)' "Demo $sym" "$sym" 18)")"
  TOKENS+=("$t")
  row "deploy TestERC20 $sym (Solidity)" "$t"
done
# Pools take their tokens sorted ascending.
mapfile -t SORTED < <(printf '%s\n' "${TOKENS[@]}" | node -e '
  const a = require("fs").readFileSync(0, "utf8").trim().split("\n");
  a.sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1)); console.log(a.join("\n"));')
T0="${SORTED[0]}"; T1="${SORTED[1]}"; T2="${SORTED[2]}"
declare -A SYM
for t in "$T0" "$T1" "$T2"; do SYM[$t]="$(cr call "$t" 'symbol()(string)' | tr -d '"')"; done
S0="${SYM[$T0]}"; S1="${SYM[$T1]}"; S2="${SYM[$T2]}"
for t in "$T0" "$T1" "$T2"; do
  send "mint ${SYM[$t]}" "$KEY" "$t" 'mint(address,uint256)' "$ME" "$(e18 1000000)"
  send "approve Vault ${SYM[$t]}" "$KEY" "$t" 'approve(address,uint256)' "$VAULT" "$MAX_UINT"
done
row "mint 1,000,000 + approve Vault (each token)" "sorted: $S0 < $S1 < $S2"

# ---------------------------------------------------------------- internal balances
UB_SIG='manageUserBalance((uint8,address,uint256,address,address)[])'
internal_balances() {
  local raw out=() v; raw="$(cr call "$VAULT" 'getInternalBalance(address,address[])' "$ME" "[$T0,$T1]")"
  IFS=, read -r -a vals <<<"$(decode_int_array "$raw")"
  for v in "${vals[@]}"; do out+=("$(units "$v")"); done
  echo "${out[0]} $S0, ${out[1]} $S1"
}
send "deposit internal balance" "$KEY" "$VAULT" "$UB_SIG" "[(0,$T0,$(e18 2000),$ME,$ME),(0,$T1,$(e18 1000),$ME,$ME)]"
row "manageUserBalance DEPOSIT_INTERNAL x2" "internal: $(internal_balances)"

# ---------------------------------------------------------------- flash loans
RECIPIENT="$(create "deploy MinimalFlashLoanRecipient" "$KEY" "$(artifact_code MinimalFlashLoanRecipient 'constructor(address)' "$VAULT")")"
FEE_PCT="$(call_uint "$VAULT" 'getFlashLoanFeePercentage()')"
for t in "$T0" "$T1"; do send "fund recipient fees ${SYM[$t]}" "$KEY" "$t" 'mint(address,uint256)' "$RECIPIENT" "$(e18 10)"; done
vault_t0_before="$(balance_of "$T0" "$VAULT")"
send "flashLoan 1 token" "$KEY" "$VAULT" 'flashLoan(address,address[],uint256[],bytes)' "$RECIPIENT" "[$T0]" "[$(e18 1000)]" 0x
row "flashLoan 1,000 $S0 (fee fraction $(units "$FEE_PCT"))" "repaid; vault $S0 $(units "$vault_t0_before") -> $(units "$(balance_of "$T0" "$VAULT")")"
send "flashLoan 2 tokens" "$KEY" "$RECIPIENT" 'borrow(address[],uint256[],bytes)' "[$T0,$T1]" "[$(e18 1000),$(e18 500)]" 0x
row "flashLoan 1,000 $S0 + 500 $S1 (via recipient)" "repaid"

# ---------------------------------------------------------------- pools
# create_pool <name> <symbol> <tokens> <weights> <fee> <salt>: sets POOL, POOL_ID.
create_pool() {
  send "factory.create $1" "$KEY" "$FACTORY" 'create(string,string,address[],uint256[],uint256,address,bytes32)' \
    "$1" "$2" "$3" "$4" "$5" "$ME" "$6"
  POOL="$(json "$LAST_RECEIPT" '(() => {
    const t = "0x83a48fbcfc991335314e74d0496aab6a1987e992ddc85dddbcc4d6dd6ef2e9fc";
    const log = (j.logs || []).find((l) => l.topics[0] === t);
    return log ? "0x" + log.topics[1].slice(26) : ""; })()')"
  [[ -n "$POOL" ]] || die "factory.create $1 emitted no PoolCreated event"
  POOL_ID="$(cr call "$POOL" 'getPoolId()(bytes32)')"
}
create_pool "Demo 80 $S0 20 $S1" "B-80$S0-20$S1" "[$T0,$T1]" "[$(mul_div $ONE 8 10),$(mul_div $ONE 2 10)]" "$(mul_div $ONE 3 1000)" "0x$(printf %064x 1)"
POOL1="$POOL"; POOL1_ID="$POOL_ID"
row "create pool 1: 80/20 $S0/$S1, fee 0.3%" "pool $POOL1"
create_pool "Demo 50 $S1 50 $S2" "B-50$S1-50$S2" "[$T1,$T2]" "[$(mul_div $ONE 1 2),$(mul_div $ONE 1 2)]" "$(mul_div $ONE 1 1000)" "0x$(printf %064x 2)"
POOL2="$POOL"; POOL2_ID="$POOL_ID"
row "create pool 2: 50/50 $S1/$S2, fee 0.1%" "pool $POOL2"

# ---------------------------------------------------------------- INIT joins
JOIN_SIG='joinPool(bytes32,address,address,(address[],uint256[],bytes,bool))'
join_init() {
  local id="$1" pool="$2" tokens="$3" amounts="$4" label="$5"
  local ud; ud="$(c abi-encode 'f(uint256,uint256[])' 0 "$amounts")"
  send "join INIT $label" "$KEY" "$VAULT" "$JOIN_SIG" "$id" "$ME" "$ME" "($tokens,$amounts,$ud,false)"
  local bpt; bpt="$(balance_of "$pool" "$ME")"
  row "join INIT $label" "in $(units "$(echo "$amounts" | tr -d '[]' | cut -d, -f1)") + $(units "$(echo "$amounts" | tr -d '[]' | cut -d, -f2)"), BPT out $(units "$bpt")"
}
join_init "$POOL1_ID" "$POOL1" "[$T0,$T1]" "[$(e18 8000),$(e18 2000)]" "pool 1 (8,000 $S0 + 2,000 $S1)"
join_init "$POOL2_ID" "$POOL2" "[$T1,$T2]" "[$(e18 5000),$(e18 5000)]" "pool 2 (5,000 $S1 + 5,000 $S2)"

# ---------------------------------------------------------------- single swap
SWAP_SIG='swap((bytes32,uint8,address,address,uint256,bytes),(address,bool,address,bool),uint256,uint256)'
b0="$(balance_of "$T0" "$ME")"; b1="$(balance_of "$T1" "$ME")"
send "swap GIVEN_IN 100 $S0 -> $S1" "$KEY" "$VAULT" "$SWAP_SIG" "($POOL1_ID,0,$T0,$T1,$(e18 100),0x)" "$FUNDS" 0 "$DEADLINE"
a0="$(balance_of "$T0" "$ME")"; a1="$(balance_of "$T1" "$ME")"
row "swap GIVEN_IN (pool 1)" "paid $(units "$(sub "$b0" "$a0")") $S0, got $(units "$(sub "$a1" "$b1")") $S1"
send "swap GIVEN_OUT 10 $S1 <- $S0" "$KEY" "$VAULT" "$SWAP_SIG" "($POOL1_ID,1,$T0,$T1,$(e18 10),0x)" "$FUNDS" "$(e18 1000)" "$DEADLINE"
c0="$(balance_of "$T0" "$ME")"; c1="$(balance_of "$T1" "$ME")"
row "swap GIVEN_OUT (pool 1)" "paid $(units "$(sub "$a0" "$c0")") $S0, got $(units "$(sub "$c1" "$a1")") $S1"

# ---------------------------------------------------------------- swap from/to internal balances
send "swap with internal balances" "$KEY" "$VAULT" "$SWAP_SIG" "($POOL1_ID,0,$T0,$T1,$(e18 100),0x)" "($ME,true,$ME,true)" 0 "$DEADLINE"
row "swap GIVEN_IN, internal balances (pool 1)" "internal now: $(internal_balances)"

# ---------------------------------------------------------------- queryBatchSwap + batchSwap (2 hops)
STEPS="[($POOL1_ID,0,1,$(e18 50),0x),($POOL2_ID,1,2,0,0x)]"
ASSETS="[$T0,$T1,$T2]"
QUERY_SIG='queryBatchSwap(uint8,(bytes32,uint256,uint256,uint256,bytes)[],address[],(address,bool,address,bool))'
raw="$(cr call "$VAULT" "$QUERY_SIG" 0 "$STEPS" "$ASSETS" "$FUNDS")" || die "queryBatchSwap failed"
IFS=, read -r q0 q1 q2 <<<"$(decode_int_array "$raw")"
ROWS+=("queryBatchSwap $S0 -> $S1 -> $S2 (eth_call)|-|deltas $(units "$q0") $S0, $(units "$q1") $S1, $(units "$q2") $S2")
# Limits: pay at most the quote, receive at least 99% of it.
min_out="$(node -e "process.stdout.write((BigInt('$q2') * 99n / 100n).toString())")"
b0="$(balance_of "$T0" "$ME")"; b2="$(balance_of "$T2" "$ME")"
send "batchSwap 2 hops" "$KEY" "$VAULT" \
  'batchSwap(uint8,(bytes32,uint256,uint256,uint256,bytes)[],address[],(address,bool,address,bool),int256[],uint256)' \
  0 "$STEPS" "$ASSETS" "$FUNDS" "[$q0,0,$min_out]" "$DEADLINE"
a0="$(balance_of "$T0" "$ME")"; a2="$(balance_of "$T2" "$ME")"
got2="$(sub "$a2" "$b2")"
paid0="$(sub "$b0" "$a0")"
[[ "$got2" == "${q2#-}" && "$paid0" == "$q0" ]] || die "batchSwap moved $paid0 / $got2, the query said $q0 / $q2"
row "batchSwap $S0 -> $S1 -> $S2 (pools 1, 2)" "paid $(units "$paid0") $S0, got $(units "$got2") $S2 (= query)"

# ---------------------------------------------------------------- exit
EXIT_SIG='exitPool(bytes32,address,address,(address[],uint256[],bytes,bool))'
bpt="$(balance_of "$POOL1" "$ME")"; half="$(node -e "process.stdout.write((BigInt('$bpt') / 2n).toString())")"
b0="$(balance_of "$T0" "$ME")"; b1="$(balance_of "$T1" "$ME")"
ud="$(c abi-encode 'f(uint256,uint256)' 1 "$half")"
send "exit proportional pool 1" "$KEY" "$VAULT" "$EXIT_SIG" "$POOL1_ID" "$ME" "$ME" "([$T0,$T1],[0,0],$ud,false)"
a0="$(balance_of "$T0" "$ME")"; a1="$(balance_of "$T1" "$ME")"
row "exit EXACT_BPT_IN_FOR_TOKENS_OUT (pool 1)" "burnt $(units "$half") BPT, got $(units "$(sub "$a0" "$b0")") $S0 + $(units "$(sub "$a1" "$b1")") $S1"

# ---------------------------------------------------------------- report
report_steps
trap stop_devnode EXIT
echo
printf '%-8s %22s %22s %22s\n' "balance" "trader" "vault" "pool 1 / pool 2 (BPT)"
for t in "$T0" "$T1" "$T2"; do
  printf '%-8s %22s %22s %22s\n' "${SYM[$t]}" "$(units "$(balance_of "$t" "$ME")")" "$(units "$(balance_of "$t" "$VAULT")")" ""
done
printf '%-8s %22s %22s %22s\n' "BPT 1" "$(units "$(balance_of "$POOL1" "$ME")")" "" "supply $(units "$(call_uint "$POOL1" 'totalSupply()')")"
printf '%-8s %22s %22s %22s\n' "BPT 2" "$(units "$(balance_of "$POOL2" "$ME")")" "" "supply $(units "$(call_uint "$POOL2" 'totalSupply()')")"
echo
echo "pool 1 getPoolTokens: $(cr call "$VAULT" 'getPoolTokens(bytes32)(address[],uint256[],uint256)' "$POOL1_ID" | tr '\n' ' ')"
