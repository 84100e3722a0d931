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
