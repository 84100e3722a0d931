//! # pool-factory: creates WeightedPools as small dispatch proxies
//!
//! One call (`create`) deploys a pool proxy ([`proxy`]: ~185 bytes of EVM code that
//! DELEGATECALLs the WeightedPool facet program owning the called selector) with CREATE2
//! (salt bound to the caller), initialises it (the pool validates
//! its parameters and registers with the Vault), records it in `isPoolFromFactory` and
//! emits `PoolCreated`. ABI: abi/IWeightedPoolFactory.sol.
//!
//! Modules: [`contract`] (storage and functions), [`router`] (selector dispatch),
//! [`proxy`] (the routing table and the proxy bytecode), [`create2`] (pool address and
//! salt), [`pool_call`] (the pool's
//! `initialize` call), [`errors`]; `entrypoint` (deployed wasm only).
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[macro_use]
extern crate alloc;

pub mod contract;
pub mod create2;
#[cfg(feature = "contract")]
pub mod entrypoint;
pub mod errors;
pub mod pool_call;
pub mod proxy;
pub mod router;

pub use contract::*;
