//! The contract's `user_entrypoint`, written out instead of `#[entrypoint]` so calls go
//! through the lean [`crate::router`] (as the Vault does). Otherwise it is the macro's
//! expansion: route, flush the storage cache, write the result.
//!
//! No re-entrancy guard is needed: the factory writes its storage only after the
//! pool's `initialize` returns, and a re-entrant `create` is an ordinary `create`.

use alloy_primitives::U256;
use stylus_sdk::{
    host::{WasmVM, VM},
    storage::StorageType,
    stylus_core::{host::*, storage::TopLevelStorage},
};

use crate::PoolFactory;

// SAFETY: `PoolFactory` is the contract's only storage root (slot 0).
unsafe impl TopLevelStorage for PoolFactory {}

#[no_mangle]
pub extern "C" fn user_entrypoint(len: usize) -> usize {
    let host = VM { host: WasmVM {} };
    // Keeps `pay_for_memory_grow` imported, as activation requires (see the SDK macro).
    host.pay_for_memory_grow(0);
    let input = host.read_args(len);
    // SAFETY: the storage root lives at slot 0, created once per call.
    let mut factory = unsafe { PoolFactory::new(U256::ZERO, 0, host.clone()) };
    let (data, status) = match crate::router::route(&mut factory, &input) {
        Ok(data) => (data, 0),
        Err(e) => (e.0, 1),
    };
    host.flush_cache(false);
    host.write_result(&data);
    status
}
