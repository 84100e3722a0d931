//! Signed transactions through alloy's provider (legacy and EIP-1559), receipts, logs,
//! eth_call revert data, and Stylus deployment + ArbWasm activation.

mod common;

use alloy_consensus::TxType;
use alloy_network::TransactionBuilder;
use alloy_primitives::{address, b256, hex, Address, Bytes, U256};
use alloy_provider::{Provider, ProviderBuilder};
use alloy_rpc_types_eth::{Filter, TransactionRequest};
use alloy_signer_local::PrivateKeySigner;
use alloy_sol_types::{sol, SolCall, SolError};
use common::{result, rpc, start};
use devnode::accounts::DEV_KEYS;
use serde_json::json;

const BASE_FEE: u128 = 100_000_000;
const ARB_WASM: Address = address!("0000000000000000000000000000000000000071");

sol! {
    interface ArbWasm {
        function activateProgram(address program) external payable returns (uint16 version, uint256 dataFee);
        event ProgramActivated(bytes32 indexed codehash, bytes32 moduleHash, address program, uint256 dataFee, uint16 version);
        error ProgramNotActivated();
        error ProgramInsufficientValue(uint256 have, uint256 want);
    }
}

fn signer(index: usize) -> PrivateKeySigner {
    DEV_KEYS[index].parse().expect("dev key")
}

fn provider(server: &devnode::RunningServer, index: usize) -> impl Provider {
    ProviderBuilder::new().wallet(signer(index)).connect_http(server.url().parse().expect("url"))
}

#[tokio::test(flavor = "current_thread")]
async fn legacy_and_eip1559_transfers() {
    let server = start();
    let provider = provider(&server, 1);
    let from = signer(1).address();
    assert_eq!(provider.get_chain_id().await.unwrap(), 412_346);
    let start_balance = provider.get_balance(from).await.unwrap();
    let to = Address::repeat_byte(0x42);

    let tx = TransactionRequest::default().with_to(to).with_value(U256::from(1_000));
    let receipt = provider.send_transaction(tx).await.unwrap().get_receipt().await.unwrap();
    assert!(receipt.status());
    assert_eq!(receipt.gas_used, 21_000);
    assert_eq!(receipt.inner.tx_type(), TxType::Eip1559);
    assert_eq!(receipt.block_number, Some(1));
    assert_eq!(receipt.effective_gas_price, BASE_FEE);
    assert_eq!(receipt.from, from);

    let legacy = TransactionRequest::default().with_to(to).with_value(U256::from(7)).with_gas_price(2 * BASE_FEE);
    let receipt = provider.send_transaction(legacy).await.unwrap().get_receipt().await.unwrap();
    assert!(receipt.status());
    assert_eq!(receipt.inner.tx_type(), TxType::Legacy);
    assert_eq!(receipt.block_number, Some(2));

    assert_eq!(provider.get_balance(to).await.unwrap(), U256::from(1_007));
    // Gas is bought at the base fee (Arbitrum pays no tips), unused gas refunded.
    let fees = U256::from(2 * 21_000 * BASE_FEE);
    assert_eq!(provider.get_balance(from).await.unwrap(), start_balance - U256::from(1_007) - fees);
    assert_eq!(provider.get_transaction_count(from).await.unwrap(), 2);
    assert_eq!(provider.get_block_number().await.unwrap(), 2);

    let tx = provider.get_transaction_by_hash(receipt.transaction_hash).await.unwrap().expect("tx");
    assert_eq!(tx.inner.signer(), from);
    assert_eq!(tx.block_number, Some(2));
    let block = provider.get_block_by_number(2.into()).full().await.unwrap().expect("block");
    assert_eq!(block.header.hash, receipt.block_hash.unwrap());
    assert_eq!(block.transactions.len(), 1);
    let parent = provider.get_block_by_number(1.into()).await.unwrap().expect("block 1");
    assert_eq!(block.header.parent_hash, parent.header.hash);
}

