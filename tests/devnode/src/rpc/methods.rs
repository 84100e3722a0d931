//! The methods: eth_*, net_*, web3_* and a few dev-node helpers (evm_mine, evm_increaseTime).

use alloy_eips::{BlockId, BlockNumberOrTag};
use alloy_primitives::{keccak256, Address, Bytes, B256, U256};
use alloy_rpc_types_eth::{FeeHistory, Filter, FilterBlockOption, TransactionRequest};
use serde_json::{json, Value};

use super::{
    error::{RpcError, METHOD_NOT_FOUND},
    params::{call_request, dev_transaction, Params},
    views,
};
use crate::node::Node;

/// Most blocks eth_feeHistory reports at once (geth's limit).
const MAX_FEE_HISTORY: u64 = 1024;
/// Most blocks one eth_getLogs scans.
const MAX_LOG_RANGE: u64 = 100_000;

fn to_json<T: serde::Serialize>(value: T) -> Result<Value, RpcError> {
    serde_json::to_value(value).map_err(|e| RpcError::new(super::error::INTERNAL_ERROR, e.to_string()))
}

fn quantity(value: u64) -> Value {
    Value::String(format!("0x{value:x}"))
}

/// Runs one method.
pub fn dispatch(node: &mut Node, method: &str, params: &Params<'_>) -> Result<Value, RpcError> {
    match method {
        "web3_clientVersion" => {
            params.at_most(0)?;
            Ok(json!(format!("devnode/v{}/stylus-testbed", env!("CARGO_PKG_VERSION"))))
        }
        "web3_sha3" => {
            params.at_most(1)?;
            let data: Bytes = params.required(0, "data")?;
            Ok(json!(keccak256(&data)))
        }
        "net_version" => {
            params.at_most(0)?;
            Ok(json!(node.chain_id().to_string()))
        }
        "net_listening" => Ok(json!(true)),
        "net_peerCount" => Ok(quantity(0)),
        "eth_chainId" => {
            params.at_most(0)?;
            Ok(quantity(node.chain_id()))
        }
        "eth_syncing" => Ok(json!(false)),
        "eth_mining" => Ok(json!(true)),
        "eth_coinbase" => Ok(json!(Address::ZERO)),
        "eth_accounts" => {
            params.at_most(0)?;
            to_json(node.accounts())
        }
        "eth_blockNumber" => {
            params.at_most(0)?;
            Ok(quantity(node.block_number()))
        }
        "eth_gasPrice" => {
            params.at_most(0)?;
            Ok(quantity(node.base_fee()))
        }
        "eth_maxPriorityFeePerGas" => {
            params.at_most(0)?;
            // Arbitrum ignores priority fees.
            Ok(quantity(0))
        }
        "eth_feeHistory" => fee_history(node, params),
        "eth_getBalance" => {
            params.at_most(2)?;
            let address: Address = params.required(0, "address")?;
            let at: Option<BlockId> = params.optional(1, "block")?;
            to_json(node.balance(address, at)?)
        }
        "eth_getTransactionCount" => {
            params.at_most(2)?;
            let address: Address = params.required(0, "address")?;
            let at: Option<BlockId> = params.optional(1, "block")?;
            Ok(quantity(node.nonce(address, at)?))
        }
        "eth_getCode" => {
            params.at_most(2)?;
            let address: Address = params.required(0, "address")?;
            let at: Option<BlockId> = params.optional(1, "block")?;
            to_json(node.code(address, at)?)
        }
        "eth_getStorageAt" => {
            params.at_most(3)?;
            let address: Address = params.required(0, "address")?;
            let slot: U256 = params.required(1, "slot")?;
            let at: Option<BlockId> = params.optional(2, "block")?;
            to_json(B256::from(node.storage(address, slot, at)?))
        }
        "eth_call" => {
            params.at_most(3)?;
            let request: TransactionRequest = params.required(0, "transaction")?;
            let at: Option<BlockId> = params.optional(1, "block")?;
            reject_overrides(params)?;
            require_head(node, at)?;
            let pending = matches!(at, Some(BlockId::Number(BlockNumberOrTag::Pending)));
            to_json(node.call(&call_request(&request)?, pending)?)
        }
        "eth_estimateGas" => {
            params.at_most(3)?;
            let request: TransactionRequest = params.required(0, "transaction")?;
            let at: Option<BlockId> = params.optional(1, "block")?;
            reject_overrides(params)?;
            require_head(node, at)?;
            Ok(quantity(node.estimate_gas(&call_request(&request)?)?))
        }
        "eth_sendRawTransaction" => {
            params.at_most(1)?;
            let raw: Bytes = params.required(0, "data")?;
            to_json(node.send_raw_transaction(&raw)?)
        }
        "eth_sendTransaction" => {
            params.at_most(1)?;
            let request: TransactionRequest = params.required(0, "transaction")?;
            to_json(node.send_dev_transaction(dev_transaction(&request)?)?)
        }
        "eth_getTransactionByHash" => {
            params.at_most(1)?;
            let hash: B256 = params.required(0, "hash")?;
            to_json(node.transaction(&hash).map(views::transaction))
        }
        "eth_getTransactionReceipt" => {
            params.at_most(1)?;
            let hash: B256 = params.required(0, "hash")?;
            Ok(node.transaction(&hash).map_or(Value::Null, views::receipt_json))
        }
        "eth_getBlockByNumber" => {
            params.at_most(2)?;
            let tag: BlockNumberOrTag = params.required(0, "block")?;
            let full: bool = params.optional(1, "full")?.unwrap_or(false);
            let number = node.resolve_tag(tag);
            to_json(node.block(number).map(|b| views::block(node, b, full)))
        }
        "eth_getBlockByHash" => {
            params.at_most(2)?;
            let hash: B256 = params.required(0, "hash")?;
            let full: bool = params.optional(1, "full")?.unwrap_or(false);
            to_json(node.block_by_hash(&hash).map(|b| views::block(node, b, full)))
        }
        "eth_getBlockTransactionCountByNumber" => {
            params.at_most(1)?;
            let tag: BlockNumberOrTag = params.required(0, "block")?;
            let number = node.resolve_tag(tag);
            Ok(node.block(number).map_or(Value::Null, |b| quantity(b.transactions.len() as u64)))
        }
        "eth_getLogs" => {
            params.at_most(1)?;
            let filter: Filter = params.required(0, "filter")?;
            get_logs(node, &filter)
        }
        "eth_getBlockReceipts" => {
            params.at_most(1)?;
            let id: BlockId = params.required(0, "block")?;
            let receipts = node.resolve_block(id).map(|block| {
                block.transactions.iter().filter_map(|h| node.transaction(h)).map(views::receipt_json).collect::<Vec<_>>()
            });
            to_json(receipts)
        }
        "eth_getTransactionByBlockNumberAndIndex" | "eth_getTransactionByBlockHashAndIndex" => {
            params.at_most(2)?;
            let block = if method.ends_with("HashAndIndex") {
                let hash: B256 = params.required(0, "hash")?;
                node.block_by_hash(&hash)
            } else {
                let tag: BlockNumberOrTag = params.required(0, "block")?;
                node.block(node.resolve_tag(tag))
            };
            let index = params.quantity(1, "index")?;
            let tx = block
                .and_then(|b| usize::try_from(index).ok().and_then(|i| b.transactions.get(i)))
                .and_then(|h| node.transaction(h));
            to_json(tx.map(views::transaction))
        }
        "anvil_setBalance" | "hardhat_setBalance" => {
            params.at_most(2)?;
            let address: Address = params.required(0, "address")?;
            let balance: U256 = params.required(1, "balance")?;
            node.set_balance(address, balance);
            Ok(Value::Null)
        }
        "evm_mine" => Ok(quantity(node.mine_empty())),
        "evm_snapshot" => {
            params.at_most(0)?;
            Ok(quantity(node.snapshot()))
        }
        "evm_revert" => {
            params.at_most(1)?;
            let id = params.quantity(0, "snapshot id")?;
            Ok(json!(node.revert_to(id)))
        }
        "evm_increaseTime" => {
            params.at_most(1)?;
            let seconds = params.quantity(0, "seconds")?;
            Ok(quantity(node.increase_time(seconds)))
        }
        _ => Err(RpcError::new(METHOD_NOT_FOUND, format!("the method {method} does not exist/is not available"))),
    }
}

