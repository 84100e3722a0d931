#!/usr/bin/env bash
# Deploys and wires the AMM's Stylus programs: the Vault, the WeightedPool's four facet
# programs (swap, join, exit, token: the pool is split by selector to fit Stylus's 24 KiB
# limit; each pool is a small EVM proxy the factory deploys, which DELEGATECALLs them) and
# the WeightedPoolFactory, each as on Arbitrum: a creation transaction whose runtime code is
# Stylus deployment code (from `devnode initcode`, no cargo-stylus needed), then
# ArbWasm(0x71).activateProgram(address) paying the data fee (quoted with an eth_call, plus
# a margin, as cargo-stylus does; the excess is refunded). Then it initialises the Vault and
# the factory and verifies the wiring with calls: an initialise front-run between deployment
# and initialisation is detected and fails the script (redeploy then).
#
#   deploy/deploy.sh                                   # local: own devnode, dev key 0
#   RPC_URL=https://... PRIVATE_KEY=0x... deploy/deploy.sh   # Arbitrum One/Sepolia, Nitro devnode
#
# Environment (all optional):
#   WETH            WETH address (default: canonical WETH on Arbitrum One / Sepolia; else a
#                   WETH9 from tests/solidity is deployed)
#   AUTHORIZER      Vault admin account (default: the deployer)
#   PAUSE_WINDOW    seconds (default 7776000 = 90 days)   BUFFER_PERIOD seconds (default 2592000 = 30 days)
#   WASM_DIR        directory holding vault.wasm, weighted_pool_{swap,join,exit,token}.wasm, pool_factory.wasm
#                   (default: build with deploy/build-contracts.sh into $CARGO_TARGET_DIR or target/)
#   ACTIVATION_MARGIN_PERCENT  data-fee margin (default 20)
#   MAX_CODE_SIZE   deployed-code limit checked before deploying (default 24576, Arbitrum's)
#   OUT             output file (default deploy/out/<chainid>.json; on a devnode: deploy/out/local-<chainid>.json)
# Prints the addresses; writes OUT; prints a gas table on stderr.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ARB_WASM=0x0000000000000000000000000000000000000071
LOCAL=0
if [[ -z "${RPC_URL:-}" ]]; then
  [[ -z "${PRIVATE_KEY:-}" ]] || die "PRIVATE_KEY is set but RPC_URL is not"
  start_devnode
  PRIVATE_KEY="$DEV_KEY_0"
  LOCAL=1
