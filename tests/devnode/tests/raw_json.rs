//! The JSON-RPC surface driven with raw JSON: envelopes, errors for malformed input,
//! batches, notifications, and the basic eth_ answers.

mod common;

use common::{post, result, rpc, start};
use serde_json::{json, Value};

fn error_code(response: &Value) -> i64 {
    response["error"]["code"].as_i64().unwrap_or_else(|| panic!("no error in {response}"))
}

#[test]
fn chain_identity() {
    let server = start();
    let addr = server.addr();
    assert_eq!(result(addr, "eth_chainId", json!([])), json!("0x64aba"));
    assert_eq!(result(addr, "net_version", json!([])), json!("412346"));
    assert!(result(addr, "web3_clientVersion", json!([])).as_str().unwrap().starts_with("devnode/"));
    assert_eq!(result(addr, "eth_blockNumber", json!([])), json!("0x0"));
    assert_eq!(result(addr, "eth_gasPrice", json!([])), json!("0x5f5e100"));
    assert_eq!(result(addr, "eth_maxPriorityFeePerGas", json!([])), json!("0x0"));
    let accounts = result(addr, "eth_accounts", json!([]));
    assert_eq!(accounts.as_array().unwrap().len(), 11);
    assert_eq!(accounts[0], json!("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
    // 10,000 ETH.
    assert_eq!(result(addr, "eth_getBalance", json!([accounts[0], "latest"])), json!("0x21e19e0c9bab2400000"));
    let genesis = result(addr, "eth_getBlockByNumber", json!(["latest", false]));
    assert_eq!(genesis["number"], json!("0x0"));
    assert_eq!(genesis["baseFeePerGas"], json!("0x5f5e100"));
    assert_eq!(genesis["gasLimit"], json!("0x4000000000000"));
    let by_hash = result(addr, "eth_getBlockByHash", json!([genesis["hash"], true]));
    assert_eq!(by_hash["hash"], genesis["hash"]);
    assert_eq!(result(addr, "eth_getBlockByNumber", json!(["0x5", false])), Value::Null);
}

#[test]
fn malformed_input_gets_spec_errors() {
    let server = start();
    let addr = server.addr();
    let parse = |body: &[u8]| -> Value {
        let (_, body) = post(addr, body);
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{body:?}: {e}"))
    };
    // Parse errors: broken JSON, binary garbage, absurd nesting.
    assert_eq!(error_code(&parse(b"{\"jsonrpc\":\"2.0\",")), -32700);
    assert_eq!(error_code(&parse(&[0xff, 0xfe, 0x00, 0x7b])), -32700);
    assert_eq!(error_code(&parse("[".repeat(100_000).as_bytes())), -32700);
    assert_eq!(error_code(&parse(b"")), -32700);
    // Invalid requests.
    assert_eq!(error_code(&parse(b"[]")), -32600);
    assert_eq!(error_code(&parse(b"42")), -32600);
    assert_eq!(error_code(&parse(br#"{"jsonrpc":"2.0","id":1}"#)), -32600);
    assert_eq!(error_code(&parse(br#"{"jsonrpc":"1.0","id":1,"method":"eth_chainId"}"#)), -32600);
    assert_eq!(error_code(&parse(br#"{"jsonrpc":"2.0","id":{},"method":"eth_chainId"}"#)), -32600);
    assert_eq!(error_code(&parse(br#"{"jsonrpc":"2.0","id":1,"method":7}"#)), -32600);
    // Unknown method.
    let unknown = rpc(addr, "eth_doesNotExist", json!([]));
    assert_eq!(error_code(&unknown), -32601);
    assert_eq!(unknown["id"], json!(1));
    // Invalid params.
    for (method, params) in [
        ("eth_getBalance", json!(["0xzz", "latest"])),
        ("eth_getBalance", json!([])),
        ("eth_getBalance", json!({"address": "0x00"})),
        ("eth_chainId", json!([1])),
        ("eth_getBlockByNumber", json!(["soon", false])),
        ("eth_sendRawTransaction", json!(["not hex"])),
        ("eth_call", json!([{"to": 5}])),
        ("eth_getLogs", json!([{"fromBlock": []}])),
        ("eth_feeHistory", json!(["0x2", "latest", [90, 10]])),
        ("eth_getStorageAt", json!(["0x0000000000000000000000000000000000000001", "0x1", "latest", "extra"])),
    ] {
        assert_eq!(error_code(&rpc(addr, method, params.clone())), -32602, "{method} {params}");
    }
    // A transaction that is valid hex but not a transaction.
    let garbage = rpc(addr, "eth_sendRawTransaction", json!(["0x02c0ffee"]));
    assert_eq!(error_code(&garbage), -32000);
    assert!(garbage["error"]["message"].as_str().unwrap().contains("invalid transaction"));
    // Still serving afterwards.
    assert_eq!(result(addr, "eth_chainId", json!([])), json!("0x64aba"));
}

#[test]
fn batches_and_notifications() {
    let server = start();
    let addr = server.addr();
    let batch = json!([
        {"jsonrpc": "2.0", "id": "a", "method": "eth_chainId"},
        {"jsonrpc": "2.0", "method": "eth_chainId"},
        {"jsonrpc": "2.0", "id": 2, "method": "nope"},
        5,
        {"jsonrpc": "2.0", "id": null, "method": "eth_blockNumber", "params": []}
    ]);
    let (status, body) = post(addr, batch.to_string().as_bytes());
    assert_eq!(status, 200);
    let replies: Value = serde_json::from_str(&body).unwrap();
    let replies = replies.as_array().unwrap();
    assert_eq!(replies.len(), 4, "the notification gets no reply: {body}");
    assert_eq!(replies[0], json!({"jsonrpc": "2.0", "id": "a", "result": "0x64aba"}));
    assert_eq!(error_code(&replies[1]), -32601);
    assert_eq!(replies[1]["id"], json!(2));
    assert_eq!(error_code(&replies[2]), -32600);
    assert_eq!(replies[3]["result"], json!("0x0"));
    // Only notifications: no body.
    let (status, body) = post(addr, br#"{"jsonrpc":"2.0","method":"eth_chainId"}"#);
    assert_eq!((status, body.as_str()), (204, ""));
}

#[test]
fn fee_history_reports_the_base_fee() {
    let server = start();
    let history = result(server.addr(), "eth_feeHistory", json!(["0x4", "latest", [25, 75]]));
    assert_eq!(history["oldestBlock"], json!("0x0"));
    assert_eq!(history["baseFeePerGas"], json!(["0x5f5e100", "0x5f5e100"]));
    assert_eq!(history["reward"], json!([["0x0", "0x0"]]));
    assert_eq!(history["gasUsedRatio"], json!([0.0]));
}

#[test]
fn historical_state_is_refused_not_faked() {
    let server = start();
    let addr = server.addr();
    let zero = "0x0000000000000000000000000000000000000000";
    assert_eq!(result(addr, "eth_getBalance", json!([zero, "0x0"])), json!("0x0"));
    assert_eq!(result(addr, "evm_mine", json!([])), json!("0x1"));
    let old = rpc(addr, "eth_getBalance", json!([zero, "0x0"]));
    assert_eq!(error_code(&old), -32000);
    assert!(old["error"]["message"].as_str().unwrap().contains("not kept"));
    assert_eq!(result(addr, "eth_getBalance", json!([zero, "pending"])), json!("0x0"));
}

#[test]
fn snapshots_roll_back_state_and_chain() {
    let server = start();
    let addr = server.addr();
    let accounts = result(addr, "eth_accounts", json!([]));
    let to = "0x00000000000000000000000000000000000000ab";
    assert_eq!(result(addr, "evm_snapshot", json!([])), json!("0x0"));
    let hash = result(addr, "eth_sendTransaction", json!([{ "from": accounts[0], "to": to, "value": "0x5" }]));
    assert_eq!(result(addr, "eth_getBalance", json!([to, "latest"])), json!("0x5"));
    let receipt = result(addr, "eth_getTransactionReceipt", json!([hash]));
    assert_eq!(receipt["gasUsedForL1"], json!("0x0"));
    let receipts = result(addr, "eth_getBlockReceipts", json!(["0x1"]));
    assert_eq!(receipts[0]["transactionHash"], hash);
    let tx = result(addr, "eth_getTransactionByBlockNumberAndIndex", json!(["0x1", "0x0"]));
    assert_eq!(tx["hash"], hash);
    assert_eq!(result(addr, "evm_revert", json!(["0x0"])), json!(true));
    assert_eq!(result(addr, "eth_getBalance", json!([to, "latest"])), json!("0x0"));
    assert_eq!(result(addr, "eth_blockNumber", json!([])), json!("0x0"));
    assert_eq!(result(addr, "eth_getTransactionReceipt", json!([hash])), Value::Null);
    assert_eq!(result(addr, "eth_getTransactionCount", json!([accounts[0], "latest"])), json!("0x0"));
    // Used up.
    assert_eq!(result(addr, "evm_revert", json!(["0x0"])), json!(false));
    // Funding any account.
    assert_eq!(result(addr, "anvil_setBalance", json!([to, "0x64"])), Value::Null);
    assert_eq!(result(addr, "eth_getBalance", json!([to, "latest"])), json!("0x64"));
}

#[test]
fn non_post_requests_get_an_http_error_and_the_server_keeps_serving() {
    use std::io::{Read, Write};
    let server = start();
    let mut stream = std::net::TcpStream::connect(server.addr()).unwrap();
    stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 405"), "{response}");
    assert!(response.contains("-32600"));
    // A connection that sends garbage and hangs up.
    let mut stream = std::net::TcpStream::connect(server.addr()).unwrap();
    stream.write_all(b"\x00\x01\x02 not http\r\n\r\n").unwrap();
    drop(stream);
    assert_eq!(result(server.addr(), "eth_chainId", json!([])), json!("0x64aba"));
}