#[tokio::test(flavor = "current_thread")]
async fn invalid_transactions_are_refused() {
    let server = start();
    let addr = server.addr();
    let provider = provider(&server, 2);
    let to = Address::repeat_byte(0x42);
    // Wrong nonce.
    let tx = TransactionRequest::default().with_to(to).with_nonce(5).with_gas_limit(21_000);
    let error = provider.send_transaction(tx).await.unwrap_err().to_string();
    assert!(error.contains("nonce too high"), "{error}");
    // (Explicit nonces: alloy's nonce filler counts refused transactions too.)
    // Fee below the base fee.
    let tx = TransactionRequest::default().with_to(to).with_nonce(0).with_gas_limit(21_000).with_max_fee_per_gas(1).with_max_priority_fee_per_gas(0);
    let error = provider.send_transaction(tx).await.unwrap_err().to_string();
    assert!(error.contains("less than block base fee"), "{error}");
    // Gas below the intrinsic gas.
    let tx = TransactionRequest::default().with_to(to).with_nonce(0).with_gas_limit(20_000);
    let error = provider.send_transaction(tx).await.unwrap_err().to_string();
    assert!(error.contains("intrinsic"), "{error}");
    // More value than the account holds.
    let tx = TransactionRequest::default().with_to(to).with_nonce(0).with_gas_limit(21_000).with_value(U256::MAX / U256::from(2));
    let error = provider.send_transaction(tx).await.unwrap_err().to_string();
    assert!(error.contains("insufficient funds"), "{error}");
    // Nothing was mined, nothing was charged.
    assert_eq!(result(addr, "eth_blockNumber", json!([])), json!("0x0"));
    assert_eq!(provider.get_transaction_count(signer(2).address()).await.unwrap(), 0);
    assert_eq!(provider.get_balance(signer(2).address()).await.unwrap(), devnode::accounts::dev_balance());
}

