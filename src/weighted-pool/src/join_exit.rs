//! The join/exit hooks' arithmetic, free of storage and calls (host-testable).
//!
//! Follows Balancer V2's original WeightedPool:
//! * balances and given amounts are upscaled exactly (see `scaling`);
//! * protocol swap fees: the invariant's growth since the last join/exit is due to swap
//!   fees only; the protocol's share is charged in the max-weight token via
//!   `calc_due_token_protocol_swap_fee_amount` and subtracted from the balances the
//!   join/exit math sees (the Vault subtracts the returned amounts from the pool);
//! * after the join/exit the invariant of the new balances is stored for next time;
//! * amounts in are downscaled UP, amounts out and protocol fees DOWN.
//!
//! The recovery exit uses no logs/powers: `balance × bptIn / totalSupply`, rounded down,
//! no protocol fee; the stored invariant shrinks by the same proportion (rounded up, so
//! no fee debt is forgotten).

use alloc::vec;
use alloc::vec::Vec;

use alloy_primitives::U256;
use weighted_math as wm;

use crate::errors::{
    overflow, BelowMinimumBpt, BptInMaxAmount, BptOutMinAmount, InputLengthMismatch, InvalidProtocolSwapFee,
    PoolError, PoolNotPaused, PoolPaused, TokenIndexOutOfBounds,
};
use crate::scaling::{downscale_down, downscale_up, upscale_all};
use crate::user_data::{ExitRequest, JoinRequest};

/// BPT minted to address(0) at INIT and never burnable (V2's `_MINIMUM_BPT`).
pub const MINIMUM_BPT: u64 = 1_000_000;
const ONE: u64 = 1_000_000_000_000_000_000;

/// What the pool knows about itself when a join/exit arrives.
#[derive(Clone, Debug)]
pub struct PoolView<'a> {
    pub weights: &'a [U256],
    pub exponents: &'a [u8],
    pub swap_fee: U256,
    pub total_supply: U256,
    pub last_invariant: U256,
}

/// Result of a join or an exit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// BPT to mint (join; at INIT including the MINIMUM_BPT locked) or to burn (exit).
    pub bpt: U256,
    /// Token units: amounts in rounded up (join) / amounts out rounded down (exit).
    pub amounts: Vec<U256>,
    /// Token units, rounded down.
    pub due_protocol_fees: Vec<U256>,
    /// Invariant to store for the next protocol-fee computation.
    pub last_invariant: U256,
}

fn length_matches(expected: usize, actual: usize) -> Result<(), PoolError> {
    if expected == actual {
        Ok(())
    } else {
        Err(PoolError::InputLengthMismatch(InputLengthMismatch {
            expected: U256::from(expected),
            actual: U256::from(actual),
        }))
    }
}

fn token_index(index: U256, n: usize) -> Result<usize, PoolError> {
    usize::try_from(index).ok().filter(|i| *i < n).ok_or(PoolError::TokenIndexOutOfBounds(TokenIndexOutOfBounds {
        index,
        numTokens: U256::from(n),
    }))
}

/// Index of the largest weight (first one on ties, as V2).
fn max_weight_index(weights: &[U256]) -> usize {
    let mut best = 0;
    for (i, w) in weights.iter().enumerate() {
        if weights.get(best).is_some_and(|b| w > b) {
            best = i;
        }
    }
    best
}

fn set(v: &mut [U256], i: usize, x: U256) -> Result<(), PoolError> {
    *v.get_mut(i).ok_or_else(overflow)? = x;
    Ok(())
}

fn get(v: &[U256], i: usize) -> Result<U256, PoolError> {
    v.get(i).copied().ok_or_else(overflow)
}

/// Charges the protocol's share of the invariant growth since the last join/exit.
/// Returns the due fees (18-decimal units) and reduces `balances` by them.
fn charge_protocol_fees(view: &PoolView, balances: &mut [U256], protocol_fee: U256) -> Result<Vec<U256>, PoolError> {
    if protocol_fee > U256::from(ONE) {
        return Err(PoolError::InvalidProtocolSwapFee(InvalidProtocolSwapFee { protocolSwapFeePercentage: protocol_fee }));
    }
    let mut due = vec![U256::ZERO; balances.len()];
    if protocol_fee.is_zero() {
        return Ok(due);
    }
    let current = wm::calculate_invariant(view.weights, balances)?;
    let i = max_weight_index(view.weights);
    let balance = get(balances, i)?;
    let fee = wm::calc_due_token_protocol_swap_fee_amount(
        balance,
        get(view.weights, i)?,
        view.last_invariant,
        current,
        protocol_fee,
    )?;
    set(&mut due, i, fee)?;
    set(balances, i, balance.checked_sub(fee).ok_or_else(overflow)?)?;
    Ok(due)
}

