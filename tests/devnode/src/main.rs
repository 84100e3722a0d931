//! `devnode`: a local Arbitrum-style JSON-RPC node over the stylus-testbed world.
//!
//! ```text
//! devnode [--host 127.0.0.1] [--port 8547] [--chain-id 412346] [--base-fee WEI] [--code-size-limit BYTES] [--quiet]
//! devnode initcode <file.wasm> [--deployment-code]
//! ```

use std::process::ExitCode;

use alloy_primitives::hex;
use devnode::{accounts, testbed_backend::TestbedBackend, Node, NodeConfig};

const USAGE: &str = "usage:
  devnode [--host ADDR] [--port N] [--chain-id N] [--base-fee WEI] [--code-size-limit BYTES] [--quiet]
      Serves JSON-RPC on http://ADDR:N (default 127.0.0.1:8547; --port 0 picks a free port).
      Prints `Listening on http://ADDR:PORT` first, then the dev accounts.
      --code-size-limit raises Arbitrum's 24,576-byte deployed-code limit (development only).
  devnode initcode <file.wasm> [--deployment-code]
      Prints the EVM init code (hex) that deploys the program as Stylus code, or with
      --deployment-code the Stylus deployment code itself (0xEFF000 + brotli wasm).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("initcode") => initcode(args.get(1..).unwrap_or_default()),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => serve(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("devnode: {message}");
            ExitCode::FAILURE
        }
    }
}

fn initcode(args: &[String]) -> Result<(), String> {
    let mut path = None;
    let mut deployment_code = false;
    for arg in args {
        match arg.as_str() {
            "--deployment-code" => deployment_code = true,
            other if path.is_none() && !other.starts_with("--") => path = Some(other.to_string()),
            other => return Err(format!("unexpected argument {other}\n{USAGE}")),
        }
    }
    let path = path.ok_or_else(|| format!("initcode needs a .wasm file\n{USAGE}"))?;
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let code = devnode::initcode::from_wasm(&bytes).map_err(|e| format!("{path}: {e}"))?;
    eprintln!(
        "{path}: {} bytes wasm -> {} bytes deployment code, {} bytes init code",
        bytes.len(),
        code.deployment_code.len(),
        code.init_code.len()
    );
    let out = if deployment_code { &code.deployment_code } else { &code.init_code };
    println!("0x{}", hex::encode(out));
    Ok(())
}

fn value<'a>(args: &'a [String], index: usize, flag: &str) -> Result<&'a str, String> {
    args.get(index + 1).map(String::as_str).ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
}

fn number(text: &str, flag: &str) -> Result<u64, String> {
    text.parse().map_err(|_| format!("{flag}: not a number: {text}"))
}

fn serve(args: &[String]) -> Result<(), String> {
    let mut host = "127.0.0.1".to_string();
    let mut port: u64 = 8547;
    let mut config = NodeConfig::default();
    let mut quiet = false;
    let mut code_size_limit: Option<usize> = None;
    let mut i = 0;
    while i < args.len() {
        let flag = args[i].as_str();
        match flag {
            "--host" => host = value(args, i, flag)?.to_string(),
            "--port" | "-p" => port = number(value(args, i, flag)?, flag)?,
            "--chain-id" => config.chain_id = number(value(args, i, flag)?, flag)?,
            "--base-fee" => config.base_fee = number(value(args, i, flag)?, flag)?,
            "--code-size-limit" => {
                let limit = number(value(args, i, flag)?, flag)?;
                code_size_limit = Some(usize::try_from(limit).map_err(|_| format!("{flag}: too large"))?);
            }
            "--quiet" | "-q" => {
                quiet = true;
                i += 1;
                continue;
            }
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
        i += 2;
    }
    let port = u16::try_from(port).map_err(|_| format!("--port {port} is out of range"))?;
    let chain_id = config.chain_id;
    let make_node = move || {
        let backend = match code_size_limit {
            Some(limit) => TestbedBackend::with_code_size_limit(config.chain_id, limit),
            None => TestbedBackend::new(config.chain_id),
        };
        let mut node = Node::new(Box::new(backend), config);
        node.verbose = !quiet;
        node
    };
    let server = devnode::spawn(make_node, &format!("{host}:{port}"))?;
    println!("Listening on {}", server.url());
    println!("Chain id {chain_id}; dev accounts (10,000 ETH each, keys are public test keys):");
    for (address, key) in accounts::dev_addresses().iter().zip(accounts::DEV_KEYS) {
        println!("  {address} {key}");
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
    server.join();
    Ok(())
}
