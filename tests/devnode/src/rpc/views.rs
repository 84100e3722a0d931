//! The node's records as alloy RPC types (so the JSON is exactly what alloy and cast read).

use alloy_consensus::{transaction::Recovered, Eip658Value, Receipt, ReceiptEnvelope, ReceiptWithBloom, Transaction as _};
use alloy_primitives::{logs_bloom, Log as PrimitiveLog};
use alloy_rpc_types_eth::{Block, BlockTransactions, Header, Log, Transaction, TransactionReceipt};

use crate::node::{BlockRecord, Node, TxRecord};

/// A log as eth_getLogs and receipts show it.
pub fn log(record: &TxRecord, position: usize, inner: &PrimitiveLog) -> Log {
    Log {
        inner: inner.clone(),
        block_hash: Some(record.block_hash),
        block_number: Some(record.block_number),
        block_timestamp: Some(record.block_timestamp),
        transaction_hash: Some(record.hash),
        transaction_index: Some(record.index),
        log_index: Some(record.first_log_index + position as u64),
        removed: false,
    }
}

pub fn logs(record: &TxRecord) -> Vec<Log> {
    record.logs.iter().enumerate().map(|(i, l)| log(record, i, l)).collect()
}

pub fn transaction(record: &TxRecord) -> Transaction {
    Transaction {
        inner: Recovered::new_unchecked(record.envelope.clone(), record.from),
        block_hash: Some(record.block_hash),
        block_number: Some(record.block_number),
        transaction_index: Some(record.index),
        effective_gas_price: Some(record.effective_gas_price),
        block_timestamp: Some(record.block_timestamp),
    }
}

pub fn receipt(record: &TxRecord) -> TransactionReceipt {
    let inner = ReceiptEnvelope::from_typed(
        record.envelope.tx_type(),
        ReceiptWithBloom {
            receipt: Receipt {
                status: Eip658Value::Eip658(record.success),
                cumulative_gas_used: record.gas_used,
                logs: logs(record),
            },
            logs_bloom: logs_bloom(record.logs.iter()),
        },
    );
    TransactionReceipt {
        inner,
        transaction_hash: record.hash,
        transaction_index: Some(record.index),
        block_hash: Some(record.block_hash),
        block_number: Some(record.block_number),
        gas_used: record.gas_used,
        effective_gas_price: record.effective_gas_price,
        blob_gas_used: None,
        blob_gas_price: None,
        from: record.from,
        to: record.envelope.to(),
        contract_address: record.contract_address,
    }
}

pub fn block(node: &Node, record: &BlockRecord, full: bool) -> Block {
    let transactions = if full {
        BlockTransactions::Full(record.transactions.iter().filter_map(|h| node.transaction(h)).map(transaction).collect())
    } else {
        BlockTransactions::Hashes(record.transactions.clone())
    };
    Block {
        header: Header { hash: record.hash, inner: record.header.clone(), total_difficulty: None, size: None },
        uncles: Vec::new(),
        transactions,
        withdrawals: None,
    }
}

/// A receipt as Nitro serves it: the Ethereum fields plus Arbitrum's `gasUsedForL1` (0: no
/// L1 data fee is modelled) and `l1BlockNumber` (the block itself, there is no L1).
pub fn receipt_json(record: &TxRecord) -> serde_json::Value {
    let mut value = serde_json::to_value(receipt(record)).unwrap_or(serde_json::Value::Null);
    if let Some(object) = value.as_object_mut() {
        object.insert("gasUsedForL1".into(), serde_json::Value::String("0x0".into()));
        object.insert("l1BlockNumber".into(), serde_json::Value::String(format!("0x{:x}", record.block_number)));
    }
    value
}