/// State overrides (eth_call's third parameter) are not modelled: refuse them rather than
/// answer as if they applied.
fn reject_overrides(params: &Params<'_>) -> Result<(), RpcError> {
    let overrides: Option<Value> = params.optional(2, "state overrides")?;
    match overrides {
        Some(Value::Object(map)) if !map.is_empty() => Err(RpcError::invalid_params("state overrides are not supported")),
        _ => Ok(()),
    }
}

/// eth_call / eth_estimateGas run on the head state only.
fn require_head(node: &Node, at: Option<BlockId>) -> Result<(), RpcError> {
    node.balance(Address::ZERO, at).map(|_| ()).map_err(Into::into)
}

fn fee_history(node: &Node, params: &Params<'_>) -> Result<Value, RpcError> {
    params.at_most(3)?;
    let count = params.quantity(0, "blockCount")?.min(MAX_FEE_HISTORY);
    let newest: BlockNumberOrTag = params.required(1, "newestBlock")?;
    let percentiles: Vec<f64> = params.optional(2, "rewardPercentiles")?.unwrap_or_default();
    if percentiles.iter().any(|p| !(0.0..=100.0).contains(p)) || percentiles.windows(2).any(|w| w[0] > w[1]) {
        return Err(RpcError::invalid_params("reward percentiles must be ascending and within 0..=100"));
    }
    let newest = node.resolve_tag(newest);
    if node.block(newest).is_none() {
        return Err(RpcError::new(super::error::SERVER_ERROR, format!("block {newest} not found")));
    }
    if count == 0 {
        return to_json(FeeHistory::default());
    }
    let oldest = newest.saturating_sub(count - 1);
    let blocks: Vec<_> = (oldest..=newest).filter_map(|n| node.block(n)).collect();
    let mut base_fees: Vec<u128> = blocks.iter().map(|b| u128::from(b.base_fee())).collect();
    // The fee of the block after the newest (constant here).
    base_fees.push(u128::from(node.base_fee()));
    let ratios: Vec<f64> = blocks
        .iter()
        .map(|b| if b.header.gas_limit == 0 { 0.0 } else { b.header.gas_used as f64 / b.header.gas_limit as f64 })
        .collect();
    let reward = if percentiles.is_empty() {
        None
    } else {
        // Arbitrum pays no tips, so every percentile of every block is 0.
        Some(blocks.iter().map(|_| vec![0u128; percentiles.len()]).collect())
    };
    to_json(FeeHistory {
        base_fee_per_blob_gas: vec![0; base_fees.len()],
        blob_gas_used_ratio: vec![0.0; blocks.len()],
        base_fee_per_gas: base_fees,
        gas_used_ratio: ratios,
        oldest_block: oldest,
        reward,
    })
}

