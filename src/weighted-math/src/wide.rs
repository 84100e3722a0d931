//! Checked wide-integer helpers (U256 / U512) and Q192 fixed-point primitives.
//!
//! Q192: a `U256` holding `value * 2^192` (64 integer bits, 192 fraction bits). One ulp is
//! 2^-192 ≈ 1.6e-58. 192 = 3 limbs, so a Q192 product is limbs 3..=6 of the 512-bit product.
//! Nothing here panics: divisions check their divisor, shifts and products check overflow.

use crate::error::{MathError, MathResult};
use alloy_primitives::{U256, U512};

/// 1.0 in Q192.
pub(crate) const ONE_Q: U256 = U256::from_limbs([0, 0, 0, 1]);
/// 1e18, the fixed-point ONE.
pub(crate) const WAD: U256 = U256::from_limbs([1_000_000_000_000_000_000, 0, 0, 0]);

/// Full 256x256 -> 512-bit product (schoolbook on 64-bit limbs; cannot overflow:
/// each step is at most (2^64-1)^2 + 2(2^64-1) = 2^128 - 1).
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(crate) fn mul_wide(a: U256, b: U256) -> U512 {
    let x = a.as_limbs();
    let y = b.as_limbs();
    let mut r = [0u64; 8];
    for (i, xi) in x.iter().enumerate() {
        let mut carry: u128 = 0;
        for (j, yj) in y.iter().enumerate() {
            // i + j <= 6 < 8: in bounds.
            let t = (*xi as u128) * (*yj as u128) + (r[i + j] as u128) + carry;
            r[i + j] = t as u64;
            carry = t >> 64;
        }
        r[i + 4] = carry as u64;
    }
    U512::from_limbs(r)
}

/// floor(a * b / 2^192) for Q192 values; `Overflow` if the result needs more than 256 bits.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(crate) fn mulq(a: U256, b: U256) -> MathResult<U256> {
    let p = mul_wide(a, b);
    let l = p.as_limbs();
    if l[7] != 0 {
        return Err(MathError::Overflow);
    }
    Ok(U256::from_limbs([l[3], l[4], l[5], l[6]]))
}

/// Checked U256 product (our schoolbook, kept out of line on wasm: smaller than ruint's).
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(crate) fn mul_u256(a: U256, b: U256) -> MathResult<U256> {
    narrow(mul_wide(a, b))
}

/// x * k as U512 (never overflows: < 2^320).
pub(crate) fn mul_small(x: U256, k: u64) -> U512 {
    let mut r = [0u64; 8];
    let mut carry: u128 = 0;
    for (slot, xi) in r.iter_mut().zip(x.as_limbs()) {
        let t = (*xi as u128) * (k as u128) + carry;
        *slot = t as u64;
        carry = t >> 64;
    }
    r[4] = carry as u64;
    U512::from_limbs(r)
}

/// Checked U512 sum (out of line on wasm: an 8-limb carry chain is large).
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(crate) fn add_512(a: U512, b: U512) -> MathResult<U512> {
    a.checked_add(b).ok_or(MathError::Overflow)
}

/// U512 difference: `Underflow` if b > a.
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(crate) fn sub_512(a: U512, b: U512) -> MathResult<U512> {
    a.checked_sub(b).ok_or(MathError::Underflow)
}

/// max(a - b, 0) for U512.
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(crate) fn sat_sub_512(a: U512, b: U512) -> U512 {
    a.saturating_sub(b)
}

/// Widens a U256 to U512.
#[inline]
pub(crate) fn wide(a: U256) -> U512 {
    let l = a.as_limbs();
    U512::from_limbs([l[0], l[1], l[2], l[3], 0, 0, 0, 0])
}

/// Narrows a U512 to U256, `Overflow` if it does not fit.
#[inline]
pub(crate) fn narrow(a: U512) -> MathResult<U256> {
    let l = a.as_limbs();
    if l[4] | l[5] | l[6] | l[7] != 0 {
        return Err(MathError::Overflow);
    }
    Ok(U256::from_limbs([l[0], l[1], l[2], l[3]]))
}

/// (a / b, a % b) for U256, `ZeroDivision` if b == 0.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(crate) fn div_rem(a: U256, b: U256) -> MathResult<(U256, U256)> {
    let (q, r) = div_rem_512(wide(a), wide(b))?;
    Ok((narrow(q)?, narrow(r)?))
}

/// (a / b, a % b) for U512, `ZeroDivision` if b == 0 (our compact long division).
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(crate) fn div_rem_512(a: U512, b: U512) -> MathResult<(U512, U512)> {
    crate::divide::div_rem_limbs(a, b)
}

/// floor(a * b / c) exactly (512-bit intermediate); errors on c == 0 or a result > 256 bits.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(crate) fn mul_div_down(a: U256, b: U256, c: U256) -> MathResult<U256> {
    if c.is_zero() {
        return Err(MathError::ZeroDivision);
    }
    let (q, _) = div_rem_512(mul_wide(a, b), wide(c))?;
    narrow(q)
}

