//! Links the contract wasm with a 64 KiB stack instead of rustc's 1 MiB default.
//!
//! Stylus charges for the memory pages a program declares beyond the two free ones per
//! transaction: the default stack alone makes the Vault 17 pages (measured: ~15,000 gas on
//! the first Stylus entry of a transaction). Rust's wasm32 target puts the stack first, so
//! an overflow traps (the call reverts) instead of corrupting data; the deepest paths
//! (batchSwap, joins/exits with 8 tokens) are covered by the integration tests.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=65536");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
