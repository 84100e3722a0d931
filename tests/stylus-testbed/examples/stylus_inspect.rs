//! Prints what Stylus activation would say about wasm or deployment-code files:
//! `cargo run -p stylus-testbed --example stylus_inspect -- path/to/program.wasm ...`

use stylus_testbed::stylus::{is_stylus_code, Limits, Program};

fn main() {
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        // Report oversize programs too: check the code limit separately below.
        let limits = Limits { max_code_size: usize::MAX, ..Limits::default() };
        let loaded = if is_stylus_code(&bytes) {
            Program::from_deployment_code_with(&bytes, &limits)
        } else {
            Program::from_wasm_with(&bytes, &limits)
        };
        match loaded {
            Ok(program) => {
                let info = program.info();
                println!("{path}:");
                println!("  wasm {} bytes, deployment code {} bytes ({} the 24,576-byte limit)",
                    info.wasm_size, info.code_size, if info.fits_code_limit() { "within" } else { "OVER" });
                println!("  functions {}, footprint {} pages, features {:?}", info.function_count, info.footprint_pages, info.features);
                println!("  init_cost {}, cached_init_cost {}, asm_estimate {} bytes", info.init_cost, info.cached_init_cost, info.asm_estimate);
                println!("  entry gas: uncached {}, cached {} (plus memory beyond 2 free pages)", info.init_gas(false), info.init_gas(true));
                println!("  hooks {:?}", info.hooks);
            }
            Err(e) => {
                println!("{path}: REJECTED: {e}");
                failed = true;
            }
        }
    }
    if failed {
        std::process::exit(1);
    }
}