fn downscale_each(amounts: &[U256], exponents: &[u8], up: bool) -> Result<Vec<U256>, PoolError> {
    amounts
        .iter()
        .zip(exponents)
        .map(|(a, e)| if up { downscale_up(*a, *e) } else { downscale_down(*a, *e) })
        .collect()
}

fn combine(a: &[U256], b: &[U256], add: bool) -> Result<Vec<U256>, PoolError> {
    a.iter()
        .zip(b)
        .map(|(x, y)| if add { x.checked_add(*y) } else { x.checked_sub(*y) }.ok_or_else(overflow))
        .collect()
}

/// INIT: BPT = invariant × n (V2), of which MINIMUM_BPT is locked by the caller.
pub fn init(view: &PoolView, amounts_in: &[U256]) -> Result<Outcome, PoolError> {
    let n = view.weights.len();
    length_matches(n, amounts_in.len())?;
    let scaled = upscale_all(amounts_in, view.exponents)?;
    let invariant = wm::calculate_invariant(view.weights, &scaled)?;
    let bpt = crate::scaling::mul_u64(invariant, u64::try_from(n).map_err(|_| overflow())?).ok_or_else(overflow)?;
    if bpt < U256::from(MINIMUM_BPT) {
        return Err(PoolError::BelowMinimumBpt(BelowMinimumBpt { bptAmountOut: bpt, minimum: U256::from(MINIMUM_BPT) }));
    }
    Ok(Outcome {
        bpt,
        // Upscaling was exact, so rounding up gives back exactly what was asked.
        amounts: downscale_each(&scaled, view.exponents, true)?,
        due_protocol_fees: vec![U256::ZERO; n],
        last_invariant: invariant,
    })
}

/// The single-token join and exit: `formula(balance, weight, bpt, supply, fee)` gives token
/// `index`'s amount (the math rounds it in the pool's favour); every other token moves nothing.
fn single_token(
    view: &PoolView,
    scaled: &[U256],
    index: U256,
    bpt: U256,
    formula: impl Fn(U256, U256, U256, U256, U256) -> wm::MathResult<U256>,
) -> Result<Vec<U256>, PoolError> {
    let n = view.weights.len();
    let i = token_index(index, n)?;
    let amount = formula(get(scaled, i)?, get(view.weights, i)?, bpt, view.total_supply, view.swap_fee)?;
    let mut amounts = vec![U256::ZERO; n];
    set(&mut amounts, i, amount)?;
    Ok(amounts)
}

/// Every join kind except INIT.
pub fn join(view: &PoolView, balances: &[U256], protocol_fee: U256, request: &JoinRequest) -> Result<Outcome, PoolError> {
    let n = view.weights.len();
    length_matches(n, balances.len())?;
    let mut scaled = upscale_all(balances, view.exponents)?;
    let due = charge_protocol_fees(view, &mut scaled, protocol_fee)?;
    let (bpt, amounts_in) = match request {
        JoinRequest::ExactTokensInForBptOut { amounts_in, min_bpt_out } => {
            length_matches(n, amounts_in.len())?;
            let amounts = upscale_all(amounts_in, view.exponents)?;
            let bpt = wm::calc_bpt_out_given_exact_tokens_in(&scaled, view.weights, &amounts, view.total_supply, view.swap_fee)?;
            if bpt < *min_bpt_out {
                return Err(PoolError::BptOutMinAmount(BptOutMinAmount { bptAmountOut: bpt, minBptAmountOut: *min_bpt_out }));
            }
            (bpt, amounts)
        }
        JoinRequest::TokenInForExactBptOut { bpt_out, token_index: index } => {
            (*bpt_out, single_token(view, &scaled, *index, *bpt_out, wm::calc_token_in_given_exact_bpt_out)?)
        }
        JoinRequest::AllTokensInForExactBptOut { bpt_out } => {
            let amounts = wm::proportional_amounts_in(&scaled, view.total_supply, *bpt_out)?;
            (*bpt_out, amounts)
        }
        JoinRequest::Init { .. } => return Err(crate::errors::PoolError::PoolAlreadyFunded(crate::errors::PoolAlreadyFunded {})),
    };
    let after = combine(&scaled, &amounts_in, true)?;
    let last_invariant = wm::calculate_invariant(view.weights, &after)?;
    Ok(Outcome {
        bpt,
        amounts: downscale_each(&amounts_in, view.exponents, true)?,
        due_protocol_fees: downscale_each(&due, view.exponents, false)?,
        last_invariant,
    })
}

