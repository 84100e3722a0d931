//! Shared test helpers: an in-process node on an ephemeral port, a raw JSON-RPC client,
//! and small programs (hand-assembled EVM, a WAT Stylus echo program).
#![allow(dead_code)]

use std::{
    io::{Read, Write},
    net::{SocketAddr, TcpStream},
};

use devnode::{testbed_backend::TestbedBackend, Node, NodeConfig, RunningServer};
use serde_json::Value;

/// Starts a node with the default config on 127.0.0.1:0.
pub fn start() -> RunningServer {
    let make_node = || {
        let config = NodeConfig::default();
        Node::new(Box::new(TestbedBackend::new(config.chain_id)), config)
    };
    devnode::spawn(make_node, "127.0.0.1:0").expect("server starts")
}

/// POSTs `body` and returns (HTTP status, body).
pub fn post(addr: SocketAddr, body: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    let head = format!(
        "POST / HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).expect("write head");
    stream.write_all(body).expect("write body");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    let status = response.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

/// One JSON-RPC call; returns the whole response object.
pub fn rpc(addr: SocketAddr, method: &str, params: Value) -> Value {
    let request = serde_json::json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params });
    let (_, body) = post(addr, request.to_string().as_bytes());
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("bad response {body:?}: {e}"))
}

/// The `result` of a call that must succeed.
pub fn result(addr: SocketAddr, method: &str, params: Value) -> Value {
    let response = rpc(addr, method, params);
    assert!(response.get("error").is_none(), "{method} failed: {response}");
    response["result"].clone()
}

/// EVM runtime: with calldata, copies it to memory and emits LOG1(topic0 = first word,
/// data = calldata); without calldata, reverts with the 4 bytes 0xdeadbeef.
pub const LOGGER_RUNTIME: &str = "3615601357366000600037600035366000a1005b63deadbeef6000526004601cfd";

pub fn logger_runtime() -> Vec<u8> {
    alloy_primitives::hex::decode(LOGGER_RUNTIME.replace(' ', "")).expect("hex")
}

/// Creation code deploying [`LOGGER_RUNTIME`].
pub fn logger_init_code() -> Vec<u8> {
    stylus_testbed::testbed::init_code_returning(&logger_runtime())
}

/// A Stylus program that returns its calldata.
pub const ECHO_WAT: &str = r#"
(module
  (import "vm_hooks" "read_args" (func $read_args (param i32)))
  (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
  (memory (export "memory") 1 1)
  (func (export "user_entrypoint") (param $len i32) (result i32)
    (call $read_args (i32.const 0))
    (call $write_result (i32.const 0) (local.get $len))
    (i32.const 0)))
"#;

pub fn echo_wasm() -> Vec<u8> {
    wat::parse_str(ECHO_WAT).expect("wat")
}
