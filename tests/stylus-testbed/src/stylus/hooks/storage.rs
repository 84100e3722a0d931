//! Persistent storage through the frame's cache, and transient storage.

use super::{read_u256, write_slice, Ctx};
use crate::stylus::{
    frame::{buy_gas, buy_ink, gas_left, require_gas, set_ink, Escape},
    host::HostError,
    pricing::{evm_gas, ink_to_gas, EVM_API_INK, HOSTIO_INK, PTR_INK},
};
use wasmi::Error;

/// Gas Nitro adds for an EVM API round trip on a cache miss (59,673 ink, rounded down).
fn evm_api_gas() -> u64 {
    ink_to_gas(EVM_API_INK)
}

fn refused(error: HostError) -> Error {
    match error {
        HostError::OutOfGas => Error::host(Escape::OutOfInk),
        HostError::WriteInStaticContext => Error::host(Escape::Revert("state change in a static call".into())),
    }
}

pub(super) fn storage_load_bytes32(mut caller: Ctx<'_, '_>, key: u32, dest: u32) -> Result<(), Error> {
    buy_ink(&mut caller, HOSTIO_INK + 2 * PTR_INK)?;
    require_gas(&mut caller, evm_gas::COLD_SLOAD + evm_gas::COLD_SLOAD + evm_api_gas())?;
    let key = read_u256(&caller, key)?;
    let state = caller.data_mut();
    let mut cost = state.cache.access_gas();
    let value = match state.cache.get(&key) {
        Some(value) => value,
        None => {
            let (value, gas) = state.host.sload(key);
            state.cache.insert_known(key, value);
            cost = cost.saturating_add(gas).saturating_add(evm_api_gas());
            value
        }
    };
    buy_gas(&mut caller, cost)?;
    write_slice(&mut caller, dest, &value.to_be_bytes::<32>())
}

pub(super) fn storage_cache_bytes32(mut caller: Ctx<'_, '_>, key: u32, value: u32) -> Result<(), Error> {
    buy_ink(&mut caller, HOSTIO_INK + 2 * PTR_INK)?;
    require_gas(&mut caller, evm_gas::SSTORE_SENTRY + evm_gas::COLD_SLOAD)?;
    let key = read_u256(&caller, key)?;
    let value = read_u256(&caller, value)?;
    let cost = caller.data().cache.access_gas();
    caller.data_mut().cache.write(key, value);
    buy_gas(&mut caller, cost)
}

pub(super) fn storage_flush_cache(mut caller: Ctx<'_, '_>, clear: u32) -> Result<(), Error> {
    buy_ink(&mut caller, HOSTIO_INK + EVM_API_INK)?;
    require_gas(&mut caller, evm_gas::SSTORE_SENTRY)?;
    let budget = gas_left(&mut caller);
    let state = caller.data_mut();
    let dirty = state.cache.take_dirty();
    if clear != 0 {
        state.cache.clear();
    }
    let mut total = 0u64;
    for (key, value) in dirty {
        let gas = state.host.sstore(key, value).map_err(refused)?;
        total = total.saturating_add(gas);
        if total > budget {
            set_ink(&mut caller, 0);
            return Err(Error::host(Escape::OutOfInk));
        }
    }
    buy_gas(&mut caller, total)
}

pub(super) fn transient_load_bytes32(mut caller: Ctx<'_, '_>, key: u32, dest: u32) -> Result<(), Error> {
    buy_ink(&mut caller, HOSTIO_INK + 2 * PTR_INK + EVM_API_INK)?;
    buy_gas(&mut caller, evm_gas::TRANSIENT)?;
    let key = read_u256(&caller, key)?;
    let value = caller.data_mut().host.tload(key);
    write_slice(&mut caller, dest, &value.to_be_bytes::<32>())
}

pub(super) fn transient_store_bytes32(mut caller: Ctx<'_, '_>, key: u32, value: u32) -> Result<(), Error> {
    buy_ink(&mut caller, HOSTIO_INK + 2 * PTR_INK + EVM_API_INK)?;
    buy_gas(&mut caller, evm_gas::TRANSIENT)?;
    let key = read_u256(&caller, key)?;
    let value = read_u256(&caller, value)?;
    caller.data_mut().host.tstore(key, value).map_err(refused)
}
