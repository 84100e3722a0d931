//! Joins and exits (Balancer V2 WeightedMath semantics, exact rounding).
//!
//! Each function evaluates the real-valued V2 formula (the one the reference vectors state)
//! with exact rationals for ratios and fees and the Q192 kernels for the powers, and rounds
//! in the pool's favour from rigorous bounds: BPT out and tokens out never exceed the exact
//! value, BPT in and tokens in are never below it; error <= 1 wei (2 for the fee-split
//! single-token formulas) + 2^-160 relative.

use crate::bounds::{
    at_most_one, from_q64, growth_down, growth_up, mul_div_512, ratio_pow, shrink_down, shrink_up,
    WeightedLogSum, WAD2,
};
use crate::error::{MathError, MathResult};
use crate::fixed_point::div_up;
use crate::wide::{add_512, div_rem_512, mul_512, mul_div_down, narrow, sat_sub_512, sub_512, wide, ONE_Q, WAD};
use alloc::vec::Vec;
use alloy_primitives::{U256, U512};

/// Single-token joins may grow the invariant at most 3x.
pub const MAX_INVARIANT_RATIO: U256 = U256::from_limbs([3_000_000_000_000_000_000, 0, 0, 0]);
/// Single-token exits may shrink the invariant at most to 0.7x.
pub const MIN_INVARIANT_RATIO: U256 = U256::from_limbs([700_000_000_000_000_000, 0, 0, 0]);

/// 1e18 - x (`OutOfDomain` if x > 1e18).
fn one_minus(x: U256) -> MathResult<U256> {
    WAD.checked_sub(x).ok_or(MathError::OutOfDomain)
}

/// 1e36 - a b for a, b <= 1e18 (the fee factors, scaled by 1e36).
fn one_minus_product(a: U256, b: U256) -> MathResult<U256> {
    let p = crate::wide::mul_u256(a, b)?;
    WAD2.checked_sub(p).ok_or(MathError::OutOfDomain)
}

fn check_lengths(a: usize, b: usize, c: usize) -> MathResult<()> {
    if a == 0 || a != b || a != c {
        return Err(MathError::LengthMismatch);
    }
    Ok(())
}

/// Weights must be normalised: the fee split assumes they sum to exactly 1e18.
fn check_weights(w: &[U256]) -> MathResult<()> {
    let mut sum = U256::ZERO;
    for x in w {
        sum = sum.checked_add(*x).ok_or(MathError::OutOfDomain)?;
    }
    if sum != WAD {
        return Err(MathError::OutOfDomain);
    }
    Ok(())
}

/// Balance ratios a_i = A_i / B_i in Q192 as (floor, ceil), and s_lo = floor(sum w_i a_i).
fn ratios(balances: &[U256], weights: &[U256], amounts: &[U256]) -> MathResult<(Vec<(U512, U512)>, U512)> {
    let mut out = Vec::with_capacity(balances.len());
    let mut s_lo = U512::ZERO;
    for ((b, w), a) in balances.iter().zip(weights).zip(amounts) {
        if b.is_zero() {
            return Err(MathError::ZeroDivision);
        }
        let (lo, rem) = div_rem_512(wide(*a) << 192usize, wide(*b))?;
        let hi = if rem.is_zero() { lo } else { add_512(lo, U512::ONE)? };
        let term = mul_div_512(lo, wide(*w), wide(WAD), false)?;
        s_lo = add_512(s_lo, term)?;
        out.push((lo, hi));
    }
    Ok((out, s_lo))
}

/// BPT out for exact amounts in (multi-token join), rounded down.
///
/// Exact: s = sum w_i A_i/B_i; each amount above the proportional share B_i s is taxed at f:
/// A_net = A - max(0, A - B s) f; BPT = S (prod((B + A_net)/B)^w - 1), or 0.
/// u_i = A_net/B is increasing in A_i/B_i and in s, so evaluating it at floor bounds of
/// both (and rounding the fee up) gives a lower bound; then one exp for the product.
pub fn calc_bpt_out_given_exact_tokens_in(
    balances: &[U256],
    normalized_weights: &[U256],
    amounts_in: &[U256],
    bpt_total_supply: U256,
    swap_fee: U256,
) -> MathResult<U256> {
    check_lengths(balances.len(), normalized_weights.len(), amounts_in.len())?;
    check_weights(normalized_weights)?;
    at_most_one(swap_fee)?;
    let (rs, s_lo) = ratios(balances, normalized_weights, amounts_in)?;
    let mut sum = WeightedLogSum::new();
    let one = wide(ONE_Q);
    for ((lo, _), w) in rs.iter().zip(normalized_weights) {
        if lo.is_zero() {
            continue;
        }
        let taxable = sat_sub_512(*lo, s_lo);
        let fee = mul_div_512(taxable, wide(swap_fee), wide(WAD), true)?;
        let u = sub_512(*lo, fee)?;
        let x = add_512(one, u)?;
        sum.add(x, one, *w)?;
    }
    if sum.z.mag.is_zero() {
        return Ok(U256::ZERO);
    }
    narrow(growth_down(wide(bpt_total_supply), &sum.bounds()?, 0)?)
}

