//! Links the contract wasm with a 32 KiB stack instead of rustc's 1 MiB default.
//!
//! Stylus charges every call for the memory pages the program declares beyond two free
//! ones (the default stack alone is 16 pages: ~15,000 gas on entry). The pool's deepest
//! path (join/exit math with 512-bit intermediates) needs a few KB.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=32768");
    }
    facet_cfgs();
    println!("cargo:rerun-if-changed=build.rs");
}

/// Which router arms this build keeps (see src/router.rs). No facet feature (host builds and
/// the one-program pool): every arm. `facet-swap`, `facet-join`, `facet-exit`,
/// `facet-token`: only that facet's arms, so each facet fits Stylus's 24 KiB code limit
/// on its own.
fn facet_cfgs() {
    let on = |name: &str| std::env::var_os(format!("CARGO_FEATURE_FACET_{name}")).is_some();
    let facets = [("arm_swap", on("SWAP")), ("arm_join", on("JOIN")), ("arm_exit", on("EXIT")), ("arm_token", on("TOKEN"))];
    let all = !facets.iter().any(|(_, wanted)| *wanted);
    println!("cargo::rustc-check-cfg=cfg(arm_swap, arm_join, arm_exit, arm_token)");
    for (cfg, wanted) in facets {
        if all || wanted {
            println!("cargo:rustc-cfg={cfg}");
        }
    }
}
