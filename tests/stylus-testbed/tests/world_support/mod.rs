//! Shared setup of the world self-tests: the test programs, Solidity helpers and their ABIs.
#![allow(dead_code)]

use std::path::PathBuf;

use alloy_primitives::Address;
use alloy_sol_types::sol;
use stylus_testbed::TestBed;

sol! {
    #![sol(all_derives)]

    /// programs/world-probe (Stylus).
    interface IProbe {
        function forward(address to, bytes data) external returns (bytes);
        function forwardStatic(address to, bytes data) external view returns (bytes);
        function isReentrant() external view returns (bool);
        function set(uint256 key, uint256 value) external;
        function get(uint256 key) external view returns (uint256);
        function logAndForward(uint256 tag, address to, bytes data) external returns (bytes);
        function deploy2(bytes32 salt, bytes initCode) external returns (address);
        function fail(uint256 code) external view;
        event Tagged(uint256 indexed tag, address sender);
        error ProbeFailed(uint256 code);
    }

    /// programs/world-erc20 (Stylus) and tests/solidity TestERC20 (EVM) share this ABI.
    interface IToken {
        function totalSupply() external view returns (uint256);
        function balanceOf(address owner) external view returns (uint256);
        function allowance(address owner, address spender) external view returns (uint256);
        function transfer(address to, uint256 value) external returns (bool);
        function approve(address spender, uint256 value) external returns (bool);
        function transferFrom(address from, address to, uint256 value) external returns (bool);
        function mint(address to, uint256 value) external;
        event Transfer(address indexed from, address indexed to, uint256 value);
        error InsufficientBalance(address from, uint256 balance, uint256 needed);
        error InsufficientAllowance(address owner, address spender, uint256 allowance, uint256 needed);
    }

    /// tests/solidity/src/testbed (EVM).
    interface ITbForwarder {
        function forward(address to, bytes data) external payable returns (bytes);
        function forwardStatic(address to, bytes data) external view returns (bytes);
        function logAndForward(uint256 tag, address to, bytes data) external returns (bytes);
        event Seen(uint256 indexed tag, address sender);
    }
    interface ITbReverter {
        function fail(uint256 code) external pure;
        error Boom(uint256 code);
    }
    interface ITbStore {
        function values(uint256 key) external view returns (uint256);
        function set(uint256 key, uint256 value) external;
    }
    interface ITbFactory {
        function deploy2(bytes32 salt, bytes initCode) external returns (address);
        function clone(address implementation) external returns (address);
        event Deployed(address addr);
        error DeploymentFailed();
    }
    interface ITbTokenMover {
        function pull(address token, address from, address to, uint256 amount) external returns (uint256);
    }
}

/// A committed test program (built by programs/build.sh).
pub fn program_wasm(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("programs/wasm").join(format!("{name}.wasm"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e} (run programs/build.sh)", path.display()))
}

/// Deploys a Solidity contract of tests/solidity/src/testbed (run `node tests/solidity/build.mjs`).
pub fn deploy_sol(bed: &mut TestBed, name: &str, ctor_args: &[u8]) -> Address {
    bed.deploy_artifact(name, ctor_args)
        .unwrap_or_else(|e| panic!("deploy {name}: {e} (artifacts come from `node tests/solidity/build.mjs`)"))
}

pub fn deploy_probe(bed: &mut TestBed) -> Address {
    bed.deploy_wasm(&program_wasm("world_probe")).expect("deploy world_probe")
}
