//! Build outputs the tests load: Solidity artifacts (`tests/solidity/out/<Name>.json`,
//! written by `node tests/solidity/build.mjs`) and the contracts' release `.wasm`.

use std::path::{Path, PathBuf};

use alloy_primitives::{hex, Bytes};

use crate::result::BedError;

/// A compiled Solidity contract.
#[derive(Clone, Debug)]
pub struct Artifact {
    pub name: String,
    pub abi: serde_json::Value,
    /// Creation code (constructor arguments are appended to it).
    pub bytecode: Bytes,
    pub deployed_bytecode: Bytes,
}

/// Root of the repository (this crate sits at `tests/stylus-testbed`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Directory of Solidity artifacts: `$SOLIDITY_OUT`, or `tests/solidity/out`.
pub fn solidity_out_dir() -> PathBuf {
    std::env::var_os("SOLIDITY_OUT").map(PathBuf::from).unwrap_or_else(|| repo_root().join("tests/solidity/out"))
}

/// Path of a contract's release wasm (`deploy/build-contracts.sh` output), e.g. `vault`:
/// `$CARGO_TARGET_DIR` (or `target/`) `/wasm32-unknown-unknown/release/vault.wasm`.
pub fn release_wasm_path(crate_name: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| repo_root().join("target"));
    target.join("wasm32-unknown-unknown/release").join(format!("{}.wasm", crate_name.replace('-', "_")))
}

/// Loads `<solidity_out_dir>/<name>.json`.
pub fn load_artifact(name: &str) -> Result<Artifact, BedError> {
    let path = solidity_out_dir().join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).map_err(|source| BedError::Io { path: path.display().to_string(), source })?;
    parse_artifact(name, &text)
}

/// Parses an artifact `{ "abi": [...], "bytecode": "0x..", "deployedBytecode": "0x.." }`.
pub fn parse_artifact(name: &str, json: &str) -> Result<Artifact, BedError> {
    let fail = |reason: String| BedError::Artifact { name: name.to_string(), reason };
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| fail(e.to_string()))?;
    let hex_field = |field: &str| -> Result<Bytes, BedError> {
        let text = value.get(field).and_then(|v| v.as_str()).ok_or_else(|| fail(format!("missing `{field}`")))?;
        if text.contains("__") {
            return Err(fail(format!("`{field}` has unlinked library placeholders")));
        }
        hex::decode(text).map(Bytes::from).map_err(|e| fail(format!("`{field}`: {e}")))
    };
    let bytecode = hex_field("bytecode")?;
    let deployed_bytecode = hex_field("deployedBytecode").unwrap_or_default();
    Ok(Artifact { name: name.to_string(), abi: value.get("abi").cloned().unwrap_or_default(), bytecode, deployed_bytecode })
}
