//! 18-decimal fixed point (FixedPoint.sol semantics, exact rounding).
//!
//! mul/div are exact: the result is the true value rounded in the named direction (error
//! < 1 wei), computed with a 512-bit intermediate, so they never overflow unless the
//! *result* needs more than 256 bits (`Overflow`). pow is `x^y` with the requested rounding:
//! see `pow_down`.

use crate::error::{MathError, MathResult};
use crate::kernel::{exp_bounds, ln_ratio_256, scale, ExpBounds, LN_RATIO_ERR};
use crate::wide::{div_rem_512, mul_div_down, mul_div_up, mul_wide, narrow, wide, WAD};
use alloy_primitives::{U256, U512};

/// floor(a * b / 1e18). Exact; error < 1 wei (0 if the product is a multiple of 1e18).
pub fn mul_down(a: U256, b: U256) -> MathResult<U256> {
    mul_div_down(a, b, WAD)
}

/// ceil(a * b / 1e18). Exact; error < 1 wei.
pub fn mul_up(a: U256, b: U256) -> MathResult<U256> {
    mul_div_up(a, b, WAD)
}

/// floor(a * 1e18 / b). Exact; `ZeroDivision` if b == 0.
pub fn div_down(a: U256, b: U256) -> MathResult<U256> {
    mul_div_down(a, WAD, b)
}

/// ceil(a * 1e18 / b). Exact; `ZeroDivision` if b == 0.
pub fn div_up(a: U256, b: U256) -> MathResult<U256> {
    mul_div_up(a, WAD, b)
}

/// 1e18 - x, or 0 if x >= 1e18 (never fails; `Result` for a uniform API).
pub fn complement(x: U256) -> MathResult<U256> {
    Ok(WAD.saturating_sub(x))
}

/// 1e54 = WAD^3.
const WAD_CUBED: U512 = U512::from_limbs([0x9240_0000_0000_0000, 0xc519_9909_0b65_f67d, 0x000a_70c3_c40a_64e6, 0, 0, 0, 0, 0]);

/// Rigorous bounds on (x/1e18)^(y/1e18) for x > 0.
pub(crate) fn pow_bounds(x: U256, y: U256) -> MathResult<ExpBounds> {
    let ln_x = ln_ratio_256(x, WAD)?;
    let (z, err) = scale(ln_x, U256::from(LN_RATIO_ERR), y, WAD)?;
    exp_bounds(z, err)
}

/// Exact result of the special exponents 0, 1, 2, 4 and bases 0, 1, or None.
fn pow_exact(x: U256, y: U256, up: bool) -> MathResult<Option<U256>> {
    if y.is_zero() {
        return Ok(Some(WAD)); // 0^0 = 1 by convention
    }
    if x.is_zero() {
        return Ok(Some(U256::ZERO));
    }
    if x == WAD {
        return Ok(Some(WAD));
    }
    if y == WAD {
        return Ok(Some(x));
    }
    if y == WAD << 1usize {
        return Ok(Some(if up { mul_up(x, x)? } else { mul_down(x, x)? }));
    }
    if y == WAD << 2usize && x.bit_len() <= 128 {
        // x^4 < 2^512 exactly; divide by 1e54.
        let sq = narrow(mul_wide(x, x))?;
        let p4 = mul_wide(sq, sq);
        let (q, r) = div_rem_512(p4, WAD_CUBED)?;
        let q = if up && !r.is_zero() { q.checked_add(U512::ONE).ok_or(MathError::Overflow)? } else { q };
        return Ok(Some(narrow(q)?));
    }
    Ok(None)
}

/// x^y rounded down: the result is <= the exact (x/1e18)^(y/1e18) * 1e18 and below it by
/// less than 1 wei + (120 y + 52) 2^-192 relative (y = the exponent as a real, so < 2^-178
/// relative for y <= 100). Special exponents 0, 1, 2, 4 and bases 0, 1e18 are exact.
/// Unlike LogExpMath there is no product bound: any input whose result fits 256 bits is
/// computed; results below 1 wei are 0; results above 2^256 are `Overflow`.
pub fn pow_down(x: U256, y: U256) -> MathResult<U256> {
    if let Some(v) = pow_exact(x, y, false)? {
        return Ok(v);
    }
    let b = pow_bounds(x, y)?;
    narrow(b.lower(wide(WAD), 0)?)
}

/// x^y rounded up: >= the exact value, within 1 wei + (120 y + 52) 2^-192 relative
/// (see `pow_down`).
/// A positive exact value below 1 wei gives 1.
pub fn pow_up(x: U256, y: U256) -> MathResult<U256> {
    if let Some(v) = pow_exact(x, y, true)? {
        return Ok(v);
    }
    let b = pow_bounds(x, y)?;
    narrow(b.upper(wide(WAD), 0)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wad_cubed_is_1e54() {
        let w = wide(WAD);
        assert_eq!(WAD_CUBED, w * w * w);
    }

    #[test]
    fn pow_four_is_exact() {
        let x = U256::from(1_234_567_890_123_456_789u64);
        // x^4 / 1e54 computed independently with 512-bit integers.
        let w = wide(x);
        let p4 = w * w * w * w;
        let (q, r) = p4.div_rem(WAD_CUBED);
        assert_eq!(pow_down(x, WAD << 2usize), Ok(narrow(q).unwrap_or_default()));
        assert!(!r.is_zero());
        assert_eq!(pow_up(x, WAD << 2usize), Ok(narrow(q + U512::ONE).unwrap_or_default()));
    }
}
