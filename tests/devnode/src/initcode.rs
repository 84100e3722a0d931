//! `devnode initcode`: a `.wasm` as Stylus deployment code (`0xEFF000` + dictionary byte +
//! brotli, as cargo-stylus writes it) and as EVM init code that deploys it, so deploy
//! scripts need only `cast send --create`.

use stylus_testbed::{stylus::deploy_code, testbed::init_code_returning};

/// What `devnode initcode` prints.
pub struct InitCode {
    /// The Stylus code the account will hold (`0xEFF000..`).
    pub deployment_code: Vec<u8>,
    /// EVM creation code returning `deployment_code`.
    pub init_code: Vec<u8>,
}

/// Builds deployment and init code from raw wasm, or from deployment code given as is.
pub fn from_wasm(wasm_or_code: &[u8]) -> Result<InitCode, String> {
    let deployment_code = if wasm_or_code.starts_with(b"\0asm") {
        deploy_code::deployment_code_from_wasm(wasm_or_code)
    } else if deploy_code::is_stylus_code(wasm_or_code) {
        wasm_or_code.to_vec()
    } else {
        return Err("not a wasm module (no \\0asm magic) nor Stylus deployment code (0xEFF000...)".into());
    };
    // Check the round trip (and that the program decompresses within Nitro's bound).
    deploy_code::wasm_from_deployment_code(&deployment_code, stylus_testbed::stylus::MAX_WASM_SIZE)
        .map_err(|e| format!("invalid deployment code: {e}"))?;
    let init_code = init_code_returning(&deployment_code);
    Ok(InitCode { deployment_code, init_code })
}
