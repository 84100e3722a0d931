//! Links the contract wasm with a 32 KiB stack instead of rustc's 1 MiB default.
//!
//! Stylus charges every call for the memory pages the program declares beyond two free
//! ones (the default stack alone is 16 pages: ~15,000 gas on entry). The pool's deepest
//! path (join/exit math with 512-bit intermediates) needs a few KB.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=32768");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
