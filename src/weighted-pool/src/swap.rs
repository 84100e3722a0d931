//! The swap hook's arithmetic, free of storage and calls (host-testable).
//!
//! Direction of every step, all in the pool's favour:
//!
//! GIVEN_IN (`amount` = tokens in, returns tokens out)
//! 1. upscale `amount` and both balances: exact (integer factor, see `scaling`);
//! 2. fee = `mul_up(amount, fee)`, amount after fee = amount − fee: the trader is
//!    credited *less* (fee taken in 18-decimal units, so a 6-decimal token loses
//!    no precision to the fee rounding that V2 does in token units);
//! 3. `calc_out_given_in` rounds its result down;
//! 4. downscale DOWN: the trader receives the floor.
//!
//! GIVEN_OUT (`amount` = tokens out, returns tokens in)
//! 1. upscale `amount` (exact: the amount out is not reduced by rounding) and balances;
//! 2. `calc_in_given_out` rounds its result up;
//! 3. add the fee: `div_up(amount_in, 1 − fee)` (rounded up);
//! 4. downscale UP: the trader pays the ceiling.
//!
//! Adding the fee before downscaling (V2 downscales first) rounds once instead of twice,
//! so the trader pays at most V2's amount and never less than the exact value.

use alloy_primitives::U256;
use weighted_math as wm;

use crate::errors::{overflow, PoolError};
use crate::layout::TokenConfig;
use crate::scaling::{downscale_down, downscale_up, upscale};

/// Balances and token data of one swap, in token units.
#[derive(Clone, Copy, Debug)]
pub struct SwapSide {
    pub balance: U256,
    pub token: TokenConfig,
}

fn weight(t: &TokenConfig) -> U256 {
    U256::from(t.weight)
}

/// Tokens out for exactly `amount_in` tokens in (fee included), rounded down.
pub fn given_in(amount_in: U256, tin: SwapSide, tout: SwapSide, swap_fee: u64) -> Result<U256, PoolError> {
    let amount = upscale(amount_in, tin.token.scaling_exponent)?;
    let fee = wm::mul_up(amount, U256::from(swap_fee))?;
    let amount_after_fee = amount.checked_sub(fee).ok_or_else(overflow)?;
    let balance_in = upscale(tin.balance, tin.token.scaling_exponent)?;
    let balance_out = upscale(tout.balance, tout.token.scaling_exponent)?;
    let out = wm::calc_out_given_in(balance_in, weight(&tin.token), balance_out, weight(&tout.token), amount_after_fee)?;
    downscale_down(out, tout.token.scaling_exponent)
}

/// Tokens in (fee included) for exactly `amount_out` tokens out, rounded up.
pub fn given_out(amount_out: U256, tin: SwapSide, tout: SwapSide, swap_fee: u64) -> Result<U256, PoolError> {
    let amount = upscale(amount_out, tout.token.scaling_exponent)?;
    let balance_in = upscale(tin.balance, tin.token.scaling_exponent)?;
    let balance_out = upscale(tout.balance, tout.token.scaling_exponent)?;
    let amount_in = wm::calc_in_given_out(balance_in, weight(&tin.token), balance_out, weight(&tout.token), amount)?;
    let with_fee = wm::div_up(amount_in, wm::complement(U256::from(swap_fee))?)?;
    downscale_up(with_fee, tin.token.scaling_exponent)
}

/// Whitepaper spot price `(B_in / W_in) / (B_out / W_out)`: units of tokenIn per unit of
/// tokenOut (both in whole tokens, i.e. balances scaled to 18 decimals), 18-decimal
/// fixed point. With the fee: divided by `1 − fee` (what a trader pays at the margin).
/// Rounded up: a quote never understates what the pool charges.
pub fn spot_price(tin: SwapSide, tout: SwapSide, swap_fee: Option<u64>) -> Result<U256, PoolError> {
    let balance_in = upscale(tin.balance, tin.token.scaling_exponent)?;
    let balance_out = upscale(tout.balance, tout.token.scaling_exponent)?;
    let numerator = wm::div_up(balance_in, weight(&tin.token))?;
    let denominator = wm::div_down(balance_out, weight(&tout.token))?;
    let price = wm::div_up(numerator, denominator)?;
    match swap_fee {
        Some(fee) => Ok(wm::div_up(price, wm::complement(U256::from(fee))?)?),
        None => Ok(price),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const E18: u128 = 1_000_000_000_000_000_000;

    fn sides() -> (SwapSide, SwapSide) {
        // 800 of an 18-decimal token at 80%, 200 of a 6-decimal token at 20%.
        (
            SwapSide { balance: U256::from(800 * E18), token: TokenConfig { weight: 800_000_000_000_000_000, scaling_exponent: 0 } },
            SwapSide { balance: U256::from(200_000_000u64), token: TokenConfig { weight: 200_000_000_000_000_000, scaling_exponent: 12 } },
        )
    }

    #[test]
    fn given_in_takes_fee_in_scaled_units_and_rounds_out_down() {
        let (a, b) = sides();
        let fee = 10_000_000_000_000_000u64; // 1%
        let amount = U256::from(3 * E18);
        let after_fee = amount - wm::mul_up(amount, U256::from(fee)).unwrap();
        let out = wm::calc_out_given_in(a.balance, U256::from(a.token.weight), U256::from(200 * E18), U256::from(b.token.weight), after_fee).unwrap();
        assert_eq!(given_in(amount, a, b, fee).unwrap(), out / U256::from(1_000_000_000_000u64));
        // 1 wei in of the 18-decimal token buys nothing of the 6-decimal one.
        assert_eq!(given_in(U256::from(1), a, b, fee).unwrap(), U256::ZERO);
    }

    #[test]
    fn given_out_rounds_in_up_and_exceeds_the_exact_price() {
        let (a, b) = sides();
        let fee = 10_000_000_000_000_000u64;
        // Buying 1 unit (1e-6) of the 6-decimal token costs at least 1e-6 / 0.99 of the other.
        let paid = given_out(U256::from(1), a, b, fee).unwrap();
        assert!(paid >= U256::from(1_010_101_010_101u64), "{paid}");
        // Round trip never profits: selling what GIVEN_OUT charged yields at most the amount out.
        let amount_out = U256::from(5_000_000u64);
        let cost = given_out(amount_out, a, b, fee).unwrap();
        assert!(given_in(cost, a, b, fee).unwrap() >= amount_out);
        assert!(given_in(cost - U256::from(1_000_000_000_000u64), a, b, fee).unwrap() <= amount_out);
        assert!(matches!(given_out(U256::from(100_000_000u64), a, b, fee), Err(PoolError::MaxOutRatio(_))));
    }

    #[test]
    fn spot_price_is_token_in_per_token_out() {
        let (a, b) = sides();
        // (800/0.8) / (200/0.2) = 1, rounded up by at most a few wei.
        let p = spot_price(a, b, None).unwrap();
        assert!(p >= U256::from(E18) && p <= U256::from(E18 + 2));
        let with_fee = spot_price(a, b, Some(10_000_000_000_000_000)).unwrap();
        assert!(with_fee > p);
    }
}