/// ceil(a * b / c) exactly (512-bit intermediate); errors on c == 0 or a result > 256 bits.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(crate) fn mul_div_up(a: U256, b: U256, c: U256) -> MathResult<U256> {
    if c.is_zero() {
        return Err(MathError::ZeroDivision);
    }
    let (q, r) = div_rem_512(mul_wide(a, b), wide(c))?;
    let q = narrow(q)?;
    if r.is_zero() {
        Ok(q)
    } else {
        q.checked_add(U256::ONE).ok_or(MathError::Overflow)
    }
}

/// floor or ceil of (a / b) for U512 values.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(crate) fn div_round_512(a: U512, b: U512, up: bool) -> MathResult<U512> {
    let (q, r) = div_rem_512(a, b)?;
    if up && !r.is_zero() {
        q.checked_add(U512::ONE).ok_or(MathError::Overflow)
    } else {
        Ok(q)
    }
}

/// Checked U512 product (schoolbook on the non-zero limbs; `Overflow` as soon as any
/// product limb at position >= 8 is non-zero).
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(crate) fn mul_512(a: U512, b: U512) -> MathResult<U512> {
    let x = a.as_limbs();
    let y = b.as_limbs();
    let ylen = 8 - (b.leading_zeros() / 64);
    let mut r = [0u64; 8];
    for (i, xi) in x.iter().enumerate() {
        if *xi == 0 {
            continue;
        }
        let mut carry: u128 = 0;
        for (j, yj) in y.iter().take(ylen).enumerate() {
            let k = i + j;
            let prev = r.get(k).copied().unwrap_or(0) as u128;
            let t = (*xi as u128) * (*yj as u128) + prev + carry;
            match r.get_mut(k) {
                Some(slot) => *slot = t as u64,
                None if t as u64 != 0 => return Err(MathError::Overflow),
                None => {}
            }
            carry = t >> 64;
        }
        if carry != 0 {
            match r.get_mut(i + ylen) {
                Some(slot) => *slot = carry as u64,
                None => return Err(MathError::Overflow),
            }
        }
    }
    Ok(U512::from_limbs(r))
}

/// floor (up = false) or ceil (up = true) of p * 2^sh, for any signed shift.
/// Left shifts that lose bits are `Overflow`; right shifts past 512 bits give 0 (floor)
/// or 1 (ceil, when p > 0).
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(crate) fn shift_round(p: U512, sh: i64, up: bool) -> MathResult<U512> {
    if p.is_zero() {
        return Ok(p);
    }
    if sh >= 0 {
        let s = usize::try_from(sh).map_err(|_| MathError::Overflow)?;
        if s >= 512 || (p.leading_zeros() < s) {
            return Err(MathError::Overflow);
        }
        return Ok(p << s);
    }
    let s = sh.unsigned_abs();
    if s >= 512 {
        return Ok(if up { U512::ONE } else { U512::ZERO });
    }
    let s = s as usize;
    let q = p >> s;
    if up && p.trailing_zeros() < s {
        q.checked_add(U512::ONE).ok_or(MathError::Overflow)
    } else {
        Ok(q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rng(s: &mut u64) -> u64 {
        *s ^= *s >> 12;
        *s ^= *s << 25;
        *s ^= *s >> 27;
        s.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn operand(s: &mut u64) -> U256 {
        let mut l = [0u64; 4];
        let n = (rng(s) % 5) as usize;
        for x in l.iter_mut().take(n) {
            *x = if rng(s).is_multiple_of(3) { u64::MAX } else { rng(s) };
        }
        U256::from_limbs(l)
    }

    #[test]
    fn products_match_ruint() {
        let mut s = 0x00A1_1CE5_u64;
        for _ in 0..100_000 {
            let (a, b) = (operand(&mut s), operand(&mut s));
            let full: U512 = a.widening_mul(b);
            assert_eq!(mul_wide(a, b), full);
            assert_eq!(mul_512(wide(a), wide(b)), Ok(full));
            assert_eq!(mul_u256(a, b).ok(), a.checked_mul(b));
            let k = rng(&mut s);
            assert_eq!(mul_small(a, k), wide(a) * U512::from(k));
            let big = full << 64usize;
            assert_eq!(mul_512(big, wide(b)).ok(), big.checked_mul(wide(b)));
        }
    }

    #[test]
    fn shift_round_directions() {
        let p = U512::from(11u64);
        assert_eq!(shift_round(p, -2, false), Ok(U512::from(2u64)));
        assert_eq!(shift_round(p, -2, true), Ok(U512::from(3u64)));
        assert_eq!(shift_round(p, 3, false), Ok(U512::from(88u64)));
        assert_eq!(shift_round(p, -600, true), Ok(U512::ONE));
        assert_eq!(shift_round(p, -600, false), Ok(U512::ZERO));
        assert_eq!(shift_round(p, 509, false), Err(MathError::Overflow));
    }
}
