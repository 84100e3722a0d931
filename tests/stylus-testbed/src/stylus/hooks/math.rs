//! keccak256 and the 256-bit math hooks (big-endian words in program memory; the result
//! replaces the first operand, as in Nitro).

use super::{read_fixed, read_slice, read_u256, write_slice, Ctx};
use crate::stylus::{
    frame::buy_ink,
    pricing::{keccak_price, pow_price, ADD_MOD_INK, DIV_INK, HOSTIO_INK, MUL_MOD_INK, PTR_INK},
};
use alloy_primitives::{keccak256, U256};
use wasmi::Error;

pub(super) fn native_keccak256(mut caller: Ctx<'_, '_>, input: u32, len: u32, output: u32) -> Result<(), Error> {
    buy_ink(&mut caller, keccak_price(u64::from(len)))?;
    let preimage = read_slice(&caller, input, len)?;
    let digest = keccak256(&preimage);
    write_slice(&mut caller, output, digest.as_slice())
}

fn write_u256(caller: &mut Ctx<'_, '_>, ptr: u32, value: U256) -> Result<(), Error> {
    write_slice(caller, ptr, &value.to_be_bytes::<32>())
}

pub(super) fn math_div(mut caller: Ctx<'_, '_>, value: u32, divisor: u32) -> Result<(), Error> {
    buy_ink(&mut caller, HOSTIO_INK + 3 * PTR_INK + DIV_INK)?;
    let a = read_u256(&caller, value)?;
    let b = read_u256(&caller, divisor)?;
    write_u256(&mut caller, value, a.checked_div(b).unwrap_or_default())
}

pub(super) fn math_mod(mut caller: Ctx<'_, '_>, value: u32, modulus: u32) -> Result<(), Error> {
    buy_ink(&mut caller, HOSTIO_INK + 3 * PTR_INK + DIV_INK)?;
    let a = read_u256(&caller, value)?;
    let b = read_u256(&caller, modulus)?;
    write_u256(&mut caller, value, a.checked_rem(b).unwrap_or_default())
}

pub(super) fn math_pow(mut caller: Ctx<'_, '_>, value: u32, exponent: u32) -> Result<(), Error> {
    buy_ink(&mut caller, HOSTIO_INK + 3 * PTR_INK)?;
    let a = read_u256(&caller, value)?;
    let exp_bytes = read_fixed::<32>(&caller, exponent)?;
    buy_ink(&mut caller, pow_price(&exp_bytes))?;
    write_u256(&mut caller, value, a.wrapping_pow(U256::from_be_bytes(exp_bytes)))
}

pub(super) fn math_add_mod(mut caller: Ctx<'_, '_>, value: u32, addend: u32, modulus: u32) -> Result<(), Error> {
    buy_ink(&mut caller, HOSTIO_INK + 4 * PTR_INK + ADD_MOD_INK)?;
    let a = read_u256(&caller, value)?;
    let b = read_u256(&caller, addend)?;
    let m = read_u256(&caller, modulus)?;
    write_u256(&mut caller, value, a.add_mod(b, m))
}

pub(super) fn math_mul_mod(mut caller: Ctx<'_, '_>, value: u32, multiplier: u32, modulus: u32) -> Result<(), Error> {
    buy_ink(&mut caller, HOSTIO_INK + 4 * PTR_INK + MUL_MOD_INK)?;
    let a = read_u256(&caller, value)?;
    let b = read_u256(&caller, multiplier)?;
    let m = read_u256(&caller, modulus)?;
    write_u256(&mut caller, value, a.mul_mod(b, m))
}
