//! The contract's `user_entrypoint`, written out instead of using `#[entrypoint]`.
//!
//! stylus-sdk 0.10's `#[entrypoint]` inserts its deprecated blanket guard that reverts
//! every re-entrant call with empty data (unless the workspace-wide `reentrant`
//! feature is on, which would also switch it off for the other contracts built in the
//! same cargo invocation, and pulls in `stylus-test`). The Vault needs re-entrant
//! calls to reach its own logic: the transient lock ([`crate::lock`]) rejects them with
//! a typed `Reentrancy` error, and lets balance views answer during flash-loan
//! callbacks. Otherwise this is the macro's expansion: route, flush the storage
//! cache, write the result.

use stylus_sdk::{
    abi::router_entrypoint,
    host::{WasmVM, VM},
    stylus_core::{host::*, storage::TopLevelStorage},
};

use crate::Vault;

// SAFETY: `Vault` is the contract's only storage root (slot 0).
unsafe impl TopLevelStorage for Vault {}

#[no_mangle]
pub extern "C" fn user_entrypoint(len: usize) -> usize {
    let host = VM { host: WasmVM {} };
    // Keeps `pay_for_memory_grow` imported, as activation requires (see the SDK macro).
    host.pay_for_memory_grow(0);
    let input = host.read_args(len);
    let (data, status) = match router_entrypoint::<Vault, Vault>(input, host.clone()) {
        Ok(data) => (data, 0),
        Err(data) => (data, 1),
    };
    host.flush_cache(false);
    host.write_result(&data);
    status
}

