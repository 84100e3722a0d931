//! Positional parameters of a request, decoded with serde (alloy's RPC types for blocks,
//! quantities, call requests and filters).

use alloy_rpc_types_eth::TransactionRequest;
use alloy_primitives::{TxKind, U256};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::error::RpcError;
use crate::node::{transact::DevTransaction, CallRequest};

/// A request's positional parameters.
pub struct Params<'a> {
    values: &'a [Value],
}

impl<'a> Params<'a> {
    /// `params` must be an array or absent; named parameters are not used by eth_ methods.
    pub fn new(params: Option<&'a Value>) -> Result<Self, RpcError> {
        match params {
            None | Some(Value::Null) => Ok(Self { values: &[] }),
            Some(Value::Array(values)) => Ok(Self { values }),
            Some(_) => Err(RpcError::invalid_params("params must be an array")),
        }
    }

    /// Refuses more than `max` parameters.
    pub fn at_most(&self, max: usize) -> Result<(), RpcError> {
        if self.values.len() > max {
            return Err(RpcError::invalid_params(format!("too many arguments, want at most {max}")));
        }
        Ok(())
    }

    pub fn required<T: DeserializeOwned>(&self, index: usize, name: &str) -> Result<T, RpcError> {
        self.optional(index, name)?
            .ok_or_else(|| RpcError::invalid_params(format!("missing value for required argument {index} ({name})")))
    }

    /// Absent or `null` is `None`.
    pub fn optional<T: DeserializeOwned>(&self, index: usize, name: &str) -> Result<Option<T>, RpcError> {
        match self.values.get(index) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => serde_json::from_value(value.clone())
                .map(Some)
                .map_err(|e| RpcError::invalid_params(format!("invalid argument {index} ({name}): {e}"))),
        }
    }

    /// A quantity given as a hex string (or, leniently, a JSON number).
    pub fn quantity(&self, index: usize, name: &str) -> Result<u64, RpcError> {
        match self.values.get(index) {
            Some(Value::Number(n)) => {
                n.as_u64().ok_or_else(|| RpcError::invalid_params(format!("invalid argument {index} ({name}): not a u64")))
            }
            _ => self.required::<alloy_primitives::U64>(index, name).map(|q| q.to::<u64>()),
        }
    }
}

/// The part of a transaction request an execution uses.
pub fn call_request(request: &TransactionRequest) -> Result<CallRequest, RpcError> {
    let data = request
        .input
        .clone()
        .try_into_unique_input()
        .map_err(|e| RpcError::invalid_params(e.to_string()))?
        .unwrap_or_default();
    let to = match request.to {
        Some(TxKind::Call(to)) => Some(to),
        Some(TxKind::Create) | None => None,
    };
    Ok(CallRequest { from: request.from, to, value: request.value.unwrap_or(U256::ZERO), data, gas: request.gas })
}

/// eth_sendTransaction's request.
pub fn dev_transaction(request: &TransactionRequest) -> Result<DevTransaction, RpcError> {
    let call = call_request(request)?;
    let from = call.from.ok_or_else(|| RpcError::invalid_params("missing from"))?;
    Ok(DevTransaction {
        from,
        to: call.to,
        value: call.value,
        data: call.data,
        gas: call.gas,
        nonce: request.nonce,
        max_fee_per_gas: request.max_fee_per_gas.or(request.gas_price),
        max_priority_fee_per_gas: request.max_priority_fee_per_gas,
    })
}
