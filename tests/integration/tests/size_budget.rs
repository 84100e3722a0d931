//! CI check (DESIGN.md "Size"): each contract's compressed wasm — the deployment code
//! `cargo stylus deploy` would send, as the test bed's activation analysis computes it —
//! is at most 24 KiB, so no fragments are needed, and the wasm within Nitro's 128 KiB. Needs `bash deploy/build-contracts.sh`.

use integration::sizes::{release_program_info, BUDGET_BYTES, CONTRACTS, MAX_WASM_BYTES};

/// Every deployed program: the Vault, the factory and each WeightedPool facet
/// (`pool_factory::proxy::FACETS`). The one-program weighted_pool.wasm is not deployed.
#[test]
fn every_contract_fits_24_kib_compressed() {
    check(CONTRACTS.into_iter());
}

fn check<'a>(names: impl Iterator<Item = &'a str>) {
    let mut over = Vec::new();
    println!("{:<24} {:>10} {:>12} {:>6} {:>18}", "contract", "wasm", "compressed", "pages", "entry cached/unc.");
    for name in names {
        let info = release_program_info(name).unwrap_or_else(|e| panic!("{e}"));
        println!(
            "{name:<24} {:>10} {:>12} {:>6} {:>8} / {:>7}",
            info.wasm_size,
            info.code_size,
            info.footprint_pages,
            info.init_gas(true),
            info.init_gas(false)
        );
        if info.code_size > BUDGET_BYTES {
            over.push(format!("{name}: {} bytes compressed (budget {BUDGET_BYTES})", info.code_size));
        }
        if info.wasm_size > MAX_WASM_BYTES {
            over.push(format!("{name}: {} bytes uncompressed (Nitro's limit {MAX_WASM_BYTES})", info.wasm_size));
        }
    }
    assert!(over.is_empty(), "over the 24 KiB budget: {over:?}");
}
