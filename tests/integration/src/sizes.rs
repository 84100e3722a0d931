//! Sizes of the release contracts as the chain sees them (the test bed's activation
//! analysis of the cargo-stylus-processed wasm), for the size budget and the gas report.

use pool_factory::proxy::{FACETS, FACET_COUNT};
use stylus_testbed::release_wasm_path;
use stylus_testbed::stylus::{Limits, Program, ProgramInfo};

/// The deployed programs, by release wasm file name: the Vault, the factory and the
/// WeightedPool facets (`pool_factory::proxy::FACETS`, table order). The one-program
/// weighted_pool.wasm is built but no longer deployed.
pub const CONTRACTS: [&str; 2 + FACET_COUNT] = {
    let mut out = [""; 2 + FACET_COUNT];
    out[0] = "vault";
    out[1] = "pool_factory";
    let mut i = 0;
    while i < FACET_COUNT {
        out[2 + i] = FACETS[i];
        i += 1;
    }
    out
};

/// DESIGN.md: each contract's compressed wasm (deployment code) at most 24 KiB.
pub const BUDGET_BYTES: usize = 24 * 1024;

/// Nitro's limit on the decompressed wasm (`MaxWasmSize`).
pub const MAX_WASM_BYTES: usize = 128 * 1024;

/// Analyses `<target>/wasm32-unknown-unknown/release/<name>.wasm` without the size
/// limits (so an oversized contract is measured rather than refused).
pub fn release_program_info(name: &str) -> Result<ProgramInfo, String> {
    let path = release_wasm_path(name);
    let wasm = std::fs::read(&path).map_err(|e| format!("{}: {e} (run `bash deploy/build-contracts.sh`)", path.display()))?;
    let limits = Limits { max_code_size: usize::MAX, max_wasm_size: usize::MAX, ..Limits::default() };
    let program = Program::from_wasm_with(&wasm, &limits).map_err(|e| format!("{name}: {e}"))?;
    Ok(program.info().clone())
}