fi
[[ -n "${PRIVATE_KEY:-}" ]] || die "RPC_URL is set: PRIVATE_KEY is needed too"
KEY="$PRIVATE_KEY"
DEPLOYER="$(c wallet address --private-key "$KEY")"
CHAIN_ID="$(cr chain-id)"
# A devnode's addresses are throwaway: name its output local-<chainid>.json (gitignored).
[[ "$(cr client 2>/dev/null)" == devnode/* ]] && LOCAL=1
say "chain $CHAIN_ID, deployer $DEPLOYER, rpc $RPC_URL"

# ---------------------------------------------------------------- wasm
if [[ -z "${WASM_DIR:-}" ]]; then
  say "building the release wasm (deploy/build-contracts.sh)"
  "$ROOT/deploy/build-contracts.sh" >&2
  WASM_DIR="${CARGO_TARGET_DIR:-$ROOT/target}/wasm32-unknown-unknown/release"
fi
PROGRAMS=(vault weighted_pool_swap weighted_pool_join weighted_pool_exit weighted_pool_token pool_factory)
for p in "${PROGRAMS[@]}"; do
  [[ -f "$WASM_DIR/$p.wasm" ]] || die "$WASM_DIR/$p.wasm missing"
done
DEVNODE="$(devnode_bin)"

# Pre-flight, before any gas is spent: every program converts to deployment code within
# Nitro's limits (128 KiB wasm; 24 KiB deployed code unless MAX_CODE_SIZE says otherwise).
declare -A INIT
for p in "${PROGRAMS[@]}"; do
  INIT[$p]="$("$DEVNODE" initcode "$WASM_DIR/$p.wasm")" || die "$p.wasm cannot be deployed (see above)"
  init_hex="${INIT[$p]}"
  code_len=$(( (${#init_hex} - 2) / 2 - 14 ))   # the init code is a 14-byte prelude + the code
  (( code_len <= ${MAX_CODE_SIZE:-24576} )) \
    || die "$p: deployment code is $code_len bytes, over the ${MAX_CODE_SIZE:-24576}-byte limit (EIP-170 on Arbitrum)"
done

# ---------------------------------------------------------------- deploy + activate
activate() {
  local label="$1" program="$2"
  local current version quote fee
  current="$(cr call $ARB_WASM 'stylusVersion()(uint16)')"
  if version="$(cr call $ARB_WASM 'programVersion(address)(uint16)' "$program" 2>/dev/null)" && [[ "$version" == "$current" ]]; then
    say "$label: code already activated (version $version)"
    return
  fi
  # Quote the data fee: eth_call with the whole balance as value, read dataFee.
  quote="$(cr call --from "$DEPLOYER" --value "$(cr balance "$DEPLOYER")" $ARB_WASM \
    'activateProgram(address)(uint16,uint256)' "$program")" || die "$label: activation quote failed"
  fee="$(echo "$quote" | sed -n 2p | awk '{print $1}')"
  [[ "$fee" =~ ^[0-9]+$ ]] || die "$label: cannot read the data fee from: $quote"
  local margin="${ACTIVATION_MARGIN_PERCENT:-20}"
  local pay; pay="$(node -e 'process.stdout.write((BigInt(process.argv[1]) * BigInt(100 + +process.argv[2]) / 100n).toString())' "$fee" "$margin")"
  say "$label: data fee $fee wei, paying $pay (excess refunded)"
  send "activate $label" "$KEY" --value "$pay" $ARB_WASM 'activateProgram(address)' "$program"
  DATA_FEES="$DATA_FEES\"$label\": \"$fee\", "
}

# deploy_program <label>: deploys INIT[label] and activates it; sets DEPLOYED.
deploy_program() {
  local label="$1"
  DEPLOYED="$(create "deploy $label" "$KEY" "${INIT[$label]}")"
  say "$label deployed at $DEPLOYED"
  activate "$label" "$DEPLOYED"
}

DATA_FEES=""
deploy_program vault; VAULT="$DEPLOYED"
# Facet order = IWeightedPoolFactory.initialize's: [swap, join, exit, token].
FACETS=()
for facet in swap join exit token; do
  deploy_program "weighted_pool_$facet"; FACETS+=("$DEPLOYED")
done
FACET_LIST="[$(IFS=,; echo "${FACETS[*]}")]"
deploy_program pool_factory; FACTORY="$DEPLOYED"

# ---------------------------------------------------------------- WETH, authorizer
if [[ -z "${WETH:-}" ]]; then
  case "$CHAIN_ID" in
    42161) WETH=0x82aF49447D8a07e3bd95BD0d56f35241523fBab1 ;;   # Arbitrum One WETH
    421614) WETH=0x980B62Da83eFf3D4576C647993b0c1D7faf17c73 ;;  # Arbitrum Sepolia WETH
    *) WETH="$(create "deploy WETH9" "$KEY" "$(artifact_code WETH9)")"; say "WETH9 deployed at $WETH" ;;
  esac
fi
AUTHORIZER="${AUTHORIZER:-$DEPLOYER}"
PAUSE_WINDOW="${PAUSE_WINDOW:-7776000}"
BUFFER_PERIOD="${BUFFER_PERIOD:-2592000}"

# ---------------------------------------------------------------- wiring
# front_run_hint <error name>: what to conclude when an initialize reverts with that error.
front_run_hint() { echo "if the revert data is $(c sig "$1()") ($1), someone initialised it first: redeploy"; }
( send "vault.initialize" "$KEY" "$VAULT" 'initialize(address,address,uint256,uint256)' \
  "$AUTHORIZER" "$WETH" "$PAUSE_WINDOW" "$BUFFER_PERIOD" ) || die "vault.initialize failed; $(front_run_hint AlreadyInitialized)"
( send "factory.initialize" "$KEY" "$FACTORY" 'initialize(address,address[])' "$VAULT" "$FACET_LIST" ) \
  || die "factory.initialize failed; $(front_run_hint FactoryAlreadyInitialized)"

# ---------------------------------------------------------------- verification
check() {
  local what="$1" got="$2" want="$3"
  if [[ "$(echo "$got" | tr 'A-F' 'a-f')" != "$(echo "$want" | tr 'A-F' 'a-f')" ]]; then
    die "WIRING CHECK FAILED: $what is $got, expected $want. Someone may have initialised first: redeploy."
  fi
  say "ok: $what = $got"
}
check "vault.getAuthorizer()" "$(cr call "$VAULT" 'getAuthorizer()(address)')" "$AUTHORIZER"
check "vault.WETH()" "$(cr call "$VAULT" 'WETH()(address)')" "$WETH"
check "vault.getProtocolFeesCollector()" "$(cr call "$VAULT" 'getProtocolFeesCollector()(address)')" "$VAULT"
check "factory.getVault()" "$(cr call "$FACTORY" 'getVault()(address)')" "$VAULT"
check "factory.getFacets()" "$(cr call "$FACTORY" 'getFacets()(address[])' | tr -d ' ')" "$FACET_LIST"
paused="$(cr call "$VAULT" 'getPausedState()(bool,uint256,uint256)' | head -1)"
check "vault paused" "$paused" "false"

# ---------------------------------------------------------------- output
if [[ -z "${OUT:-}" ]]; then
  if [[ "$LOCAL" == 1 ]]; then OUT="$ROOT/deploy/out/local-$CHAIN_ID.json"; else OUT="$ROOT/deploy/out/$CHAIN_ID.json"; fi
fi
mkdir -p "$(dirname "$OUT")"
BLOCK="$(cr block-number)"
node -e '
  const [out, chainId, vault, facets, factory, weth, authorizer, deployer, block, fees] = process.argv.slice(1);
  const [swap, join, exit, token] = facets.replace(/[\[\]]/g, "").split(",");
  const data = { chainId: Number(chainId), vault, weightedPoolFacets: { swap, join, exit, token }, weightedPoolFactory: factory,
                 weth, authorizer, deployer, deployedAtBlock: Number(block),
                 activationDataFeesWei: JSON.parse("{" + fees.replace(/, $/, "") + "}") };
  require("fs").writeFileSync(out, JSON.stringify(data, null, 2) + "\n");' \
  "$OUT" "$CHAIN_ID" "$VAULT" "$FACET_LIST" "$FACTORY" "$WETH" "$AUTHORIZER" "$DEPLOYER" "$BLOCK" "$DATA_FEES"
say "wrote $OUT"
print_gas_table
cat "$OUT"
