//! Speed of the test bed (not a test): a simple Stylus call, a cross-VM round trip, and
//! the start-up of a world with five programs deployed and activated.
//! Run: `cargo bench -p stylus-testbed --bench world` (after `node tests/solidity/build.mjs`).

use std::{hint::black_box, path::PathBuf};

use alloy_primitives::{Address, U256};
use alloy_sol_types::{sol, SolCall};
use criterion::{criterion_group, criterion_main, Criterion};
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

fn start_up(c: &mut Criterion) {
    let programs = [wasm("world_probe"), wasm("world_erc20")];
    let mut group = c.benchmark_group("start-up");
    group.sample_size(10);
    group.bench_function("new world + 5 programs deployed and activated (2 distinct codes)", |b| {
        b.iter(|| {
            let mut bed = TestBed::new();
            for i in 0..5 {
                black_box(bed.deploy_wasm(&programs[i % 2]).expect("deploy"));
            }
            bed
        })
    });
    group.bench_function("cold: same, compression and compilation included", |b| {
        b.iter(|| {
            stylus_testbed::testbed::clear_process_caches();
            let mut bed = TestBed::new();
            for i in 0..5 {
                black_box(bed.deploy_wasm(&programs[i % 2]).expect("deploy"));
            }
            bed
        })
    });
    group.finish();
}

criterion_group!(benches, simple_stylus_call, cross_vm_round_trip, start_up);
criterion_main!(benches);
