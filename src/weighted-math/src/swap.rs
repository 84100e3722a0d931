//! Swap amounts (fee-free: the pool deducts the fee from the amount in before GIVEN_IN and
//! grosses it up after GIVEN_OUT).
//!
//! The exponent is the exact rational w_in / w_out (no rounded quotient), ln is taken on
//! the exact integer ratio of balances, and the result is rounded from rigorous bounds:
//! error <= 1 wei + 2^-170 relative, always in the pool's favour, for any trade size
//! (a 1-wei trade against a 1e30 balance gives the floor/ceil of its exact value).

use crate::error::{MathError, MathResult};
use crate::fixed_point::mul_down;
use crate::kernel::{exp_bounds, ln_ratio, scale, LN_RATIO_ERR};
use crate::wide::{narrow, wide};
use alloy_primitives::U256;

/// 30%: the largest amount in (after fee) or out, as a fraction of the balance.
pub const MAX_IN_RATIO: U256 = U256::from_limbs([300_000_000_000_000_000, 0, 0, 0]);
/// 30%: see `MAX_IN_RATIO`.
pub const MAX_OUT_RATIO: U256 = U256::from_limbs([300_000_000_000_000_000, 0, 0, 0]);

/// Amount out for `amount_in` (already net of the swap fee):
/// `Bo * (1 - (Bi / (Bi + Ai))^(wi/wo))`, rounded down.
///
/// `MaxInRatio` if `amount_in > mul_down(balance_in, 0.3e18)` (Balancer V2's rule, applied to
/// the after-fee amount); `ZeroDivision` if `weight_out == 0`.
pub fn calc_out_given_in(
    balance_in: U256,
    weight_in: U256,
    balance_out: U256,
    weight_out: U256,
    amount_in: U256,
) -> MathResult<U256> {
    if weight_out.is_zero() {
        return Err(MathError::ZeroDivision);
    }
    if amount_in > mul_down(balance_in, MAX_IN_RATIO)? {
        return Err(MathError::MaxInRatio);
    }
    if amount_in.is_zero() || balance_out.is_zero() || weight_in.is_zero() {
        return Ok(U256::ZERO);
    }
    let bi = wide(balance_in);
    let denom = bi.checked_add(wide(amount_in)).ok_or(MathError::Overflow)?;
    let l = ln_ratio(bi, denom)?; // < 0
    let (z, err) = scale(l, U256::from(LN_RATIO_ERR), weight_in, weight_out)?;
    let b = exp_bounds(z, err)?;
    // out >= Bo - ceil(Bo * upper(e^z)); clamp at 0.
    let taken = b.upper(wide(balance_out), 0)?;
    Ok(narrow(wide(balance_out).saturating_sub(taken))?)
}

/// Amount in (before the swap fee) to take `amount_out`:
/// `Bi * ((Bo / (Bo - Ao))^(wo/wi) - 1)`, rounded up.
///
/// `MaxOutRatio` if `amount_out > mul_down(balance_out, 0.3e18)`; `ZeroDivision` if
/// `weight_in == 0`; `Overflow` if the amount needs more than 256 bits.
pub fn calc_in_given_out(
    balance_in: U256,
    weight_in: U256,
    balance_out: U256,
    weight_out: U256,
    amount_out: U256,
) -> MathResult<U256> {
    if weight_in.is_zero() {
        return Err(MathError::ZeroDivision);
    }
    if amount_out > mul_down(balance_out, MAX_OUT_RATIO)? {
        return Err(MathError::MaxOutRatio);
    }
    if amount_out.is_zero() || balance_in.is_zero() || weight_out.is_zero() {
        return Ok(U256::ZERO);
    }
    let bo = wide(balance_out);
    let rest = bo.checked_sub(wide(amount_out)).ok_or(MathError::Underflow)?;
    let l = ln_ratio(bo, rest)?; // > 0
    let (z, err) = scale(l, U256::from(LN_RATIO_ERR), weight_out, weight_in)?;
    let b = exp_bounds(z, err)?;
    let total = b.upper(wide(balance_in), 0)?;
    narrow(total.checked_sub(wide(balance_in)).ok_or(MathError::Underflow)?)
}
