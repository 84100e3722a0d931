//! The weighted invariant and the protocol swap fee due on its growth.

use crate::bounds::{at_most_one, from_q64, mul_div_512, ratio_pow, shrink_down, WeightedLogSum};
use crate::error::{MathError, MathResult};
use crate::wide::{narrow, wide, WAD};
use alloy_primitives::U256;

/// Invariant prod_i (B_i/1e18)^(w_i/1e18) * 1e18 (= prod B_i^w_i when the weights sum to
/// 1e18), rounded down: error < 1 wei + 2^-184 relative (8 tokens).
///
/// One ln per token and a single exp (V2 does one pow per token). `LengthMismatch` for
/// empty or unequal slices; `ZeroInvariant` if a balance is zero or the invariant is < 1.
pub fn calculate_invariant(normalized_weights: &[U256], balances: &[U256]) -> MathResult<U256> {
    if normalized_weights.is_empty() || normalized_weights.len() != balances.len() {
        return Err(MathError::LengthMismatch);
    }
    let mut sum = WeightedLogSum::new();
    for (w, b) in normalized_weights.iter().zip(balances) {
        if b.is_zero() {
            return Err(MathError::ZeroInvariant);
        }
        if w.is_zero() {
            continue;
        }
        sum.add(wide(*b), wide(WAD), *w)?;
    }
    let inv = narrow(sum.bounds()?.lower(wide(WAD), 0)?)?;
    if inv.is_zero() {
        return Err(MathError::ZeroInvariant);
    }
    Ok(inv)
}

/// Protocol swap fee due in one token for the invariant growth since the last join/exit
/// (Balancer V2 `_calcDueTokenProtocolSwapFeeAmount`):
/// `p * B * (1 - (previous/current)^(1e18/w))`, rounded down (paid out of the pool).
///
/// 0 when the invariant did not grow. Unlike V2 the base is not capped, so large growth is
/// charged exactly. `ZeroDivision` for a zero weight, `OutOfDomain` for p or w above 1e18.
pub fn calc_due_token_protocol_swap_fee_amount(
    balance: U256,
    normalized_weight: U256,
    previous_invariant: U256,
    current_invariant: U256,
    protocol_swap_fee_percentage: U256,
) -> MathResult<U256> {
    at_most_one(protocol_swap_fee_percentage)?;
    at_most_one(normalized_weight)?;
    if normalized_weight.is_zero() {
        return Err(MathError::ZeroDivision);
    }
    if current_invariant <= previous_invariant || balance.is_zero() || protocol_swap_fee_percentage.is_zero() {
        return Ok(U256::ZERO);
    }
    let b = wide(balance);
    let grown_q64 = if previous_invariant.is_zero() {
        b << 64usize
    } else {
        let e = ratio_pow(wide(previous_invariant), wide(current_invariant), WAD, normalized_weight)?;
        shrink_down(b, &e, 64)?
    };
    let q = mul_div_512(grown_q64, wide(protocol_swap_fee_percentage), wide(WAD), false)?;
    from_q64(q, false)
}
