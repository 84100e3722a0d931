//! Checked fixed-point helpers (18 decimals). Never wraps, never panics, no floats.

use alloy_primitives::{I256, U256};

use crate::errors::Res;

/// 1e18, the fixed-point "one" of percentages (V2's `FixedPoint.ONE`).
pub const ONE: U256 = U256::from_limbs([1_000_000_000_000_000_000, 0, 0, 0]);

/// `amount * pct / 1e18` rounded up: the fee the Vault charges is never rounded in
/// the borrower's favour (V2 `FixedPoint.mulUp`). `pct` is a fee percentage (< 2^64).
pub fn mul_up(amount: U256, pct: u64) -> Res<U256> {
    let product = mul_small(amount, pct).ok_or_else(|| crate::err!(ArithmeticOverflow))?;
    if product.is_zero() {
        return Ok(U256::ZERO);
    }
    // product >= 1, so (product - 1) / ONE + 1 cannot overflow.
    Ok(div_one(product - U256::from(1u8)) + U256::from(1u8))
}

/// `x * m` for a one-limb multiplier, `None` on overflow (limb by limb in u128: far
/// smaller wasm than a full 256×256 multiplication).
pub fn mul_small(x: U256, m: u64) -> Option<U256> {
    let mut out = [0u64; 4];
    let mut carry: u128 = 0;
    for (o, limb) in out.iter_mut().zip(x.as_limbs()) {
        let cur = u128::from(*limb) * u128::from(m) + carry;
        *o = cur as u64;
        carry = cur >> 64;
    }
    if carry == 0 {
        Some(U256::from_limbs(out))
    } else {
        None
    }
}

const ONE_U64: u64 = 1_000_000_000_000_000_000;

/// `x / 1e18`, rounded down, using only native 64-bit division: the dividend is
/// consumed 4 bits at a time, so the running remainder (< 1e18 < 2^60) shifted by 4
/// still fits a u64. Avoids both ruint's general division (~9 KB of wasm) and the
/// u128 division routine (~1 KB).
pub fn div_one(x: U256) -> U256 {
    let mut out = [0u64; 4];
    let mut rem: u64 = 0;
    for (o, limb) in out.iter_mut().zip(x.as_limbs()).rev() {
        let mut q: u64 = 0;
        for shift in (0..64).step_by(4).rev() {
            let cur = (rem << 4) | ((limb >> shift) & 0xf);
            q = (q << 4) | (cur / ONE_U64);
            rem = cur % ONE_U64;
        }
        *o = q;
    }
    U256::from_limbs(out)
}

/// `a < b` for addresses as uint160 (V2's token ordering). A numeric compare is far
/// smaller wasm than the derived byte-array ordering.
pub fn addr_lt(a: alloy_primitives::Address, b: alloy_primitives::Address) -> bool {
    use crate::codec::address_to_word as w;
    U256::from_be_bytes(w(a)) < U256::from_be_bytes(w(b))
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

/// `deltas[i] += delta`, checked (the index comes from a bounds-checked lookup).
pub fn add_delta(deltas: &mut [I256], i: usize, delta: I256) -> Res<()> {
    let slot = deltas.get_mut(i).ok_or_else(|| crate::err!(OutOfBounds))?;
    *slot = slot.checked_add(delta).ok_or_else(|| crate::err!(ArithmeticOverflow))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mul_up_rounds_up_only_when_inexact() {
        let pct = 3_000_000_000_000_000u64; // 0.3%
        assert_eq!(mul_up(U256::from(1000u32), pct).unwrap(), U256::from(3u8));
        assert_eq!(mul_up(U256::from(1001u32), pct).unwrap(), U256::from(4u8));
        assert_eq!(mul_up(U256::from(1u8), 1).unwrap(), U256::from(1u8));
        assert_eq!(mul_up(U256::ZERO, pct).unwrap(), U256::ZERO);
        assert_eq!(mul_up(U256::from(7u8), ONE_U64).unwrap(), U256::from(7u8));
        assert!(mul_up(U256::MAX, 2).is_err());
        // against the 256-bit reference formula
        let a = U256::from(10u8).pow(U256::from(30u8)) + U256::from(7u8);
        let expected = (a * U256::from(pct) + ONE - U256::from(1u8)) / ONE;
        assert_eq!(mul_up(a, pct).unwrap(), expected);
    }

    #[test]
    fn mul_small_matches_ruint() {
        let x = U256::from(10u8).pow(U256::from(50u8)) + U256::from(99u8);
        assert_eq!(mul_small(x, 12345).unwrap(), x * U256::from(12345u32));
        assert!(mul_small(U256::MAX, 2).is_none());
    }

    #[test]
    fn div_one_matches_ruint() {
        let xs = [
            U256::ZERO,
            U256::from(1u8),
            ONE - U256::from(1u8),
            ONE,
            U256::MAX,
            U256::from(10u8).pow(U256::from(40u8)) + U256::from(12345u32),
            U256::from(u64::MAX) * U256::from(u64::MAX),
        ];
        for x in xs {
            assert_eq!(div_one(x), x / ONE);
        }
    }

    #[test]
    fn signed_conversions_are_checked() {
        assert_eq!(neg(U256::from(5u8)).unwrap(), I256::try_from(-5i64).unwrap());
        assert!(signed(U256::MAX).is_err());
        assert!(neg(U256::from(1u8) << 255).is_err());
    }
}
