//! JSON-RPC errors (codes as in the JSON-RPC 2.0 spec and geth).

use alloy_primitives::hex;
use serde_json::{json, Value};

use crate::node::NodeError;

pub const PARSE_ERROR: i64 = -32700;
pub const INVALID_REQUEST: i64 = -32600;
pub const METHOD_NOT_FOUND: i64 = -32601;
pub const INVALID_PARAMS: i64 = -32602;
pub const INTERNAL_ERROR: i64 = -32603;
/// geth's code for transaction-pool and execution failures.
pub const SERVER_ERROR: i64 = -32000;
/// geth's code for "execution reverted" (with the revert data in `data`).
pub const EXECUTION_REVERTED: i64 = 3;

#[derive(Clone, Debug, PartialEq)]
pub struct RpcError {
    pub code: i64,
    pub message: String,
    pub data: Option<Value>,
}

impl RpcError {
    pub fn new(code: i64, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), data: None }
    }

    pub fn invalid_params(message: impl Into<String>) -> Self {
        Self::new(INVALID_PARAMS, message)
    }

    pub fn to_json(&self) -> Value {
        match &self.data {
            Some(data) => json!({ "code": self.code, "message": self.message, "data": data }),
            None => json!({ "code": self.code, "message": self.message }),
        }
    }
}

impl From<NodeError> for RpcError {
    fn from(error: NodeError) -> Self {
        match &error {
            NodeError::Reverted(data) => RpcError {
                code: EXECUTION_REVERTED,
                message: error.to_string(),
                data: Some(Value::String(format!("0x{}", hex::encode(data)))),
            },
            NodeError::InvalidParams(message) => RpcError::invalid_params(message.clone()),
            NodeError::InvalidTransaction(message) | NodeError::Halted(message) | NodeError::Unavailable(message) => {
                RpcError::new(SERVER_ERROR, message.clone())
            }
        }
    }
}