#[tokio::test(flavor = "current_thread")]
async fn contract_logs_receipts_and_revert_data() {
    let server = start();
    let addr = server.addr();
    let provider = provider(&server, 3);
    let deploy = TransactionRequest::default().with_deploy_code(common::logger_init_code());
    let receipt = provider.send_transaction(deploy).await.unwrap().get_receipt().await.unwrap();
    assert!(receipt.status());
    let logger = receipt.contract_address.expect("created");
    assert_eq!(logger, signer(3).address().create(0));
    assert_eq!(provider.get_code_at(logger).await.unwrap(), Bytes::from(common::logger_runtime()));

    // Two logging transactions with different topics.
    let topic_a = b256!("00000000000000000000000000000000000000000000000000000000000000aa");
    let topic_b = b256!("00000000000000000000000000000000000000000000000000000000000000bb");
    let mut receipts = Vec::new();
    for topic in [topic_a, topic_b] {
        let mut data = topic.to_vec();
        data.extend_from_slice(b"payload");
        let tx = TransactionRequest::default().with_to(logger).with_input(data);
        receipts.push(provider.send_transaction(tx).await.unwrap().get_receipt().await.unwrap());
    }
    let logs = receipts[1].inner.logs();
    assert_eq!(logs.len(), 1);
    assert_eq!(logs[0].address(), logger);
    assert_eq!(logs[0].topics(), &[topic_b]);
    assert_eq!(logs[0].log_index, Some(0));
    assert_eq!(logs[0].transaction_hash, Some(receipts[1].transaction_hash));
    assert_eq!(logs[0].block_number, receipts[1].block_number);
    assert!(receipts[1].inner.logs_bloom().contains_input(alloy_primitives::BloomInput::Raw(logger.as_slice())));

    // eth_getLogs: range, address and topic filters.
    let all = provider.get_logs(&Filter::new().from_block(0).to_block(100).address(logger)).await.unwrap();
    assert_eq!(all.len(), 2);
    let only_b = provider.get_logs(&Filter::new().from_block(0).address(logger).event_signature(topic_b)).await.unwrap();
    assert_eq!(only_b.len(), 1);
    assert_eq!(only_b[0].block_number, receipts[1].block_number);
    let first_block = receipts[0].block_number.unwrap();
    let in_first = provider.get_logs(&Filter::new().from_block(first_block).to_block(first_block)).await.unwrap();
    assert_eq!(in_first.len(), 1);
    assert_eq!(in_first[0].topics(), &[topic_a]);
    let elsewhere = provider.get_logs(&Filter::new().from_block(0).address(Address::repeat_byte(1))).await.unwrap();
    assert!(elsewhere.is_empty());
    let by_hash = provider.get_logs(&Filter::new().at_block_hash(receipts[0].block_hash.unwrap())).await.unwrap();
    assert_eq!(by_hash.len(), 1);

    // eth_call revert: code 3 and the revert data, as geth.
    let reply = rpc(addr, "eth_call", json!([{ "to": logger, "data": "0x" }, "latest"]));
    assert_eq!(reply["error"]["code"], json!(3));
    assert_eq!(reply["error"]["data"], json!("0xdeadbeef"));
    assert!(reply["error"]["message"].as_str().unwrap().starts_with("execution reverted"));
    // eth_estimateGas reports the same revert.
    let reply = rpc(addr, "eth_estimateGas", json!([{ "to": logger, "input": "0x" }]));
    assert_eq!(reply["error"]["data"], json!("0xdeadbeef"));
    // A reverting transaction sent anyway is mined with status 0.
    let tx = TransactionRequest::default().with_to(logger).with_gas_limit(100_000);
    let receipt = provider.send_transaction(tx).await.unwrap().get_receipt().await.unwrap();
    assert!(!receipt.status());
    assert!(receipt.inner.logs().is_empty());
    // A successful eth_call returns the output and keeps nothing.
    let height = provider.get_block_number().await.unwrap();
    let output = result(addr, "eth_call", json!([{ "to": logger, "data": format!("0x{}", hex::encode(topic_a)) }]));
    assert_eq!(output, json!("0x"));
    assert_eq!(provider.get_block_number().await.unwrap(), height);
    // The gas estimate is enough, and not much more than needed.
    let data = [topic_a.to_vec(), vec![7; 100]].concat();
    let estimate = provider
        .estimate_gas(TransactionRequest::default().with_from(signer(3).address()).with_to(logger).with_input(data.clone()))
        .await
        .unwrap();
    let tx = TransactionRequest::default().with_to(logger).with_input(data).with_gas_limit(estimate);
    let receipt = provider.send_transaction(tx).await.unwrap().get_receipt().await.unwrap();
    assert!(receipt.status());
    assert!(estimate >= receipt.gas_used && estimate <= receipt.gas_used * 102 / 100, "{estimate} vs {}", receipt.gas_used);
}