/// BPT in for exact amounts out (multi-token exit), rounded up.
///
/// Exact: s = sum w_i A_i/B_i; the part of each amount above B_i s is grossed up by
/// 1/(1-f): g = a + max(0, a - s) f/(1-f); BPT = S (1 - prod(1 - g_i)^w).
/// g is increasing in a_i and decreasing in s: evaluated at (ceil a_i, floor s), fee up.
/// `Underflow` if a grossed-up amount reaches the balance.
pub fn calc_bpt_in_given_exact_tokens_out(
    balances: &[U256],
    normalized_weights: &[U256],
    amounts_out: &[U256],
    bpt_total_supply: U256,
    swap_fee: U256,
) -> MathResult<U256> {
    check_lengths(balances.len(), normalized_weights.len(), amounts_out.len())?;
    check_weights(normalized_weights)?;
    if swap_fee >= WAD {
        return Err(MathError::ZeroDivision);
    }
    let (rs, s_lo) = ratios(balances, normalized_weights, amounts_out)?;
    let mut sum = WeightedLogSum::new();
    let one = wide(ONE_Q);
    let fee = wide(swap_fee);
    let fee_c = wide(one_minus(swap_fee)?);
    for ((_, hi), w) in rs.iter().zip(normalized_weights) {
        if hi.is_zero() {
            continue;
        }
        let taxable = sat_sub_512(*hi, s_lo);
        let extra = mul_div_512(taxable, fee, fee_c, true)?;
        let g = add_512(*hi, extra)?;
        if g >= one {
            return Err(MathError::Underflow);
        }
        sum.add(one - g, one, *w)?;
    }
    if sum.z.mag.is_zero() {
        return Ok(U256::ZERO);
    }
    narrow(shrink_up(wide(bpt_total_supply), &sum.bounds()?, 0)?)
}

/// BPT out for an exact amount of one token in, rounded down:
/// `S ((1 + A (1 - (1-w) f) / B)^w - 1)`.
pub fn calc_bpt_out_given_exact_token_in(
    balance: U256,
    normalized_weight: U256,
    amount_in: U256,
    bpt_total_supply: U256,
    swap_fee: U256,
) -> MathResult<U256> {
    at_most_one(normalized_weight)?;
    at_most_one(swap_fee)?;
    if balance.is_zero() {
        return Err(MathError::ZeroDivision);
    }
    if amount_in.is_zero() || normalized_weight.is_zero() {
        return Ok(U256::ZERO);
    }
    // (B 1e36 + A (1e36 - (1e18 - w) f)) / (B 1e36), all exact integers.
    let factor = one_minus_product(one_minus(normalized_weight)?, swap_fee)?; // 1e36 - (1e18 - w) f
    let den = mul_512(wide(balance), wide(WAD2))?;
    let add = mul_512(wide(amount_in), wide(factor))?;
    let num = add_512(den, add)?;
    let e = ratio_pow(num, den, normalized_weight, WAD)?;
    narrow(growth_down(wide(bpt_total_supply), &e, 0)?)
}

/// BPT in for an exact amount of one token out, rounded up:
/// `S (1 - ((B - A (w + (1-w)/(1-f))) / B)^w)`. `Underflow` if the grossed-up amount
/// exceeds the balance (exactly equal gives S).
pub fn calc_bpt_in_given_exact_token_out(
    balance: U256,
    normalized_weight: U256,
    amount_out: U256,
    bpt_total_supply: U256,
    swap_fee: U256,
) -> MathResult<U256> {
    at_most_one(normalized_weight)?;
    if swap_fee >= WAD {
        return Err(MathError::ZeroDivision);
    }
    if balance.is_zero() {
        return Err(MathError::ZeroDivision);
    }
    if amount_out.is_zero() || normalized_weight.is_zero() {
        return Ok(U256::ZERO);
    }
    // (B (1e18 - f) 1e18 - A (1e36 - w f)) / (B (1e18 - f) 1e18)
    let den = mul_512(mul_512(wide(balance), wide(one_minus(swap_fee)?))?, wide(WAD))?;
    let gross = mul_512(wide(amount_out), wide(one_minus_product(normalized_weight, swap_fee)?))?;
    let num = sub_512(den, gross)?;
    if num.is_zero() {
        return Ok(bpt_total_supply);
    }
    let e = ratio_pow(num, den, normalized_weight, WAD)?;
    narrow(shrink_up(wide(bpt_total_supply), &e, 0)?)
}

