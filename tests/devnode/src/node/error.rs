//! Failures the node reports, mapped to JSON-RPC errors as geth/Nitro map them.

use alloy_primitives::{hex, Bytes};
use alloy_sol_types::{Panic, Revert, SolError};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NodeError {
    /// A transaction refused before execution (nonce, fees, funds, signature, chain id).
    #[error("{0}")]
    InvalidTransaction(String),
    /// Execution reverted (eth_call / eth_estimateGas); `data` is the revert data.
    #[error("{}", revert_message(.0))]
    Reverted(Bytes),
    /// Execution halted (out of gas, invalid opcode, ...).
    #[error("{0}")]
    Halted(String),
    /// A parameter that parsed but makes no sense here.
    #[error("{0}")]
    InvalidParams(String),
    /// State or block not available (unknown block, pruned history).
    #[error("{0}")]
    Unavailable(String),
}

/// `execution reverted`, with the reason of `Error(string)` / `Panic(uint256)` as geth
/// prints it; custom errors stay in the error's `data`.
pub fn revert_message(data: &Bytes) -> String {
    if let Ok(revert) = Revert::abi_decode(data) {
        return format!("execution reverted: {}", revert.reason);
    }
    if let Ok(panic) = Panic::abi_decode(data) {
        return format!("execution reverted: panic code 0x{:x}", panic.code);
    }
    if data.is_empty() {
        "execution reverted".to_string()
    } else {
        format!("execution reverted (custom error 0x{})", hex::encode(data.get(..4).unwrap_or(data)))
    }
}
