//! Swap amounts (fee-free: the pool deducts the fee from the amount in before GIVEN_IN and
//! grosses it up after GIVEN_OUT).
//!
//! The exponent is the exact rational w_in / w_out (no rounded quotient), ln is taken on
//! the exact integer ratio of balances, and the result is rounded from rigorous bounds:
//! error < 1 wei + 2^-178 of the balance, always in the pool's favour, for any trade size
//! (a 1-wei trade against a 1e30 balance gives the floor/ceil of its exact value).

use crate::error::{MathError, MathResult};
use crate::kernel::{exp_bounds, ln_ratio, scale, LN_RATIO_ERR};
use crate::wide::{add_512, sat_sub_512, sub_512, mul_div_down, mul_div_up, mul_small, narrow, wide};
// The exact 512-bit fast paths exist only without `compact`.
#[cfg(not(feature = "compact"))]
use crate::wide::{div_round_512, mul_512, mul_wide};
use alloy_primitives::{U256, U512};

#[cfg(not(feature = "compact"))]
/// The exponent num/den when it is exactly 1, 2, 3 or 4 (50/50, 80/20, 75/25, 66.6/33.3
/// pools, one direction): then the swap is a ratio of integer polynomials, evaluated
/// exactly in 512 bits and rounded once (exact floor/ceil, no pow at all).
fn small_integer_exponent(num: U256, den: U256) -> Option<u32> {
    if den.is_zero() || num < den {
        return None;
    }
    // Weights fit 64 bits in practice: decide with one native 64-bit division.
    if num.bit_len() <= 64 {
        let (n, d) = (num.as_limbs()[0], den.as_limbs()[0]); // den <= num < 2^64
        if d == 0 || n % d != 0 {
            return None;
        }
        let q = n / d;
        return if q <= 4 { Some(q as u32) } else { None };
    }
    (1u32..=4).find(|n| crate::wide::mul_u256(den, U256::from(*n)) == Ok(num))
}

/// `amount > mul_down(balance, 0.3e18)`, i.e. amount > floor(3 balance / 10), which for
/// integers is exactly 10 amount > 3 balance (no division).
fn above_max_ratio(amount: U256, balance: U256) -> MathResult<bool> {
    Ok(mul_small(amount, 10) > mul_small(balance, 3))
}

#[cfg(not(feature = "compact"))]
/// x * y in 512 bits, None on overflow (fast schoolbook when both fit 256 bits).
fn mul_fast(x: U512, y: U512) -> Option<U512> {
    match (narrow(x), narrow(y)) {
        (Ok(a), Ok(b)) => Some(mul_wide(a, b)),
        _ => mul_512(x, y).ok(),
    }
}

#[cfg(not(feature = "compact"))]
/// x^n in 512 bits (n <= 4), None on overflow.
fn pow_512(x: U512, n: u32) -> Option<U512> {
    match n {
        1 => Some(x),
        2 => mul_fast(x, x),
        3 => mul_fast(mul_fast(x, x)?, x),
        _ => {
            let sq = mul_fast(x, x)?;
            mul_fast(sq, sq)
        }
    }
}

#[cfg(not(feature = "compact"))]
/// floor/ceil of c * (hi^n - lo^n) / den^n, None if an intermediate exceeds 512 bits.
fn poly_ratio(c: U256, hi: U512, lo: U512, den: U512, n: u32, up: bool) -> Option<MathResult<U256>> {
    let hn = pow_512(hi, n)?;
    let ln = pow_512(lo, n)?;
    let dn = if den == hi { hn } else if den == lo { ln } else { pow_512(den, n)? };
    let num = mul_fast(wide(c), hn.checked_sub(ln)?)?;
    Some(div_round_512(num, dn, up).and_then(narrow))
}

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
    if above_max_ratio(amount_in, balance_in)? {
        return Err(MathError::MaxInRatio);
    }
    if amount_in.is_zero() || balance_out.is_zero() || weight_in.is_zero() {
        return Ok(U256::ZERO);
    }
    let bi = wide(balance_in);
    let denom = add_512(bi, wide(amount_in))?;
    if weight_in == weight_out {
        // Bo (1 - Bi/D) = Bo Ai / D exactly.
        return mul_div_down(balance_out, amount_in, narrow(denom)?);
    }
    #[cfg(not(feature = "compact"))]
    if let Some(n) = small_integer_exponent(weight_in, weight_out) {
        // Bo (1 - (Bi/D)^n) = Bo (D^n - Bi^n) / D^n, D = Bi + Ai.
        if let Some(r) = poly_ratio(balance_out, denom, bi, denom, n, false) {
            return r;
        }
    }
    out_given_in_general(bi, weight_in, balance_out, weight_out, denom)
}

