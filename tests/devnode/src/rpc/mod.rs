//! JSON-RPC 2.0 over the node: single and batch requests, notifications, and the error
//! codes of the spec for malformed input. Nothing a client sends can panic the server.

pub mod error;
mod methods;
mod params;
mod views;

use serde_json::{json, Map, Value};

use crate::node::Node;
use error::{RpcError, INVALID_REQUEST, PARSE_ERROR};
use params::Params;

/// Most requests in one batch.
pub const MAX_BATCH: usize = 1_000;

/// Handles one HTTP body; `None` when nothing is to be sent back (only notifications).
pub fn handle_body(node: &mut Node, body: &[u8]) -> Option<Value> {
    let request: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(e) => return Some(error_response(Value::Null, RpcError::new(PARSE_ERROR, format!("parse error: {e}")))),
    };
    match request {
        Value::Array(batch) if batch.is_empty() => {
            Some(error_response(Value::Null, RpcError::new(INVALID_REQUEST, "empty batch")))
        }
        Value::Array(batch) if batch.len() > MAX_BATCH => Some(error_response(
            Value::Null,
            RpcError::new(INVALID_REQUEST, format!("batch too large (at most {MAX_BATCH} requests)")),
        )),
        Value::Array(batch) => {
            let replies: Vec<Value> = batch.into_iter().filter_map(|r| handle_one(node, r)).collect();
            if replies.is_empty() {
                None
            } else {
                Some(Value::Array(replies))
            }
        }
        single => handle_one(node, single),
    }
}

fn error_response(id: Value, error: RpcError) -> Value {
    json!({ "jsonrpc": "2.0", "id": id, "error": error.to_json() })
}

/// The id if it is a valid one (string, number or null).
fn valid_id(request: &Map<String, Value>) -> Result<Option<Value>, RpcError> {
    match request.get("id") {
        None => Ok(None),
        Some(id @ (Value::String(_) | Value::Number(_) | Value::Null)) => Ok(Some(id.clone())),
        Some(_) => Err(RpcError::new(INVALID_REQUEST, "invalid request: id must be a string, number or null")),
    }
}

/// One request object; `None` for a notification (no id).
fn handle_one(node: &mut Node, request: Value) -> Option<Value> {
    let Value::Object(request) = request else {
        return Some(error_response(Value::Null, RpcError::new(INVALID_REQUEST, "invalid request: not an object")));
    };
    let id = match valid_id(&request) {
        Ok(id) => id,
        Err(error) => return Some(error_response(Value::Null, error)),
    };
    let reply_id = id.clone().unwrap_or(Value::Null);
    if request.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return Some(error_response(reply_id, RpcError::new(INVALID_REQUEST, "invalid request: jsonrpc must be \"2.0\"")));
    }
    let Some(method) = request.get("method").and_then(Value::as_str) else {
        return Some(error_response(reply_id, RpcError::new(INVALID_REQUEST, "invalid request: method must be a string")));
    };
    let result = Params::new(request.get("params")).and_then(|params| methods::dispatch(node, method, &params));
    // Notifications run but get no reply.
    id.as_ref()?;
    Some(match result {
        Ok(result) => json!({ "jsonrpc": "2.0", "id": reply_id, "result": result }),
        Err(error) => error_response(reply_id, error),
    })
}
