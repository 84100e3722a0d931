//! Speed of the test bed (not a test): a simple Stylus call, a cross-VM round trip, and
//! the start-up of a world with five programs deployed and activated.
//! Run: `cargo bench -p stylus-testbed --bench world` (after `node tests/solidity/build.mjs`).

use std::{hint::black_box, path::PathBuf};

use alloy_primitives::{Address, U256};
use alloy_sol_types::{sol, SolCall};
use criterion::{criterion_group, Criterion};
use stylus_testbed::TestBed;

sol! {
    function get(uint256 key) external view returns (uint256);
    function set(uint256 key, uint256 value) external;
    function forward(address to, bytes data) external returns (bytes);
}

fn wasm(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("programs/wasm").join(format!("{name}.wasm"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn world_with_probe() -> (TestBed, Address, Address) {
    let mut bed = TestBed::new();
    let alice = bed.account("alice");
    let probe = bed.deploy_wasm(&wasm("world_probe")).expect("probe");
    (bed, alice, probe)
}

fn simple_stylus_call(c: &mut Criterion) {
    let (mut bed, alice, probe) = world_with_probe();
    let data = setCall { key: U256::from(1), value: U256::from(2) }.abi_encode();
    assert!(bed.call(alice, probe, data.clone(), U256::ZERO).success);
    c.bench_function("stylus call (probe.set, committed tx)", |b| {
        b.iter(|| black_box(bed.call(alice, probe, data.clone(), U256::ZERO)))
    });
}

fn cross_vm_round_trip(c: &mut Criterion) {
    let (mut bed, alice, probe) = world_with_probe();
    let forwarder = bed.deploy_artifact("TbForwarder", &[]).expect("node tests/solidity/build.mjs");
    // EVM -> Stylus -> EVM -> Stylus, as one transaction.
    let innermost = forwardCall { to: probe, data: getCall { key: U256::from(1) }.abi_encode().into() };
    let middle = forwardCall { to: forwarder, data: innermost.abi_encode().into() };
    let outer = forwardCall { to: probe, data: middle.abi_encode().into() };
    let data = outer.abi_encode();
    assert!(bed.call(alice, forwarder, data.clone(), U256::ZERO).success);
    c.bench_function("cross-VM round trip (EVM->Stylus->EVM->Stylus)", |b| {
        b.iter(|| black_box(bed.call(alice, forwarder, data.clone(), U256::ZERO)))
    });
}

/// The five programs of the start-up cases: 2 distinct codes, as a pool test deploys
/// several instances of the same program.
fn start_up_programs() -> Vec<Vec<u8>> {
    let programs = [wasm("world_probe"), wasm("world_erc20")];
    (0..5).map(|i| programs[i % 2].clone()).collect()
}

/// One world with the five programs, deployed one after another or with
/// [`TestBed::deploy_wasms`] (distinct programs prepared in parallel first).
fn start_world(programs: &[Vec<u8>], parallel: bool) -> TestBed {
    let mut bed = TestBed::new();
    if parallel {
        let programs: Vec<&[u8]> = programs.iter().map(Vec::as_slice).collect();
        black_box(bed.deploy_wasms(&programs).expect("deploy"));
    } else {
        for program in programs {
            black_box(bed.deploy_wasm(program).expect("deploy"));
        }
    }
    bed
}

/// Set in a child process of this bench: start one world cold and exit.
const CHILD_ENV: &str = "STYLUS_TESTBED_BENCH_COLD_START";

fn start_up(c: &mut Criterion) {
    let programs = start_up_programs();
    let mut group = c.benchmark_group("start-up");
    group.sample_size(10);
    group.bench_function("new world + 5 programs deployed and activated (2 distinct codes)", |b| {
        b.iter(|| start_world(&programs, false))
    });
    // Cold in this process: every cache of the test bed emptied (deployment code, compiled
    // programs), so processing, brotli-11 and compilation run again.
    group.bench_function("cold (caches cleared): same, one deploy_wasm after another", |b| {
        b.iter(|| {
            stylus_testbed::testbed::clear_process_caches();
            start_world(&programs, false)
        })
    });
    group.bench_function("cold (caches cleared): same, deploy_wasms (parallel preparation)", |b| {
        b.iter(|| {
            stylus_testbed::testbed::clear_process_caches();
            start_world(&programs, true)
        })
    });
    // Cold as a test binary's first world: a fresh process (spawn + exit included), so
    // nothing the process warmed up (allocator, wasmi engine, statics) is reused.
    let exe = std::env::current_exe().expect("bench executable");
    for (mode, name) in [("sequential", "deploy_wasm after deploy_wasm"), ("parallel", "deploy_wasms")] {
        group.bench_function(format!("cold (fresh process, spawn included): same, {name}"), |b| {
            b.iter(|| {
                let status = std::process::Command::new(&exe)
                    .env(CHILD_ENV, mode)
                    .stdout(std::process::Stdio::null())
                    .status()
                    .expect("spawn bench child");
                assert!(status.success(), "cold start-up child failed: {status}");
            })
        });
    }
    group.finish();
}

criterion_group!(benches, simple_stylus_call, cross_vm_round_trip, start_up);

fn main() {
    if let Ok(mode) = std::env::var(CHILD_ENV) {
        black_box(start_world(&start_up_programs(), mode == "parallel"));
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