/// The ln/exp path of `calc_out_given_in` (any weights), from Bi and D = Bi + Ai.
pub(crate) fn out_given_in_general(bi: U512, weight_in: U256, balance_out: U256, weight_out: U256, denom: U512) -> MathResult<U256> {
    let l = ln_ratio(bi, denom)?; // < 0
    let (z, err) = scale(l, U256::from(LN_RATIO_ERR), weight_in, weight_out)?;
    let b = exp_bounds(z, err)?;
    // out >= Bo - ceil(Bo * upper(e^z)); clamp at 0.
    let taken = b.upper(wide(balance_out), 0)?;
    narrow(sat_sub_512(wide(balance_out), taken))
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
    if above_max_ratio(amount_out, balance_out)? {
        return Err(MathError::MaxOutRatio);
    }
    if amount_out.is_zero() || balance_in.is_zero() || weight_out.is_zero() {
        return Ok(U256::ZERO);
    }
    let bo = wide(balance_out);
    let rest = sub_512(bo, wide(amount_out))?;
    if weight_in == weight_out {
        // Bi (Bo/R - 1) = Bi Ao / R exactly.
        return mul_div_up(balance_in, amount_out, narrow(rest)?);
    }
    #[cfg(not(feature = "compact"))]
    if let Some(n) = small_integer_exponent(weight_out, weight_in) {
        // Bi ((Bo/R)^n - 1) = Bi (Bo^n - R^n) / R^n, R = Bo - Ao.
        if let Some(r) = poly_ratio(balance_in, bo, rest, rest, n, true) {
            return r;
        }
    }
    in_given_out_general(balance_in, weight_in, bo, weight_out, rest)
}

/// The ln/exp path of `calc_in_given_out` (any weights), from Bo and R = Bo - Ao.
pub(crate) fn in_given_out_general(balance_in: U256, weight_in: U256, bo: U512, weight_out: U256, rest: U512) -> MathResult<U256> {
    let l = ln_ratio(bo, rest)?; // > 0
    let (z, err) = scale(l, U256::from(LN_RATIO_ERR), weight_out, weight_in)?;
    let b = exp_bounds(z, err)?;
    let total = b.upper(wide(balance_in), 0)?;
    narrow(sub_512(total, wide(balance_in))?)
}

#[cfg(all(test, not(feature = "compact")))]
mod tests {
    use super::*;

    /// The exact integer-exponent path (exact floor/ceil) and the general ln/exp path agree
    /// to within their bounds: general <= exact path <= general + 1 for amounts out, and
    /// exact path <= general <= exact path + 1 for amounts in.
    #[test]
    fn integer_exponent_path_matches_general_path() {
        let mut s = 0x0BAD_5EED_u64;
        let mut next = move || {
            s ^= s >> 12;
            s ^= s << 25;
            s ^= s >> 27;
            s.wrapping_mul(0x2545_f491_4f6c_dd1d)
        };
        let wad = 1_000_000_000_000_000_000u128;
        for _ in 0..3000 {
            let n = 2 + next() % 3; // 2, 3, 4
            let wo = U256::from(wad / (n as u128 + 1));
            let wi = wo * U256::from(n);
            let bi = U256::from(next() as u128 * (1 + next() % 1_000_000_000_000) as u128);
            let bo = U256::from(next() as u128 * (1 + next() % 1_000_000_000_000) as u128);
            let a = U256::from(next()) % (bi * U256::from(3u64) / U256::from(10u64) + U256::ONE);
            let exact = calc_out_given_in(bi, wi, bo, wo, a).unwrap_or(U256::MAX);
            let general = out_given_in_general(wide(bi), wi, bo, wo, wide(bi + a)).unwrap_or(U256::MAX);
            assert!(a.is_zero() || (general <= exact && exact <= general + U256::ONE), "out n={n} {exact} vs {general}");
            let ao = U256::from(next()) % (bo * U256::from(3u64) / U256::from(10u64) + U256::ONE);
            if ao.is_zero() {
                continue;
            }
            // in_given_out uses wo/wi: swap the roles so the exponent is the integer n.
            let exact = calc_in_given_out(bi, wo, bo, wi, ao).unwrap_or(U256::ZERO);
            let general = in_given_out_general(bi, wo, wide(bo), wi, wide(bo - ao)).unwrap_or(U256::ZERO);
            assert!(exact <= general && general <= exact + U256::ONE, "in n={n} {exact} vs {general}");
        }
    }
}
