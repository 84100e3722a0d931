//! Prints the gas the test bed reports for a few reference operations (full transaction
//! gas, 21,000 included), uncached and cached. Run after `node tests/solidity/build.mjs`:
//! `cargo run --release -p stylus-testbed --example world_gas`.

use std::path::PathBuf;

use alloy_primitives::U256;
use alloy_sol_types::{sol, SolCall};
use stylus_testbed::TestBed;

sol! {
    function get(uint256 key) external view returns (uint256);
    function set(uint256 key, uint256 value) external;
    function forward(address to, bytes data) external returns (bytes);
    function transfer(address to, uint256 value) external returns (bool);
    function mint(address to, uint256 value) external;
}

fn wasm(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("programs/wasm").join(format!("{name}.wasm"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut bed = TestBed::new();
    let (alice, bob) = (bed.account("alice"), bed.account("bob"));
    let probe = bed.deploy_wasm_from(alice, &wasm("world_probe"))?;
    let token = bed.deploy_wasm(&wasm("world_erc20"))?;
    let sol_token = bed.deploy_test_token("SOL", 18)?;
    let forwarder = bed.deploy_artifact("TbForwarder", &[])?;
    println!("deploy world_probe: {} gas, activate: {:?} gas", probe.deploy.gas_used, probe.activate.as_ref().map(|a| a.gas_used));
    let probe = probe.address;
    bed.call_sol(alice, token, &mintCall { to: alice, value: U256::from(1_000_000) })?;
    bed.mint(sol_token, alice, U256::from(1_000_000))?;

    let cases: Vec<(&str, alloy_primitives::Address, Vec<u8>)> = vec![
        ("probe.get (cold slot)", probe, getCall { key: U256::from(9) }.abi_encode()),
        ("probe.set (fresh slot)", probe, setCall { key: U256::from(1), value: U256::from(1) }.abi_encode()),
        ("probe.set (same slot, new value)", probe, setCall { key: U256::from(1), value: U256::from(2) }.abi_encode()),
        ("stylus ERC-20 transfer", token, transferCall { to: bob, value: U256::from(1) }.abi_encode()),
        ("solidity ERC-20 transfer", sol_token, transferCall { to: bob, value: U256::from(1) }.abi_encode()),
        (
            "EVM->Stylus->EVM->Stylus probe.get",
            forwarder,
            forwardCall {
                to: probe,
                data: forwardCall { to: forwarder, data: forwardCall { to: probe, data: getCall { key: U256::from(1) }.abi_encode().into() }.abi_encode().into() }.abi_encode().into(),
            }
            .abi_encode(),
        ),
    ];
    println!("{:<40} {:>10} {:>10}", "operation", "uncached", "cached");
    for (name, to, data) in cases {
        let snap = bed.snapshot();
        let uncached = bed.call(alice, to, data.clone(), U256::ZERO);
        bed.revert_to(&snap);
        bed.set_cached(probe, true);
        bed.set_cached(token, true);
        let cached = bed.call(alice, to, data.clone(), U256::ZERO);
        bed.set_cached(probe, false);
        bed.set_cached(token, false);
        // Keep the state of the uncached run for the next case.
        bed.revert_to(&snap);
        bed.call(alice, to, data, U256::ZERO);
        assert!(uncached.success && cached.success, "{name}: {uncached:?} {cached:?}");
        println!("{name:<40} {:>10} {:>10}", uncached.gas_used, cached.gas_used);
    }
    Ok(())
}
