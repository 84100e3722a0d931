//! The deployed program's `user_entrypoint`, written out instead of `#[entrypoint]`:
//! it dispatches through the lean [`crate::router`] rather than the SDK's generic router
//! (size), and leaves out the SDK's deprecated blanket reentrancy guard (the pool keeps
//! no state a reentrant call could corrupt mid-operation: hooks make no external calls,
//! and `initialize` writes everything before calling the Vault).
//! Otherwise this is the macro's expansion: route, flush the storage cache, write the result.

use alloy_primitives::U256;
use stylus_sdk::{
    host::{WasmVM, VM},
    storage::StorageType,
    stylus_core::host::*,
};

use crate::contract::WeightedPool;

#[no_mangle]
pub extern "C" fn user_entrypoint(len: usize) -> usize {
    let host = VM { host: WasmVM {} };
    // Keeps `pay_for_memory_grow` imported, as activation requires (the SDK macro does the same).
    host.pay_for_memory_grow(0);
    let input = host.read_args(len);
    // SAFETY: the root holds no storage fields (raw slots, `storage.rs`); created once per call.
    let mut pool = unsafe { WeightedPool::new(U256::ZERO, 0, host.clone()) };
    let (data, status) = match crate::router::route(&mut pool, &input) {
        Ok(data) => (data, 0),
        Err(err) => (alloc::vec::Vec::<u8>::from(err), 1),
    };
    host.flush_cache(false);
    host.write_result(&data);
    status
}
