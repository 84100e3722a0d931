//! Where cold start-up time goes: times each phase of turning a compiled `.wasm` into an
//! activated program, once per file, in one fresh process. A measurement, not a test.
//! `cargo run --profile bench -p stylus-testbed --example startup_phases [-- a.wasm b.wasm ..]`
//! (default: the committed self-test programs under `programs/wasm/`).

use std::{path::PathBuf, time::Instant};
use wasmi::{CompilationMode, Config, Engine, Module};
use stylus_testbed::stylus::{
    compress_wasm, process_wasm, validate::validate, wasm_from_deployment_code, Limits, Program, MAX_WASM_SIZE,
};

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let mut paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("programs/wasm");
        paths = vec![dir.join("world_probe.wasm"), dir.join("world_erc20.wasm")];
    }
    println!("{:<20} {:>8} {:>8} {:>9} {:>9} {:>9} {:>9} {:>11} {:>9}", "program", "wasm B", "code B", "process", "brotli11", "unbrotli", "validate", "instr+comp", "total");
    for path in &paths {
        let wasm = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let all = Instant::now();

        let t = Instant::now();
        let processed = process_wasm(&wasm).expect("process");
        let process_ms = ms(t);

        let t = Instant::now();
        let compressed = compress_wasm(&processed);
        let brotli_ms = ms(t);
        let mut code = vec![0xEF, 0xF0, 0x00, 0x00];
        code.extend_from_slice(&compressed);

        let t = Instant::now();
        let unpacked = wasm_from_deployment_code(&code, MAX_WASM_SIZE).expect("decompress");
        let unbrotli_ms = ms(t);

        let t = Instant::now();
        let info = validate(&unpacked, code.len(), &Limits::default()).expect("validate");
        let validate_ms = ms(t);

        // Loading deployment code = decompress + validate + instrument + wasmi compile.
        let t = Instant::now();
        let program = Program::from_deployment_code(&code).expect("load");
        let load_ms = ms(t);
        let total_ms = ms(all);
        assert_eq!(program.info(), &info);
        println!(
            "{:<20} {:>8} {:>8} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>11.1} {:>9.1}",
            name,
            wasm.len(),
            code.len(),
            process_ms,
            brotli_ms,
            unbrotli_ms,
            validate_ms,
            load_ms - unbrotli_ms - validate_ms,
            total_ms - unbrotli_ms - validate_ms,
        );
    }
    println!("(ms; total = process + brotli11 + load, load = unbrotli + validate + instrument + compile)");

    // wasmi's compilation modes on the processed (uninstrumented) wasm, for comparison.
    for mode in [CompilationMode::Eager, CompilationMode::LazyTranslation, CompilationMode::Lazy] {
        let mut config = Config::default();
        config.compilation_mode(mode);
        let engine = Engine::new(&config);
        let mut line = format!("wasmi {mode:<16?}");
        for path in &paths {
            let processed = process_wasm(&std::fs::read(path).expect("read")).expect("process");
            let t = Instant::now();
            Module::new(&engine, &processed).expect("compile");
            line.push_str(&format!(" {:>7.2} ms", ms(t)));
        }
        println!("{line}");
    }
}
