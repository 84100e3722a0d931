//! Accounts, block, message and transaction facts.

use super::{read_address, write_slice, Ctx};
use crate::stylus::{
    frame::{buy_gas, buy_ink, require_gas},
    pricing::{evm_gas, write_price, EVM_API_INK, HOSTIO_INK, INK_PER_GAS, PTR_INK},
};
use alloy_primitives::{Address, Bytes};
use wasmi::Error;

pub(super) fn account_balance(mut caller: Ctx<'_, '_>, address: u32, dest: u32) -> Result<(), Error> {
    buy_ink(&mut caller, HOSTIO_INK + 2 * PTR_INK + EVM_API_INK)?;
    require_gas(&mut caller, evm_gas::COLD_ACCOUNT)?;
    let address = read_address(&caller, address)?;
    let (balance, gas) = caller.data_mut().host.balance(address);
    buy_gas(&mut caller, gas)?;
    write_slice(&mut caller, dest, &balance.to_be_bytes::<32>())
}

/// Code of `address`, re-served for free when the frame asked for the same account last.
fn code_of(caller: &mut Ctx<'_, '_>, address: Address) -> Result<Bytes, Error> {
    if let Some((last, code)) = &caller.data().last_code {
        if *last == address {
            return Ok(code.clone());
        }
    }
    let (code, gas) = caller.data_mut().host.code(address);
    buy_gas(caller, gas)?;
    caller.data_mut().last_code = Some((address, code.clone()));
    Ok(code)
}

pub(super) fn account_code(mut caller: Ctx<'_, '_>, address: u32, offset: u32, size: u32, dest: u32) -> Result<u32, Error> {
    buy_ink(&mut caller, HOSTIO_INK + EVM_API_INK)?;
    require_gas(&mut caller, evm_gas::COLD_ACCOUNT)?;
    let address = read_address(&caller, address)?;
    let code = code_of(&mut caller, address)?;
    buy_ink(&mut caller, write_price(code.len() as u64))?;
    let start = (offset as usize).min(code.len());
    let end = start.saturating_add(size as usize).min(code.len());
    let slice = code.get(start..end).unwrap_or_default();
    write_slice(&mut caller, dest, slice)?;
    Ok(slice.len() as u32)
}

pub(super) fn account_code_size(mut caller: Ctx<'_, '_>, address: u32) -> Result<u32, Error> {
    buy_ink(&mut caller, HOSTIO_INK + EVM_API_INK)?;
    require_gas(&mut caller, evm_gas::COLD_ACCOUNT)?;
    let address = read_address(&caller, address)?;
    let code = code_of(&mut caller, address)?;
    Ok(u32::try_from(code.len()).unwrap_or(u32::MAX))
}

pub(super) fn account_codehash(mut caller: Ctx<'_, '_>, address: u32, dest: u32) -> Result<(), Error> {
    buy_ink(&mut caller, HOSTIO_INK + 2 * PTR_INK + EVM_API_INK)?;
    require_gas(&mut caller, evm_gas::COLD_ACCOUNT)?;
    let address = read_address(&caller, address)?;
    let (hash, gas) = caller.data_mut().host.code_hash(address);
    buy_gas(&mut caller, gas)?;
    write_slice(&mut caller, dest, hash.as_slice())
}

/// Writes a fixed fact of the frame after paying `ink`.
fn write_fact(mut caller: Ctx<'_, '_>, dest: u32, bytes: &[u8]) -> Result<(), Error> {
    buy_ink(&mut caller, HOSTIO_INK + PTR_INK)?;
    write_slice(&mut caller, dest, bytes)
}

pub(super) fn block_basefee(caller: Ctx<'_, '_>, dest: u32) -> Result<(), Error> {
    let value = caller.data().ctx.block_basefee.to_be_bytes::<32>();
    write_fact(caller, dest, &value)
}

pub(super) fn block_coinbase(caller: Ctx<'_, '_>, dest: u32) -> Result<(), Error> {
    let value = caller.data().ctx.block_coinbase;
    write_fact(caller, dest, value.as_slice())
}

pub(super) fn contract_address(caller: Ctx<'_, '_>, dest: u32) -> Result<(), Error> {
    let value = caller.data().ctx.address;
    write_fact(caller, dest, value.as_slice())
}

pub(super) fn msg_sender(caller: Ctx<'_, '_>, dest: u32) -> Result<(), Error> {
    let value = caller.data().ctx.caller;
    write_fact(caller, dest, value.as_slice())
}

pub(super) fn msg_value(caller: Ctx<'_, '_>, dest: u32) -> Result<(), Error> {
    let value = caller.data().ctx.value.to_be_bytes::<32>();
    write_fact(caller, dest, &value)
}

pub(super) fn tx_gas_price(caller: Ctx<'_, '_>, dest: u32) -> Result<(), Error> {
    let value = caller.data().ctx.tx_gas_price.to_be_bytes::<32>();
    write_fact(caller, dest, &value)
}

pub(super) fn tx_origin(caller: Ctx<'_, '_>, dest: u32) -> Result<(), Error> {
    let value = caller.data().ctx.tx_origin;
    write_fact(caller, dest, value.as_slice())
}

pub(super) fn block_gas_limit(mut caller: Ctx<'_, '_>) -> Result<u64, Error> {
    buy_ink(&mut caller, HOSTIO_INK)?;
    Ok(caller.data().ctx.block_gas_limit)
}

pub(super) fn block_number(mut caller: Ctx<'_, '_>) -> Result<u64, Error> {
    buy_ink(&mut caller, HOSTIO_INK)?;
    Ok(caller.data().ctx.block_number)
}

pub(super) fn block_timestamp(mut caller: Ctx<'_, '_>) -> Result<u64, Error> {
    buy_ink(&mut caller, HOSTIO_INK)?;
    Ok(caller.data().ctx.block_timestamp)
}

pub(super) fn chainid(mut caller: Ctx<'_, '_>) -> Result<u64, Error> {
    buy_ink(&mut caller, HOSTIO_INK)?;
    Ok(caller.data().ctx.chain_id)
}

pub(super) fn msg_reentrant(mut caller: Ctx<'_, '_>) -> Result<u32, Error> {
    buy_ink(&mut caller, HOSTIO_INK)?;
    Ok(u32::from(caller.data().ctx.reentrant))
}

pub(super) fn tx_ink_price(mut caller: Ctx<'_, '_>) -> Result<u32, Error> {
    buy_ink(&mut caller, HOSTIO_INK)?;
    Ok(INK_PER_GAS as u32)
}
