//! Arguments, result, early exit, memory growth and the meter queries.

use super::{read_slice, write_slice, Ctx};
use crate::stylus::{
    frame::{buy_gas, buy_ink, gas_left, ink_left, Escape},
    pricing::{read_price, write_price, HOSTIO_INK},
};
use wasmi::Error;

pub(super) fn read_args(mut caller: Ctx<'_, '_>, ptr: u32) -> Result<(), Error> {
    let len = caller.data().ctx.input.len() as u64;
    buy_ink(&mut caller, HOSTIO_INK)?;
    buy_ink(&mut caller, write_price(len))?;
    let input = caller.data().ctx.input.clone();
    write_slice(&mut caller, ptr, &input)
}

pub(super) fn write_result(mut caller: Ctx<'_, '_>, ptr: u32, len: u32) -> Result<(), Error> {
    buy_ink(&mut caller, HOSTIO_INK)?;
    buy_ink(&mut caller, read_price(u64::from(len)))?;
    // Nitro also pays for handing the bytes back to geth after the call.
    buy_ink(&mut caller, read_price(u64::from(len)))?;
    let outs = read_slice(&caller, ptr, len)?;
    caller.data_mut().outs = outs;
    Ok(())
}

pub(super) fn exit_early(_caller: Ctx<'_, '_>, status: u32) -> Result<(), Error> {
    Err(Error::host(Escape::Exit(status)))
}

pub(super) fn pay_for_memory_grow(mut caller: Ctx<'_, '_>, pages: u32) -> Result<(), Error> {
    // The wasm signature is i32; stylus-sdk passes a u16.
    let pages = u16::try_from(pages & 0xFFFF).unwrap_or(u16::MAX);
    if pages == 0 {
        return buy_ink(&mut caller, HOSTIO_INK);
    }
    let (gas, counters) = caller.data().pages.open_pages(pages);
    caller.data_mut().pages = counters;
    buy_gas(&mut caller, gas)
}

pub(super) fn evm_gas_left(mut caller: Ctx<'_, '_>) -> Result<u64, Error> {
    buy_ink(&mut caller, HOSTIO_INK)?;
    Ok(gas_left(&mut caller))
}

pub(super) fn evm_ink_left(mut caller: Ctx<'_, '_>) -> Result<u64, Error> {
    buy_ink(&mut caller, HOSTIO_INK)?;
    Ok(ink_left(&mut caller))
}