/// Every exit kind. While `paused`, only the proportional exits work and no protocol
/// fee is charged (V2); the recovery exit works only while paused.
pub fn exit(
    view: &PoolView,
    balances: &[U256],
    protocol_fee: U256,
    request: &ExitRequest,
    paused: bool,
) -> Result<Outcome, PoolError> {
    let n = view.weights.len();
    length_matches(n, balances.len())?;
    if let ExitRequest::Recovery { bpt_in } = request {
        if !paused {
            return Err(PoolError::PoolNotPaused(PoolNotPaused {}));
        }
        return recovery_exit(view, balances, *bpt_in);
    }
    let needs_unpaused = !matches!(request, ExitRequest::ExactBptInForTokensOut { .. });
    if paused && needs_unpaused {
        return Err(PoolError::PoolPaused(PoolPaused {}));
    }
    let mut scaled = upscale_all(balances, view.exponents)?;
    let due = if paused { vec![U256::ZERO; n] } else { charge_protocol_fees(view, &mut scaled, protocol_fee)? };
    let (bpt, amounts_out) = match request {
        ExitRequest::ExactBptInForOneTokenOut { bpt_in, token_index: index } => {
            (*bpt_in, single_token(view, &scaled, *index, *bpt_in, wm::calc_token_out_given_exact_bpt_in)?)
        }
        ExitRequest::ExactBptInForTokensOut { bpt_in } => {
            (*bpt_in, wm::proportional_amounts_out(&scaled, view.total_supply, *bpt_in)?)
        }
        ExitRequest::BptInForExactTokensOut { amounts_out, max_bpt_in } => {
            length_matches(n, amounts_out.len())?;
            let amounts = upscale_all(amounts_out, view.exponents)?;
            let bpt = wm::calc_bpt_in_given_exact_tokens_out(&scaled, view.weights, &amounts, view.total_supply, view.swap_fee)?;
            if bpt > *max_bpt_in {
                return Err(PoolError::BptInMaxAmount(BptInMaxAmount { bptAmountIn: bpt, maxBptAmountIn: *max_bpt_in }));
            }
            (bpt, amounts)
        }
        ExitRequest::Recovery { .. } => return Err(overflow()),
    };
    let after = combine(&scaled, &amounts_out, false)?;
    let last_invariant = wm::calculate_invariant(view.weights, &after)?;
    Ok(Outcome {
        bpt,
        amounts: downscale_each(&amounts_out, view.exponents, false)?,
        due_protocol_fees: downscale_each(&due, view.exponents, false)?,
        last_invariant,
    })
}