fn get_logs(node: &Node, filter: &Filter) -> Result<Value, RpcError> {
    let head = node.block_number();
    let (from, to) = match &filter.block_option {
        FilterBlockOption::AtBlockHash(hash) => {
            let block = node
                .block_by_hash(hash)
                .ok_or_else(|| RpcError::new(super::error::SERVER_ERROR, "unknown block"))?;
            (block.number(), block.number())
        }
        FilterBlockOption::Range { from_block, to_block } => {
            let from = from_block.map_or(head, |t| node.resolve_tag(t));
            let to = to_block.map_or(head, |t| node.resolve_tag(t)).min(head);
            (from, to)
        }
    };
    if from > to && from <= head {
        return Err(RpcError::invalid_params(format!("invalid block range: from {from} > to {to}")));
    }
    if to.saturating_sub(from) >= MAX_LOG_RANGE {
        return Err(RpcError::invalid_params(format!("block range too large (at most {MAX_LOG_RANGE} blocks)")));
    }
    let mut found = Vec::new();
    for number in from..=to {
        let Some(block) = node.block(number) else { continue };
        if !filter.matches_bloom(block.header.logs_bloom) {
            continue;
        }
        for record in block.transactions.iter().filter_map(|h| node.transaction(h)) {
            for (position, log) in record.logs.iter().enumerate() {
                if filter.matches(log) {
                    found.push(views::log(record, position, log));
                }
            }
        }
    }
    to_json(found)
}
