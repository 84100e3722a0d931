//! # pool-factory: creates WeightedPools as cheap clones
//!
//! One call (`create`) deploys an EIP-1167 minimal proxy of the activated WeightedPool
//! program with CREATE2 (salt bound to the caller), initialises it (the pool validates
//! its parameters and registers with the Vault), records it in `isPoolFromFactory` and
//! emits `PoolCreated`. ABI: abi/IWeightedPoolFactory.sol.
//!
//! Modules: [`contract`] (storage and functions), [`router`] (selector dispatch),
//! [`clone`] (1167 init code, CREATE2 address and salt), [`pool_call`] (the pool's
//! `initialize` call), [`errors`]; `entrypoint` (deployed wasm only).
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[macro_use]
extern crate alloc;

pub mod clone;
pub mod contract;
#[cfg(feature = "contract")]
pub mod entrypoint;
pub mod errors;
pub mod pool_call;
pub mod router;

pub use contract::*;