/// Proportional, free of logs and powers: `floor(balance × bptIn / totalSupply)` in token
/// units (exact 512-bit product), no protocol fee. The stored invariant shrinks by the same
/// ratio, rounded up, so fee growth already earned is not forgotten.
fn recovery_exit(view: &PoolView, balances: &[U256], bpt_in: U256) -> Result<Outcome, PoolError> {
    let supply = view.total_supply;
    let remaining = supply.checked_sub(bpt_in).ok_or_else(overflow)?;
    let amounts = wm::proportional_amounts_out(balances, supply, bpt_in)?;
    let last_invariant = wm::mul_up(view.last_invariant, wm::div_up(remaining, supply)?)?;
    Ok(Outcome { bpt: bpt_in, amounts, due_protocol_fees: vec![U256::ZERO; balances.len()], last_invariant })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(x: u128) -> U256 {
        U256::from(x)
    }
    const E18: u128 = 1_000_000_000_000_000_000;

    /// 80/20 pool of an 18-decimal and a 6-decimal token.
    fn weights() -> Vec<U256> {
        vec![u(8 * E18 / 10), u(2 * E18 / 10)]
    }
    const EXPS: [u8; 2] = [0, 12];

    fn view<'a>(w: &'a [U256], supply: U256, last: U256) -> PoolView<'a> {
        PoolView { weights: w, exponents: &EXPS, swap_fee: u(E18 / 100), total_supply: supply, last_invariant: last }
    }

    #[test]
    fn init_mints_invariant_times_n_and_takes_exact_amounts() {
        let w = weights();
        let amounts = [u(800 * E18), u(200_000_000)];
        let out = init(&view(&w, U256::ZERO, U256::ZERO), &amounts).unwrap();
        let inv = wm::calculate_invariant(&w, &[u(800 * E18), u(200 * E18)]).unwrap();
        assert_eq!(out.bpt, inv * u(2));
        assert_eq!(out.amounts, amounts.to_vec());
        assert_eq!(out.last_invariant, inv);
        assert!(matches!(init(&view(&w, U256::ZERO, U256::ZERO), &[u(1)]), Err(PoolError::InputLengthMismatch(_))));
        assert!(matches!(init(&view(&w, U256::ZERO, U256::ZERO), &[u(1), u(1)]), Err(PoolError::BelowMinimumBpt(_)) | Err(PoolError::MathFailure(_))));
    }

    #[test]
    fn joins_round_amounts_in_up_and_check_limits() {
        let w = weights();
        let balances = [u(800 * E18), u(200_000_000)];
        let scaled = [u(800 * E18), u(200 * E18)];
        let supply = u(1000 * E18);
        let v = view(&w, supply, U256::ZERO);
        // Proportional: amounts rounded up in token units.
        let req = JoinRequest::AllTokensInForExactBptOut { bpt_out: u(E18) };
        let out = join(&v, &balances, U256::ZERO, &req).unwrap();
        let exact = wm::proportional_amounts_in(&scaled, supply, u(E18)).unwrap();
        assert_eq!(out.amounts, vec![exact[0], exact[1].div_ceil(u(1_000_000_000_000))]);
        assert_eq!(out.bpt, u(E18));
        // Min BPT out enforced.
        let req = JoinRequest::ExactTokensInForBptOut { amounts_in: vec![u(E18), u(1_000_000)], min_bpt_out: U256::MAX };
        assert!(matches!(join(&v, &balances, U256::ZERO, &req), Err(PoolError::BptOutMinAmount(_))));
        let req = JoinRequest::TokenInForExactBptOut { bpt_out: u(E18), token_index: u(2) };
        assert!(matches!(join(&v, &balances, U256::ZERO, &req), Err(PoolError::TokenIndexOutOfBounds(_))));
        assert!(matches!(join(&v, &balances, u(2 * E18), &req), Err(PoolError::InvalidProtocolSwapFee(_))));
    }

    #[test]
    fn protocol_fee_comes_from_the_max_weight_token() {
        let w = weights();
        let scaled = [u(880 * E18), u(200 * E18)];
        let balances = [scaled[0], u(200_000_000)];
        let last = wm::calculate_invariant(&w, &[u(800 * E18), u(200 * E18)]).unwrap();
        let current = wm::calculate_invariant(&w, &scaled).unwrap();
        let v = view(&w, u(1000 * E18), last);
        let req = JoinRequest::AllTokensInForExactBptOut { bpt_out: u(E18) };
        let out = join(&v, &balances, u(E18 / 2), &req).unwrap();
        let due = wm::calc_due_token_protocol_swap_fee_amount(scaled[0], w[0], last, current, u(E18 / 2)).unwrap();
        assert!(due > U256::ZERO);
        assert_eq!(out.due_protocol_fees, vec![due, U256::ZERO]);
        let net = [scaled[0] - due, scaled[1]];
        let exact = wm::proportional_amounts_in(&net, u(1000 * E18), u(E18)).unwrap();
        assert_eq!(out.amounts[0], exact[0]);
    }

    #[test]
    fn exits_respect_pause_and_recovery_is_proportional() {
        let w = weights();
        let balances = [u(800 * E18), u(200_000_000)];
        let supply = u(1000 * E18);
        let v = view(&w, supply, u(500 * E18));
        let rec = ExitRequest::Recovery { bpt_in: u(100 * E18) };
        assert!(matches!(exit(&v, &balances, U256::ZERO, &rec, false), Err(PoolError::PoolNotPaused(_))));
        let out = exit(&v, &balances, U256::ZERO, &rec, true).unwrap();
        assert_eq!(out.amounts, vec![u(80 * E18), u(20_000_000)]);
        assert_eq!(out.last_invariant, u(450 * E18));
        let single = ExitRequest::ExactBptInForOneTokenOut { bpt_in: u(E18), token_index: U256::ZERO };
        assert!(matches!(exit(&v, &balances, U256::ZERO, &single, true), Err(PoolError::PoolPaused(_))));
        let prop = ExitRequest::ExactBptInForTokensOut { bpt_in: u(10 * E18) };
        let out = exit(&v, &balances, u(E18 / 2), &prop, true).unwrap();
        assert_eq!(out.due_protocol_fees, vec![U256::ZERO, U256::ZERO]);
        assert_eq!(out.amounts, vec![u(8 * E18), u(2_000_000)]);
        let exact_out = ExitRequest::BptInForExactTokensOut { amounts_out: vec![u(E18), u(1_000_000)], max_bpt_in: U256::ZERO };
        assert!(matches!(exit(&v, &balances, U256::ZERO, &exact_out, false), Err(PoolError::BptInMaxAmount(_))));
    }
}
