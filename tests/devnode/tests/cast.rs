//! The devnode driven by Foundry's `cast` (node_modules/.bin/cast after `npm ci`): what the
//! deploy scripts and the README walkthrough rely on.

mod common;

use std::{path::PathBuf, process::Command};

use devnode::accounts::DEV_KEYS;

fn cast_binary() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/.bin/cast");
    path.exists().then_some(path)
}

/// Runs cast; returns (success, stdout, stderr).
fn cast(bin: &PathBuf, args: &[&str]) -> (bool, String, String) {
    let output = Command::new(bin).args(args).env("FOUNDRY_DISABLE_NIGHTLY_WARNING", "1").output().expect("run cast");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).trim().to_string(),
        String::from_utf8_lossy(&output.stderr).trim().to_string(),
    )
}

fn ok(bin: &PathBuf, args: &[&str]) -> String {
    let (success, stdout, stderr) = cast(bin, args);
    assert!(success, "cast {args:?} failed:\n{stdout}\n{stderr}");
    stdout
}

/// `args` with `--rpc-url url` after the subcommand (before any trailing positional data).
fn with_rpc<'a>(args: &[&'a str], url: &'a str) -> Vec<&'a str> {
    let mut all = vec![args[0], "--rpc-url", url];
    all.extend_from_slice(&args[1..]);
    all
}

#[test]
fn cast_sends_calls_and_reads() {
    let Some(bin) = cast_binary() else {
        eprintln!("SKIPPED: node_modules/.bin/cast not found; run `npm ci` at the repository root");
        return;
    };
    let server = common::start();
    let url = server.url();
    let key = DEV_KEYS[5];
    assert_eq!(ok(&bin, &with_rpc(&["chain-id"], &url)), "412346");
    assert_eq!(ok(&bin, &with_rpc(&["gas-price"], &url)), "100000000");
    let to = "0x4242424242424242424242424242424242424242";

    // EIP-1559 and legacy transfers.
    ok(&bin, &with_rpc(&["send", "--private-key", key, to, "--value", "1000"], &url));
    ok(&bin, &with_rpc(&["send", "--legacy", "--private-key", key, to, "--value", "24"], &url));
    assert_eq!(ok(&bin, &with_rpc(&["balance", to], &url)), "1024");
    assert_eq!(ok(&bin, &with_rpc(&["nonce", "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc"], &url)), "2");

    // Deploy the logger, emit a log, read it back.
    let init = format!("0x{}", alloy_primitives::hex::encode(common::logger_init_code()));
    let json = ok(&bin, &with_rpc(&["send", "--json", "--private-key", key, "--create", init.as_str()], &url));
    let receipt: serde_json::Value = serde_json::from_str(&json).expect("receipt json");
    assert_eq!(receipt["status"], "0x1");
    let logger = receipt["contractAddress"].as_str().expect("contract address").to_string();
    let topic = "0x00000000000000000000000000000000000000000000000000000000000000cc";
    let json = ok(&bin, &with_rpc(&["send", "--json", "--private-key", key, logger.as_str(), topic], &url));
    let receipt: serde_json::Value = serde_json::from_str(&json).expect("receipt json");
    assert_eq!(receipt["status"], "0x1");
    let hash = receipt["transactionHash"].as_str().unwrap().to_string();
    assert_eq!(ok(&bin, &with_rpc(&["receipt", hash.as_str(), "status"], &url)), "true");
    let logs = ok(&bin, &with_rpc(&["logs", "--from-block", "0", "--address", logger.as_str()], &url));
    assert!(logs.contains(&topic[2..]), "{logs}");
    let tx = ok(&bin, &with_rpc(&["tx", hash.as_str(), "from"], &url));
    assert_eq!(tx.to_lowercase(), "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc");
    ok(&bin, &with_rpc(&["block", "latest"], &url));

    // Reverts surface with their data.
    let (success, stdout, stderr) = cast(&bin, &with_rpc(&["call", logger.as_str()], &url));
    assert!(!success, "{stdout}");
    assert!(stderr.contains("deadbeef"), "{stderr}");
    let (success, _, stderr) = cast(&bin, &with_rpc(&["send", "--private-key", key, logger.as_str()], &url));
    assert!(!success);
    assert!(stderr.contains("deadbeef"), "{stderr}");
}
