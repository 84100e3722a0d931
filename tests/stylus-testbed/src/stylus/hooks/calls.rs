//! Calls, creates, return data and logs.
//!
//! Gas: the program gives the world its gas left and the gas it requested
//! ([`StylusHost::call_with_gas_left`]); the world applies the 63/64 rule and returns what
//! the callee used plus the call's own base cost; the frame pays both. Before handing
//! control to the world the frame publishes its memory page counters, and reads them back
//! afterwards (a callee may raise `ever`).

use super::{read_address, read_fixed, read_slice, read_u256, write_slice, write_u32, Ctx};
use crate::stylus::{
    frame::{buy_gas, buy_ink, gas_left, Escape},
    host::{CallKind, StylusHost, SubcallOutcome},
    pricing::{evm_gas, read_price, write_price, EVM_API_INK, HOSTIO_INK, PTR_INK},
};
use alloy_primitives::{Address, B256, U256};
use wasmi::Error;

/// Runs `f` against the world with the page counters kept in sync.
fn with_world<R>(caller: &mut Ctx<'_, '_>, f: impl FnOnce(&mut dyn StylusHost) -> R) -> R {
    let state = caller.data_mut();
    state.host.set_stylus_pages(state.pages);
    let result = f(&mut *state.host);
    state.pages = state.host.stylus_pages();
    result
}

#[allow(clippy::too_many_arguments)]
fn do_call(
    mut caller: Ctx<'_, '_>,
    kind: CallKind,
    contract: u32,
    data: u32,
    data_len: u32,
    value: Option<u32>,
    gas: u64,
    ret_len: u32,
) -> Result<u32, Error> {
    buy_ink(&mut caller, HOSTIO_INK + 3 * PTR_INK + EVM_API_INK)?;
    buy_ink(&mut caller, read_price(u64::from(data_len)))?;
    buy_ink(&mut caller, read_price(u64::from(data_len)))?;
    let gas_left = gas_left(&mut caller);
    let to = read_address(&caller, contract)?;
    let input = read_slice(&caller, data, data_len)?;
    let value = match value {
        Some(ptr) => read_u256(&caller, ptr)?,
        None => U256::ZERO,
    };
    let outcome: SubcallOutcome =
        with_world(&mut caller, |host| host.call_with_gas_left(kind, to, value, gas_left, gas, &input));
    buy_gas(&mut caller, outcome.gas_used.saturating_add(outcome.base_gas))?;
    let len = u32::try_from(outcome.output.len()).unwrap_or(u32::MAX);
    caller.data_mut().return_data = outcome.output;
    write_u32(&mut caller, ret_len, len)?;
    Ok(if outcome.success { 0 } else { 1 })
}

pub(super) fn call_contract(caller: Ctx<'_, '_>, contract: u32, data: u32, data_len: u32, value: u32, gas: u64, ret_len: u32) -> Result<u32, Error> {
    do_call(caller, CallKind::Call, contract, data, data_len, Some(value), gas, ret_len)
}

pub(super) fn delegate_call_contract(caller: Ctx<'_, '_>, contract: u32, data: u32, data_len: u32, gas: u64, ret_len: u32) -> Result<u32, Error> {
    do_call(caller, CallKind::DelegateCall, contract, data, data_len, None, gas, ret_len)
}

pub(super) fn static_call_contract(caller: Ctx<'_, '_>, contract: u32, data: u32, data_len: u32, gas: u64, ret_len: u32) -> Result<u32, Error> {
    do_call(caller, CallKind::StaticCall, contract, data, data_len, None, gas, ret_len)
}

