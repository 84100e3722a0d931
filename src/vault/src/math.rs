//! Checked fixed-point helpers (18 decimals). Never wraps, never panics, no floats.

use alloy_primitives::{I256, U256};

use crate::errors::Res;

/// 1e18, the fixed-point "one" of percentages (V2's `FixedPoint.ONE`).
pub const ONE: U256 = U256::from_limbs([1_000_000_000_000_000_000, 0, 0, 0]);

/// `a * b / 1e18` rounded up: the fee the Vault charges is never rounded in the
/// borrower's favour (V2 `FixedPoint.mulUp`).
pub fn mul_up(a: U256, b: U256) -> Res<U256> {
    let product = a.checked_mul(b).ok_or_else(|| crate::err!(ArithmeticOverflow))?;
    if product.is_zero() {
        return Ok(U256::ZERO);
    }
    // product >= 1, so (product - 1) / ONE + 1 cannot overflow.
    Ok((product - U256::from(1u8)) / ONE + U256::from(1u8))
}

pub fn add(a: U256, b: U256) -> Res<U256> {
    a.checked_add(b).ok_or_else(|| crate::err!(ArithmeticOverflow))
}

/// `amount` as a signed delta; amounts above `I256::MAX` are rejected, not wrapped.
pub fn signed(amount: U256) -> Res<I256> {
    I256::try_from(amount).map_err(|_| crate::err!(ArithmeticOverflow))
}

/// `-amount` as a signed delta.
pub fn neg(amount: U256) -> Res<I256> {
    signed(amount)?.checked_neg().ok_or_else(|| crate::err!(ArithmeticOverflow))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mul_up_rounds_up_only_when_inexact() {
        let pct = U256::from(3_000_000_000_000_000u64); // 0.3%
        assert_eq!(mul_up(U256::from(1000u32), pct).unwrap(), U256::from(3u8));
        assert_eq!(mul_up(U256::from(1001u32), pct).unwrap(), U256::from(4u8));
        assert_eq!(mul_up(U256::from(1u8), U256::from(1u8)).unwrap(), U256::from(1u8));
        assert_eq!(mul_up(U256::ZERO, pct).unwrap(), U256::ZERO);
        assert_eq!(mul_up(U256::from(7u8), ONE).unwrap(), U256::from(7u8));
        assert!(mul_up(U256::MAX, U256::from(2u8)).is_err());
    }

    #[test]
    fn signed_conversions_are_checked() {
        assert_eq!(neg(U256::from(5u8)).unwrap(), I256::try_from(-5i64).unwrap());
        assert!(signed(U256::MAX).is_err());
        assert!(neg(U256::from(1u8) << 255).is_err());
    }
}