/// Token in for an exact BPT amount out, rounded up:
/// `B (((S + bpt)/S)^(1/w) - 1) (w + (1-w)/(1-f))`.
/// `MaxInvariantRatio` if divUp(S + bpt, S) > 3e18 (V2's check, bit for bit).
pub fn calc_token_in_given_exact_bpt_out(
    balance: U256,
    normalized_weight: U256,
    bpt_amount_out: U256,
    bpt_total_supply: U256,
    swap_fee: U256,
) -> MathResult<U256> {
    at_most_one(normalized_weight)?;
    if normalized_weight.is_zero() || swap_fee >= WAD || bpt_total_supply.is_zero() {
        return Err(MathError::ZeroDivision);
    }
    let new_supply = bpt_total_supply.checked_add(bpt_amount_out).ok_or(MathError::Overflow)?;
    if div_up(new_supply, bpt_total_supply)? > MAX_INVARIANT_RATIO {
        return Err(MathError::MaxInvariantRatio);
    }
    if bpt_amount_out.is_zero() || balance.is_zero() {
        return Ok(U256::ZERO);
    }
    let e = ratio_pow(wide(new_supply), wide(bpt_total_supply), WAD, normalized_weight)?;
    let no_fee_q64 = growth_up(wide(balance), &e, 64)?;
    let num = wide(one_minus_product(normalized_weight, swap_fee)?);
    let den = mul_512(wide(one_minus(swap_fee)?), wide(WAD))?;
    from_q64(mul_div_512(no_fee_q64, num, den, true)?, true)
}

/// Token out for an exact BPT amount in, rounded down:
/// `B (1 - ((S - bpt)/S)^(1/w)) (w + (1-w)(1-f))`.
/// `MinInvariantRatio` if divUp(S - bpt, S) < 0.7e18 (V2's check); `Underflow` if bpt > S.
pub fn calc_token_out_given_exact_bpt_in(
    balance: U256,
    normalized_weight: U256,
    bpt_amount_in: U256,
    bpt_total_supply: U256,
    swap_fee: U256,
) -> MathResult<U256> {
    at_most_one(normalized_weight)?;
    at_most_one(swap_fee)?;
    if normalized_weight.is_zero() || bpt_total_supply.is_zero() {
        return Err(MathError::ZeroDivision);
    }
    let rest = bpt_total_supply.checked_sub(bpt_amount_in).ok_or(MathError::Underflow)?;
    if div_up(rest, bpt_total_supply)? < MIN_INVARIANT_RATIO {
        return Err(MathError::MinInvariantRatio);
    }
    if bpt_amount_in.is_zero() || balance.is_zero() {
        return Ok(U256::ZERO);
    }
    let e = ratio_pow(wide(rest), wide(bpt_total_supply), WAD, normalized_weight)?;
    let no_fee_q64 = shrink_down(wide(balance), &e, 64)?;
    let num = wide(one_minus_product(one_minus(normalized_weight)?, swap_fee)?);
    from_q64(mul_div_512(no_fee_q64, num, wide(WAD2), false)?, false)
}

/// BPT to mint when adding a token of weight w: `S w / (1 - w)`, rounded down.
/// `ZeroDivision` for w = 1e18, `OutOfDomain` above.
pub fn calc_bpt_out_add_token(bpt_total_supply: U256, normalized_weight: U256) -> MathResult<U256> {
    at_most_one(normalized_weight)?;
    mul_div_down(bpt_total_supply, normalized_weight, one_minus(normalized_weight)?)
}

fn proportional(balances: &[U256], bpt_total_supply: U256, bpt_amount: U256, up: bool) -> MathResult<Vec<U256>> {
    if bpt_total_supply.is_zero() {
        return Err(MathError::ZeroDivision);
    }
    let mut out = Vec::with_capacity(balances.len());
    for b in balances {
        let v = if up {
            crate::wide::mul_div_up(*b, bpt_amount, bpt_total_supply)?
        } else {
            mul_div_down(*b, bpt_amount, bpt_total_supply)?
        };
        out.push(v);
    }
    Ok(out)
}

/// Amounts in for a proportional join minting `bpt_amount_out`: ceil(B_i bpt / S), exact.
pub fn proportional_amounts_in(balances: &[U256], bpt_total_supply: U256, bpt_amount_out: U256) -> MathResult<Vec<U256>> {
    proportional(balances, bpt_total_supply, bpt_amount_out, true)
}

/// Amounts out for a proportional exit burning `bpt_amount_in`: floor(B_i bpt / S), exact.
pub fn proportional_amounts_out(balances: &[U256], bpt_total_supply: U256, bpt_amount_in: U256) -> MathResult<Vec<U256>> {
    proportional(balances, bpt_total_supply, bpt_amount_in, false)
}
