//! Small shared steps of the pool formulas: validating inputs, turning `ln` of a ratio and
//! an exponent into exp bounds, and rounding `C * (e^z - 1)` / `C * (1 - e^z)` from them.

use crate::error::{MathError, MathResult};
use crate::kernel::{exp_bounds, ln_ratio, scale, ExpBounds, Fx, LN_RATIO_ERR};
use crate::wide::{narrow, sat_sub_512, shift_round, sub_512, WAD};
use alloy_primitives::{U256, U512};

/// 1e36 as U256.
pub(crate) const WAD2: U256 = U256::from_limbs([0xb34b_9f10_0000_0000, 0x00c0_97ce_7bc9_0715, 0, 0]);

/// Bounds on (a/b)^(num/den), a, b >= 1.
pub(crate) fn ratio_pow(a: U512, b: U512, num: U256, den: U256) -> MathResult<ExpBounds> {
    let l = ln_ratio(a, b)?;
    let (z, err) = scale(l, U256::from(LN_RATIO_ERR), num, den)?;
    exp_bounds(z, err)
}

/// Accumulates sum_i (w_i / 1e18) ln(x_i) with its error bound.
#[derive(Clone, Copy)]
pub(crate) struct WeightedLogSum {
    pub z: Fx,
    pub err: U256,
}

impl WeightedLogSum {
    pub fn new() -> Self {
        WeightedLogSum { z: Fx::ZERO, err: U256::ZERO }
    }

    /// Adds (w/1e18) * ln(a/b).
    pub fn add(&mut self, a: U512, b: U512, w: U256) -> MathResult<()> {
        let l = ln_ratio(a, b)?;
        let (t, e) = scale(l, U256::from(LN_RATIO_ERR), w, WAD)?;
        self.z = self.z.add(t)?;
        self.err = self.err.checked_add(e).ok_or(MathError::PrecisionLoss)?;
        Ok(())
    }

    pub fn bounds(&self) -> MathResult<ExpBounds> {
        exp_bounds(self.z, self.err)
    }
}

/// Lower bound of c * (e^z - 1) * 2^extra (floor), 0 if the bound is negative.
pub(crate) fn growth_down(c: U512, b: &ExpBounds, extra: i64) -> MathResult<U512> {
    let total = b.lower(c, extra)?;
    let base = shift_round(c, extra, false)?;
    Ok(sat_sub_512(total, base))
}

/// Upper bound of c * (e^z - 1) * 2^extra (ceil).
pub(crate) fn growth_up(c: U512, b: &ExpBounds, extra: i64) -> MathResult<U512> {
    let total = b.upper(c, extra)?;
    let base = shift_round(c, extra, false)?;
    sub_512(total, base)
}

/// Lower bound of c * (1 - e^z) * 2^extra (floor), 0 if negative.
pub(crate) fn shrink_down(c: U512, b: &ExpBounds, extra: i64) -> MathResult<U512> {
    let kept = b.upper(c, extra)?;
    let base = shift_round(c, extra, false)?;
    Ok(sat_sub_512(base, kept))
}

/// Upper bound of c * (1 - e^z) * 2^extra (ceil), at most c * 2^extra.
pub(crate) fn shrink_up(c: U512, b: &ExpBounds, extra: i64) -> MathResult<U512> {
    let kept = b.lower(c, extra)?;
    let base = shift_round(c, extra, false)?;
    Ok(sat_sub_512(base, kept))
}

/// floor or ceil of x * num / den with 512-bit values.
pub(crate) fn mul_div_512(x: U512, num: U512, den: U512, up: bool) -> MathResult<U512> {
    let p = crate::wide::mul_512(x, num)?;
    crate::wide::div_round_512(p, den, up)
}

/// `OutOfDomain` unless v <= 1e18.
pub(crate) fn at_most_one(v: U256) -> MathResult<()> {
    if v > WAD {
        return Err(MathError::OutOfDomain);
    }
    Ok(())
}

/// Converts a Q64 amount (value * 2^64) to wei with the given rounding.
pub(crate) fn from_q64(v: U512, up: bool) -> MathResult<U256> {
    narrow(shift_round(v, -64, up)?)
}