#[tokio::test(flavor = "current_thread")]
async fn stylus_program_deploys_and_runs_only_after_activation() {
    let server = start();
    let addr = server.addr();
    let provider = provider(&server, 4);
    let deployer = signer(4).address();
    let code = devnode::initcode::from_wasm(&common::echo_wasm()).expect("initcode");
    let receipt = provider
        .send_transaction(TransactionRequest::default().with_deploy_code(code.init_code.clone()))
        .await
        .unwrap()
        .get_receipt()
        .await
        .unwrap();
    assert!(receipt.status());
    let program = receipt.contract_address.expect("created");
    let stored = provider.get_code_at(program).await.unwrap();
    assert_eq!(stored, Bytes::from(code.deployment_code.clone()));
    assert_eq!(&stored[..4], &[0xEF, 0xF0, 0x00, 0x00]);

    // Not activated: calls fail with ArbWasm's ProgramNotActivated.
    let reply = rpc(addr, "eth_call", json!([{ "to": program, "data": "0x1234" }]));
    assert_eq!(reply["error"]["code"], json!(3), "{reply}");
    let data: Bytes = serde_json::from_value(reply["error"]["data"].clone()).unwrap();
    assert!(ArbWasm::ProgramNotActivated::abi_decode(&data).is_ok());

    // Without the data fee activation reverts; the fee is read with an eth_call first (as
    // cargo-stylus does), then paid.
    let activate = ArbWasm::activateProgramCall { program }.abi_encode();
    let reply = rpc(addr, "eth_call", json!([{ "from": deployer, "to": ARB_WASM, "data": Bytes::from(activate.clone()) }]));
    let data: Bytes = serde_json::from_value(reply["error"]["data"].clone()).unwrap();
    let want = ArbWasm::ProgramInsufficientValue::abi_decode(&data).expect("insufficient value").want;
    assert!(want > U256::ZERO);
    let quote = provider
        .call(
            TransactionRequest::default()
                .with_from(deployer)
                .with_to(ARB_WASM)
                .with_input(activate.clone())
                .with_value(U256::from(10u64).pow(U256::from(18u64))),
        )
        .await
        .unwrap();
    let quote = ArbWasm::activateProgramCall::abi_decode_returns(&quote).unwrap();
    assert_eq!(quote.dataFee, want);
    let before = provider.get_balance(deployer).await.unwrap();
    // Pay 20% more; the excess is refunded.
    let paid = want * U256::from(120) / U256::from(100);
    let tx = TransactionRequest::default().with_to(ARB_WASM).with_input(activate).with_value(paid);
    let receipt = provider.send_transaction(tx).await.unwrap().get_receipt().await.unwrap();
    assert!(receipt.status());
    let event = receipt.inner.logs().iter().find_map(|l| l.log_decode::<ArbWasm::ProgramActivated>().ok()).expect("ProgramActivated");
    assert_eq!(event.inner.data.program, program);
    assert_eq!(event.inner.data.dataFee, want);
    assert_eq!(event.inner.address, ARB_WASM);
    let gas_cost = U256::from(receipt.gas_used) * U256::from(BASE_FEE);
    assert_eq!(provider.get_balance(deployer).await.unwrap(), before - want - gas_cost);

    // Activated: the program runs.
    let output = provider
        .call(TransactionRequest::default().with_to(program).with_input(vec![1, 2, 3, 4, 5]))
        .await
        .unwrap();
    assert_eq!(output, Bytes::from(vec![1, 2, 3, 4, 5]));
}

#[tokio::test(flavor = "current_thread")]
async fn unlocked_dev_accounts_send_transactions() {
    let server = start();
    let addr = server.addr();
    let from = signer(0).address();
    let to = Address::repeat_byte(0x77);
    let hash = result(addr, "eth_sendTransaction", json!([{ "from": from, "to": to, "value": "0x10" }]));
    let receipt = result(addr, "eth_getTransactionReceipt", json!([hash]));
    assert_eq!(receipt["status"], json!("0x1"));
    assert_eq!(receipt["type"], json!("0x2"));
    assert_eq!(result(addr, "eth_getBalance", json!([to, "latest"])), json!("0x10"));
    let stranger = Address::repeat_byte(0x55);
    let reply = rpc(addr, "eth_sendTransaction", json!([{ "from": stranger, "to": to }]));
    assert!(reply["error"]["message"].as_str().unwrap().contains("unknown account"));
}

#[tokio::test(flavor = "current_thread")]
async fn estimates_run_in_the_block_the_transaction_lands_in() {
    let server = start();
    let provider = provider(&server, 6);
    // Runtime `NUMBER PUSH1 0 SSTORE STOP`: stores block.number. Estimated at the head
    // block, the second call would be a no-op write (cheap) and run out of gas when mined.
    let runtime = [0x43, 0x60, 0x00, 0x55, 0x00];
    let init = stylus_testbed::testbed::init_code_returning(&runtime);
    let deploy = TransactionRequest::default().with_deploy_code(init);
    let receipt = provider.send_transaction(deploy).await.unwrap().get_receipt().await.unwrap();
    let store = receipt.contract_address.expect("created");
    for _ in 0..3 {
        let tx = TransactionRequest::default().with_to(store);
        let receipt = provider.send_transaction(tx).await.unwrap().get_receipt().await.unwrap();
        assert!(receipt.status(), "estimated gas must be enough in the next block");
        let slot = provider.get_storage_at(store, U256::ZERO).await.unwrap();
        assert_eq!(slot, U256::from(receipt.block_number.unwrap()));
    }
}