#[allow(clippy::too_many_arguments)]
fn do_create(
    mut caller: Ctx<'_, '_>,
    code: u32,
    code_len: u32,
    endowment: u32,
    salt: Option<u32>,
    contract: u32,
    revert_len: u32,
) -> Result<(), Error> {
    let pointers = if salt.is_some() { 4 } else { 3 };
    buy_ink(&mut caller, HOSTIO_INK + pointers * PTR_INK + EVM_API_INK)?;
    buy_ink(&mut caller, read_price(u64::from(code_len)))?;
    buy_ink(&mut caller, read_price(u64::from(code_len)))?;
    let init_code = read_slice(&caller, code, code_len)?;
    let value = read_u256(&caller, endowment)?;
    let salt = match salt {
        Some(ptr) => Some(B256::from(read_fixed::<32>(&caller, ptr)?)),
        None => None,
    };
    let gas = gas_left(&mut caller);
    let outcome = with_world(&mut caller, |host| host.create(&init_code, value, salt, gas));
    buy_gas(&mut caller, outcome.gas_used.saturating_add(outcome.base_gas))?;
    // A successful create leaves no return data; a failed one leaves its revert data.
    let (address, data) = match (outcome.success, outcome.created) {
        (true, Some(address)) => (address, Default::default()),
        _ => (Address::ZERO, outcome.output),
    };
    let len = u32::try_from(data.len()).unwrap_or(u32::MAX);
    caller.data_mut().return_data = data;
    write_u32(&mut caller, revert_len, len)?;
    write_slice(&mut caller, contract, address.as_slice())
}

pub(super) fn create1(caller: Ctx<'_, '_>, code: u32, code_len: u32, endowment: u32, contract: u32, revert_len: u32) -> Result<(), Error> {
    do_create(caller, code, code_len, endowment, None, contract, revert_len)
}

pub(super) fn create2(caller: Ctx<'_, '_>, code: u32, code_len: u32, endowment: u32, salt: u32, contract: u32, revert_len: u32) -> Result<(), Error> {
    do_create(caller, code, code_len, endowment, Some(salt), contract, revert_len)
}

pub(super) fn read_return_data(mut caller: Ctx<'_, '_>, dest: u32, offset: u32, size: u32) -> Result<u32, Error> {
    buy_ink(&mut caller, HOSTIO_INK + EVM_API_INK)?;
    let total = caller.data().return_data.len();
    let start = (offset as usize).min(total);
    let end = start.saturating_add(size as usize).min(total);
    buy_ink(&mut caller, write_price((end - start) as u64))?;
    let slice = caller.data().return_data.get(start..end).unwrap_or_default().to_vec();
    if !slice.is_empty() {
        write_slice(&mut caller, dest, &slice)?;
    }
    Ok(slice.len() as u32)
}

pub(super) fn return_data_size(mut caller: Ctx<'_, '_>) -> Result<u32, Error> {
    buy_ink(&mut caller, HOSTIO_INK)?;
    Ok(u32::try_from(caller.data().return_data.len()).unwrap_or(u32::MAX))
}

pub(super) fn emit_log(mut caller: Ctx<'_, '_>, data: u32, len: u32, topics: u32) -> Result<(), Error> {
    buy_ink(&mut caller, HOSTIO_INK + EVM_API_INK)?;
    let topic_bytes = topics.saturating_mul(32);
    if topics > 4 || len < topic_bytes {
        return Err(Error::host(Escape::Revert("bad topic data".into())));
    }
    buy_ink(&mut caller, read_price(u64::from(len)))?;
    let data_len = u64::from(len - topic_bytes);
    let gas = (1 + u64::from(topics)) * evm_gas::LOG_TOPIC + data_len * evm_gas::LOG_DATA;
    buy_gas(&mut caller, gas)?;
    let bytes = read_slice(&caller, data, len)?;
    let (topic_part, body) = bytes.split_at_checked(topic_bytes as usize).unwrap_or((&[], &[]));
    let topics: Vec<B256> = topic_part.chunks_exact(32).map(B256::from_slice).collect();
    caller
        .data_mut()
        .host
        .emit_log(&topics, body)
        .map_err(|_| Error::host(Escape::Revert("log in a static call".into())))
}
