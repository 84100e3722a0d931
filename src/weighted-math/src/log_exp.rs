//! LogExpMath-compatible entry points (`pow`, `exp`, `ln`, `log`) with exact-direction
//! rounding: every result is the exact value rounded toward negative infinity (floor),
//! with an error below 1 wei + a relative term of 2^-178 or less (see README.md).
//!
//! Domain: wider than LogExpMath. Anything whose result fits (I256 for exp/ln/log, U256
//! for pow) is computed; LogExpMath's product/exponent bounds do not apply.

use crate::error::{MathError, MathResult};
use crate::fixed_point::pow_down;
use crate::kernel::{exp_bounds, ln_ratio_256, scale, Fx, LN_RATIO_ERR};
use crate::wide::{mul_div_down, mul_div_up, narrow, wide, ONE_Q, WAD};
use alloy_primitives::{I256, U256};
use alloy_primitives::Sign;

/// x^y for 18-decimal x, y, rounded down (same as `pow_down`).
pub fn pow(x: U256, y: U256) -> MathResult<U256> {
    pow_down(x, y)
}

fn to_i256(neg: bool, mag: U256) -> MathResult<I256> {
    let sign = if neg { Sign::Negative } else { Sign::Positive };
    I256::checked_from_sign_and_abs(sign, mag).ok_or(MathError::Overflow)
}

/// e^(x/1e18) * 1e18, rounded down. `Overflow` if the result exceeds I256::MAX.
pub fn exp(x: I256) -> MathResult<I256> {
    if x.is_zero() {
        return Ok(I256::from_raw(WAD));
    }
    let one = Fx::new(x.is_negative(), ONE_Q);
    // z = x / 1e18 in Q192, floor: error <= 1 ulp (scale adds it).
    let (z, err) = scale(one, U256::ZERO, x.unsigned_abs(), WAD)?;
    let b = exp_bounds(z, err)?;
    to_i256(false, narrow(b.lower(wide(WAD), 0)?)?)
}

/// floor(v * 1e18) for a signed Q192 value v.
fn floor_wad(v: Fx) -> MathResult<I256> {
    if v.neg {
        let m = mul_div_up(v.mag, WAD, ONE_Q)?;
        to_i256(true, m)
    } else {
        to_i256(false, mul_div_down(v.mag, WAD, ONE_Q)?)
    }
}

/// ln(a/1e18) * 1e18, rounded down. `OutOfDomain` for a <= 0.
pub fn ln(a: I256) -> MathResult<I256> {
    if a.is_negative() || a.is_zero() {
        return Err(MathError::OutOfDomain);
    }
    let a = a.unsigned_abs();
    if a == WAD {
        return Ok(I256::ZERO);
    }
    let l = ln_ratio_256(a, WAD)?;
    let lo = l.add(Fx::new(true, U256::from(LN_RATIO_ERR)))?;
    floor_wad(lo)
}

/// floor(n * 1e18 / d) for signed Q192 n, d (d != 0).
fn floor_quot(n: Fx, d: Fx) -> MathResult<I256> {
    let neg = n.neg != d.neg && !n.mag.is_zero();
    if neg {
        to_i256(true, mul_div_up(n.mag, WAD, d.mag)?)
    } else {
        to_i256(false, mul_div_down(n.mag, WAD, d.mag)?)
    }
}

/// log_base(arg) * 1e18 = ln(arg)/ln(base) * 1e18, rounded down. `OutOfDomain` for
/// non-positive arguments, `ZeroDivision` for base == 1e18.
pub fn log(arg: I256, base: I256) -> MathResult<I256> {
    if arg.is_negative() || arg.is_zero() || base.is_negative() || base.is_zero() {
        return Err(MathError::OutOfDomain);
    }
    let (a, b) = (arg.unsigned_abs(), base.unsigned_abs());
    if b == WAD {
        return Err(MathError::ZeroDivision);
    }
    if a == b {
        return Ok(I256::from_raw(WAD));
    }
    if a == WAD {
        return Ok(I256::ZERO);
    }
    let e = Fx::new(false, U256::from(LN_RATIO_ERR));
    let e_neg = Fx::new(true, U256::from(LN_RATIO_ERR));
    let l1 = ln_ratio_256(a, WAD)?;
    let l2 = ln_ratio_256(b, WAD)?;
    let (d_lo, d_hi) = (l2.add(e_neg)?, l2.add(e)?);
    if d_lo.neg != d_hi.neg || d_lo.mag.is_zero() || d_hi.mag.is_zero() {
        return Err(MathError::PrecisionLoss);
    }
    let mut best: Option<I256> = None;
    for n in [l1.add(e_neg)?, l1.add(e)?] {
        for d in [d_lo, d_hi] {
            let q = floor_quot(n, d)?;
            best = Some(match best {
                Some(b) if b <= q => b,
                _ => q,
            });
        }
    }
    best.ok_or(MathError::PrecisionLoss)
}
