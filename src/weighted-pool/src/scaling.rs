//! Conversion between token units and the 18-decimal units the math works in.
//!
//! Tokens have at most 18 decimals, so the scaling factor is `10^(18 - decimals)`, an
//! integer. **Upscaling is therefore exact** (a checked multiplication, never rounded):
//! balances and the *given* amount of every swap, join and exit reach the math without
//! any rounding at all. This is the whole defence against the Nov 2025 Balancer V2
//! exploit, whose upscale of the given amount multiplied by a fractional rate and always
//! rounded down, letting long sequences of tiny swaps drain value. There is no rate
//! provider here, so no fractional factor exists; if one is ever added, the given amount
//! must be upscaled *in* the pool's favour (GIVEN_IN: down, GIVEN_OUT amount out: up).
//!
//! **Downscaling** divides and must pick a direction: amounts leaving the pool (swap out,
//! exit amounts, protocol fees) round down, amounts entering it (swap in, join amounts)
//! round up.

use alloy_primitives::U256;

use crate::errors::{overflow, PoolError};

/// Tokens with more decimals than this cannot be scaled up exactly.
pub const MAX_DECIMALS: u8 = 18;

const POWERS_OF_TEN: [u64; 19] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000,
    100_000_000_000,
    1_000_000_000_000,
    10_000_000_000_000,
    100_000_000_000_000,
    1_000_000_000_000_000,
    10_000_000_000_000_000,
    100_000_000_000_000_000,
    1_000_000_000_000_000_000,
];

/// `10^exponent` for the exponents a pool stores (0..=18).
fn power_of_ten(exponent: u8) -> Result<u64, PoolError> {
    POWERS_OF_TEN.get(usize::from(exponent)).copied().ok_or_else(overflow)
}

/// `10^exponent` as a U256.
pub fn scaling_factor(exponent: u8) -> Result<U256, PoolError> {
    power_of_ten(exponent).map(U256::from)
}

/// `a × b` for a 64-bit `b`, `None` on overflow: one limb product per limb. ruint's general
/// `checked_mul` costs ~1 KB of wasm plus panic strings in the data segment (which Stylus
/// charges on every call), and more instructions on the swap path.
pub fn mul_u64(a: U256, b: u64) -> Option<U256> {
    let mut out = [0u64; 4];
    let mut carry: u128 = 0;
    for (o, limb) in out.iter_mut().zip(a.as_limbs()) {
        // (2^64 - 1)^2 + (2^64 - 1) < 2^128: never fails, checked anyway.
        let product = u128::from(*limb).checked_mul(u128::from(b))?.checked_add(carry)?;
        *o = product as u64;
        carry = product >> 64;
    }
    (carry == 0).then(|| U256::from_limbs(out))
}

/// Exact: token units -> 18-decimal units.
pub fn upscale(amount: U256, exponent: u8) -> Result<U256, PoolError> {
    mul_u64(amount, power_of_ten(exponent)?).ok_or_else(overflow)
}

/// `(amount / divisor, amount % divisor)` by schoolbook division on 64-bit limbs.
/// A few instructions instead of ruint's general 256-bit division (~16 KB of wasm).
fn div_rem_small(amount: U256, divisor: u64) -> Result<(U256, u64), PoolError> {
    if divisor == 0 {
        return Err(overflow());
    }
    let d = u128::from(divisor);
    let mut quotient = [0u64; 4];
    let mut rem: u128 = 0;
    for (q, limb) in quotient.iter_mut().zip(amount.as_limbs()).rev() {
        // rem < d ≤ 2^64, so (rem << 64) | limb fits in u128 and the quotient digit in u64.
        let current = (rem << 64) | u128::from(*limb);
        *q = (current / d) as u64;
        rem = current % d;
    }
    Ok((U256::from_limbs(quotient), rem as u64))
}

/// 18-decimal units -> token units, rounded down (amounts leaving the pool).
pub fn downscale_down(amount: U256, exponent: u8) -> Result<U256, PoolError> {
    div_rem_small(amount, power_of_ten(exponent)?).map(|(q, _)| q)
}

/// 18-decimal units -> token units, rounded up (amounts entering the pool).
pub fn downscale_up(amount: U256, exponent: u8) -> Result<U256, PoolError> {
    let (quotient, rem) = div_rem_small(amount, power_of_ten(exponent)?)?;
    if rem == 0 {
        Ok(quotient)
    } else {
        quotient.checked_add(U256::from(1u8)).ok_or_else(overflow)
    }
}

/// Upscales every element (exact).
pub fn upscale_all(amounts: &[U256], exponents: &[u8]) -> Result<alloc::vec::Vec<U256>, PoolError> {
    amounts.iter().zip(exponents).map(|(a, e)| upscale(*a, *e)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mul_u64_matches_ruint_and_detects_overflow() {
        let samples = [U256::ZERO, U256::from(1u8), U256::from(u64::MAX), U256::MAX >> 64, U256::MAX >> 1, U256::MAX];
        for a in samples {
            for b in [0u64, 1, 2, 10, 1_000_000_000_000_000_000, u64::MAX] {
                assert_eq!(mul_u64(a, b), a.checked_mul(U256::from(b)), "{a} x {b}");
            }
        }
    }

    fn u(x: u128) -> U256 {
        U256::from(x)
    }

    #[test]
    fn upscale_is_exact_and_checked() {
        assert_eq!(upscale(u(1), 12).unwrap(), u(1_000_000_000_000));
        assert_eq!(upscale(u(123_456), 0).unwrap(), u(123_456));
        assert_eq!(upscale(u(7), 18).unwrap(), u(7_000_000_000_000_000_000));
        assert!(upscale(U256::MAX, 1).is_err());
        assert!(scaling_factor(19).is_err());
    }

    #[test]
    fn downscale_rounds_in_the_stated_direction() {
        // 6-decimal token: factor 1e12.
        assert_eq!(downscale_down(u(1_999_999_999_999), 12).unwrap(), u(1));
        assert_eq!(downscale_up(u(1_000_000_000_001), 12).unwrap(), u(2));
        assert_eq!(downscale_up(u(2_000_000_000_000), 12).unwrap(), u(2));
        assert_eq!(downscale_up(u(0), 12).unwrap(), u(0));
        assert_eq!(downscale_up(u(1), 12).unwrap(), u(1));
        assert_eq!(downscale_down(u(1), 12).unwrap(), u(0));
        assert_eq!(downscale_up(U256::MAX, 0).unwrap(), U256::MAX);
    }

    #[test]
    fn small_division_matches_ruint_on_wide_values() {
        let samples = [
            U256::MAX,
            U256::MAX - U256::from(12345u64),
            U256::from(u128::MAX) * U256::from(977u64),
            U256::from(1u8) << 200,
            U256::from(999_999_999_999_999_999u64),
        ];
        for x in samples {
            for e in [0u8, 1, 6, 12, 17, 18] {
                let f = scaling_factor(e).unwrap();
                assert_eq!(downscale_down(x, e).unwrap(), x / f);
                let up = if x % f == U256::ZERO { x / f } else { x / f + U256::from(1u8) };
                assert_eq!(downscale_up(x, e).unwrap(), up);
            }
        }
    }

    #[test]
    fn round_trip_of_exact_values_is_identity() {
        for e in 0..=18u8 {
            let x = u(987_654_321);
            let up = upscale(x, e).unwrap();
            assert_eq!(downscale_down(up, e).unwrap(), x);
            assert_eq!(downscale_up(up, e).unwrap(), x);
        }
    }
}
