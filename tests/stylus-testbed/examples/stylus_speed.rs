//! Times `stylus::run` (instantiate + execute) on a small storage program, and optionally
//! on a real program: `cargo run --release -p stylus-testbed --example stylus_speed
//! [-- path/to/program.wasm <hex calldata>]`. A measurement, not a test.

use alloy_primitives::{Address, Bytes, B256, U256};
use std::{collections::HashMap, time::Instant};
use stylus_testbed::stylus::{run, CallKind, FrameContext, HostError, Limits, Program, StylusHost, SubcallOutcome};

#[derive(Default)]
struct World {
    storage: HashMap<U256, U256>,
}

impl StylusHost for World {
    fn sload(&mut self, key: U256) -> (U256, u64) {
        (self.storage.get(&key).copied().unwrap_or_default(), 2_100)
    }
    fn sstore(&mut self, key: U256, value: U256) -> Result<u64, HostError> {
        self.storage.insert(key, value);
        Ok(2_900)
    }
    fn tload(&mut self, _key: U256) -> U256 {
        U256::ZERO
    }
    fn tstore(&mut self, _key: U256, _value: U256) -> Result<(), HostError> {
        Ok(())
    }
    fn call(&mut self, _kind: CallKind, _to: Address, _value: U256, _gas: u64, _input: &[u8]) -> SubcallOutcome {
        SubcallOutcome { success: true, ..Default::default() }
    }
    fn create(&mut self, _code: &[u8], _value: U256, _salt: Option<B256>, _gas: u64) -> SubcallOutcome {
        SubcallOutcome::default()
    }
    fn emit_log(&mut self, _topics: &[B256], _data: &[u8]) -> Result<(), HostError> {
        Ok(())
    }
    fn balance(&mut self, _account: Address) -> (U256, u64) {
        (U256::ZERO, 100)
    }
    fn code(&mut self, _account: Address) -> (Bytes, u64) {
        (Bytes::new(), 100)
    }
    fn code_hash(&mut self, _account: Address) -> (B256, u64) {
        (B256::ZERO, 100)
    }
}

const COUNTER: &str = r#"(module
  (import "vm_hooks" "read_args" (func $read_args (param i32)))
  (import "vm_hooks" "write_result" (func $write_result (param i32 i32)))
  (import "vm_hooks" "storage_load_bytes32" (func $load (param i32 i32)))
  (import "vm_hooks" "storage_cache_bytes32" (func $cache (param i32 i32)))
  (import "vm_hooks" "storage_flush_cache" (func $flush (param i32)))
  (func (export "user_entrypoint") (param i32) (result i32)
    (call $load (i32.const 0) (i32.const 32))
    (i32.store8 (i32.const 63) (i32.add (i32.load8_u (i32.const 63)) (i32.const 1)))
    (call $cache (i32.const 0) (i32.const 32))
    (call $flush (i32.const 0))
    (call $write_result (i32.const 32) (i32.const 32))
    (i32.const 0))
  (memory (export "memory") 1))"#;

fn time(label: &str, program: &Program, input: &[u8], iterations: u32) {
    let mut world = World::default();
    let ctx = FrameContext { input: Bytes::copy_from_slice(input), gas_limit: 30_000_000, ..Default::default() };
    let first = run(program, &mut world, &ctx);
    let start = Instant::now();
    for _ in 0..iterations {
        std::hint::black_box(run(program, &mut world, &ctx));
    }
    let per_call = start.elapsed() / iterations;
    println!(
        "{label}: {:?} per run ({:.0} runs/s); status {:?}, gas {} (entry {}), ink {}",
        per_call,
        1.0 / per_call.as_secs_f64(),
        first.status,
        first.gas_used,
        first.entry_gas,
        first.ink_used
    );
}

fn main() {
    let wasm = wat::parse_str(COUNTER).expect("wat");
    let start = Instant::now();
    let program = Program::from_wasm(&wasm).expect("program");
    println!("load (validate + brotli + compile) small program: {:?}", start.elapsed());
    time("counter (sload, sstore, flush)", &program, &[], 20_000);
    // Same program with a Rust-sized 17-page memory, to show the cost of instantiation.
    let wasm = wat::parse_str(COUNTER.replace("(memory (export \"memory\") 1)", "(memory (export \"memory\") 17)")).expect("wat");
    let program = Program::from_wasm(&wasm).expect("program");
    time("counter with a 17-page memory", &program, &[], 20_000);

    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [path, calldata] = args.as_slice() {
        let wasm = std::fs::read(path).expect("read wasm");
        let input = alloy_primitives::hex::decode(calldata).expect("hex calldata");
        let start = Instant::now();
        let limits = Limits { max_code_size: usize::MAX, ..Limits::default() };
        let program = Program::from_wasm_with(&wasm, &limits).expect("program");
        println!("load {path}: {:?} ({} bytes wasm)", start.elapsed(), wasm.len());
        time(path, &program, &input, 2_000);
    }
}
