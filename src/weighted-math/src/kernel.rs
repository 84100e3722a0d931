//! The two numeric kernels every power rests on: ln of a ratio of integers and exp, both in
//! Q192 fixed point (ulp = 2^-192), each with a proven absolute error bound.
//!
//! Why this shape: every weighted-pool formula is `C * (x^y - 1)` or `C * (1 - x^y)` or
//! `C * x^y` with x a ratio of integers. We evaluate `x^y = exp(y * ln(x))` with ln taken
//! directly on the integer ratio (so 1 - x is never formed with cancellation), keep an
//! absolute error bound on the exponent, and let `exp` return *bounds* (a lower and an
//! upper mantissa). The caller then rounds the lower bound down or the upper bound up, so
//! the direction is guaranteed although the internal value is approximate.
//!
//! Error bounds (ulps of 2^-192, derivations inline):
//! * `ln_ratio`: |computed - ln(a/b)| <= `LN_RATIO_ERR` (= 12) for any a, b in [1, 2^512).
//! * `exp_bounds`: for |z_true - z| <= err_z ulps, `lo * 2^(k-192) <= e^z_true <= hi * 2^(k-192)`
//!   with hi - lo <= 2 * (16 + 5 * err_z) and lo, hi within [2^192, 2^193] (± the margin).

use crate::constants::{LN2_DIV16_Q192, LN2_Q255, LN_MID, POW2_FRAC};
use crate::error::{MathError, MathResult};
use crate::wide::{div_rem_512, mul_512, mul_wide, mulq, narrow, shift_round, wide, ONE_Q};
use alloy_primitives::{U256, U512};

/// Proven bound on the absolute error of `ln_ratio`, in ulps (derivation: `ln_mantissa`
/// <= 5.1, mantissa quotient <= 2, exponent * ln2 <= 1, normalisation < 0.01).
pub(crate) const LN_RATIO_ERR: u64 = 12;
/// Proven bound on the error of the `exp` kernel itself, in mantissa ulps (<= 8 derived).
const EXP_KERNEL_ERR: u64 = 16;
/// |z| at or above 2^30 is outside any representable result (e^(2^30) has ~1.5e9 bits).
const Z_LIMIT: U256 = U256::from_limbs([0, 0, 0, 1 << 30]);
/// 2.0 in Q192.
const TWO_Q: U256 = U256::from_limbs([0, 0, 0, 2]);

/// x * 2^192 as U512 (a limb move).
fn times_2_192(x: U256) -> U512 {
    let l = x.as_limbs();
    U512::from_limbs([0, 0, 0, l[0], l[1], l[2], l[3], 0])
}

/// A signed Q192 number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fx {
    pub neg: bool,
    pub mag: U256,
}

impl Fx {
    pub const ZERO: Fx = Fx { neg: false, mag: U256::ZERO };

    pub fn new(neg: bool, mag: U256) -> Fx {
        Fx { neg: neg && !mag.is_zero(), mag }
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn add(self, o: Fx) -> MathResult<Fx> {
        if self.neg == o.neg {
            let mag = self.mag.checked_add(o.mag).ok_or(MathError::Overflow)?;
            Ok(Fx::new(self.neg, mag))
        } else if self.mag >= o.mag {
            Ok(Fx::new(self.neg, self.mag - o.mag))
        } else {
            Ok(Fx::new(o.neg, o.mag - self.mag))
        }
    }
}

/// Reciprocals floor(2^192 / (2i+1)) for the atanh series, computed at compile time.
const ATANH_TERMS: usize = 16;
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
const RECIP_ODD: [U256; ATANH_TERMS] = {
    let mut t = [U256::ZERO; ATANH_TERMS];
    let mut i = 0;
    while i < ATANH_TERMS {
        // 2^192 / d with d < 2^64: long division of the single top limb.
        let d = (2 * i + 1) as u128;
        let mut limbs = [0u64; 4];
        let mut rem: u128 = 1; // the limb holding 2^192 is limb 3 = 1
        // limb 3
        limbs[3] = (rem / d) as u64;
        rem %= d;
        let mut l = 3;
        while l > 0 {
            l -= 1;
            let cur = rem << 64;
            limbs[l] = (cur / d) as u64;
            rem = cur % d;
        }
        t[i] = U256::from_limbs(limbs);
        i += 1;
    }
    t
};

/// 1/i! in Q192 for i = 0..=24, computed at compile time by repeated exact long division
/// (floor at each step: every entry is at most 1 ulp below the real value).
const EXP_TERMS: usize = 25;
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
const INV_FACT: [U256; EXP_TERMS] = {
    let mut t = [U256::ZERO; EXP_TERMS];
    let mut cur = [0u64, 0, 0, 1]; // 2^192
    let mut i = 0;
    while i < EXP_TERMS {
        if i > 0 {
            let d = i as u128;
            let mut rem: u128 = 0;
            let mut l = 4;
            while l > 0 {
                l -= 1;
                let x = (rem << 64) | cur[l] as u128;
                cur[l] = (x / d) as u64;
                rem = x % d;
            }
        }
        t[i] = U256::from_limbs(cur);
        i += 1;
    }
    t
};

/// floor(a / d) for a small non-zero divisor (64-bit long division).
fn div_small(a: U256, d: u64) -> MathResult<U256> {
    if d == 0 {
        return Err(MathError::ZeroDivision);
    }
    let l = a.as_limbs();
    let mut q = [0u64; 4];
    let mut rem: u64 = 0;
    for (qi, li) in q.iter_mut().zip(l).rev() {
        (*qi, rem) = crate::divide::div_128_by_64(rem, *li, d); // rem < d
    }
    Ok(U256::from_limbs(q))
}

/// The series coefficients. On the host they come from the compile-time tables (speed); on
/// wasm32 they are recomputed with the same floor divisions (no 1.3 KB of table data in the
/// contract). The values are identical (unit test `runtime_coefficients_equal_tables`), so
/// results and error bounds do not depend on the target.
#[cfg(not(target_arch = "wasm32"))]
fn series_coefficients() -> MathResult<([U256; ATANH_TERMS], [U256; EXP_TERMS])> {
    Ok((RECIP_ODD, INV_FACT))
}

#[cfg(target_arch = "wasm32")]
fn series_coefficients() -> MathResult<([U256; ATANH_TERMS], [U256; EXP_TERMS])> {
    runtime_coefficients()
}

#[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
fn runtime_coefficients() -> MathResult<([U256; ATANH_TERMS], [U256; EXP_TERMS])> {
    let mut odd = [U256::ZERO; ATANH_TERMS];
    for (i, c) in odd.iter_mut().enumerate() {
        *c = div_small(ONE_Q, 2 * i as u64 + 1)?;
    }
    let mut fact = [U256::ZERO; EXP_TERMS];
    let mut cur = ONE_Q;
    for (i, c) in fact.iter_mut().enumerate() {
        if i > 0 {
            cur = div_small(cur, i as u64)?;
        }
        *c = cur;
    }
    Ok((odd, fact))
}

/// ln(m) for m in [2^192, 2^193) (i.e. [1, 2) in Q192). Error <= 5.1 ulp.
///
/// m = c_j * r with c_j = (33+2j)/32 the midpoint of m's 1/16-wide interval, so |r-1| <= 1/33;
/// ln r = 2 atanh(s), s = (r-1)/(r+1) = (32m - (33+2j)2^192) / (32m + (33+2j)2^192) (exact
/// integers), |s| <= 1/65. Series sum_{i<=15} s^{2i}/(2i+1) in Horner form; tail
/// 2s s^32/33 < 2^-202.
/// Errors: s floor < 1; T = s^2: 1.02; Horner accumulator: 3.04; 2*s*acc: 4.05; tail 0.5;
/// LN_MID rounding 0.5.
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn ln_mantissa(m: U256) -> MathResult<Fx> {
    let frac = m.checked_sub(ONE_Q).ok_or(MathError::OutOfDomain)?;
    let j64 = frac.as_limbs()[2] >> 60; // bits 188..191 (frac < 2^192)
    if j64 >= 16 {
        return Err(MathError::OutOfDomain);
    }
    let j = j64 as usize;
    let a = crate::wide::mul_u256(m, U256::from(32u64))?; // 32 m < 2^198
    let b = U256::from_limbs([0, 0, 0, 33 + 2 * j64]); // (33+2j) 2^192 < 2^198
    let (neg, num) = if a >= b { (false, a - b) } else { (true, b - a) };
    let den = a.checked_add(b).ok_or(MathError::Overflow)?;
    let (s_wide, _) = div_rem_512(times_2_192(num), wide(den))?;
    let s = narrow(s_wide)?;
    let t = mulq(s, s)?;
    let (recip_odd, _) = series_coefficients()?;
    let mut acc = recip_odd[ATANH_TERMS - 1];
    for c in recip_odd[..ATANH_TERMS - 1].iter().rev() {
        acc = c.checked_add(mulq(t, acc)?).ok_or(MathError::Overflow)?;
    }
    let half = mulq(s, acc)?;
    let ln_r = Fx::new(neg, half.checked_add(half).ok_or(MathError::Overflow)?);
    let ln_c = LN_MID.get(j).copied().ok_or(MathError::OutOfDomain)?;
    ln_r.add(Fx::new(false, ln_c))
}

/// Bring a non-zero U512 to a U256 with its top bit at position 255, truncating low bits
/// (relative error < 2^-255). Returns the value and e with a = value * 2^(e - 255).
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn normalize(a: U512) -> MathResult<(U256, i64)> {
    let bits = a.bit_len();
    if bits == 0 {
        return Err(MathError::OutOfDomain);
    }
    let e = bits as i64 - 1;
    let v = if bits > 256 { a >> (bits - 256) } else { a << (256 - bits) };
    Ok((narrow(v)?, e))
}

/// ln(a / b) for integers a, b >= 1, in Q192, with |error| <= `LN_RATIO_ERR` ulps.
///
/// Both are normalised to 256-bit mantissas (error < 2^-254 relative together), their
/// quotient q = floor(a' 2^192 / b') in [2^191, 2^193) is brought to [2^192, 2^193) (error
/// <= 2 ulps relative), and ln(a/b) = ln(q/2^192) + e ln2 with e ln2 from a 255-bit ln2
/// (floor: <= 1 ulp).
pub(crate) fn ln_ratio(a: U512, b: U512) -> MathResult<Fx> {
    if a.is_zero() || b.is_zero() {
        return Err(MathError::OutOfDomain);
    }
    if a == b {
        return Ok(Fx::ZERO);
    }
    let (an, ea) = normalize(a)?;
    let (bn, eb) = normalize(b)?;
    let (q_wide, _) = div_rem_512(times_2_192(an), wide(bn))?;
    let mut q = narrow(q_wide)?;
    let mut e = ea - eb;
    if q < ONE_Q {
        q = q.checked_add(q).ok_or(MathError::Overflow)?;
        e -= 1;
    }
    let ln_m = ln_mantissa(q)?;
    if e == 0 {
        return Ok(ln_m);
    }
    let e_abs = U512::from(e.unsigned_abs());
    let e_ln2 = narrow(shift_round(mul_512(wide(LN2_Q255), e_abs)?, -63, false)?)?;
    ln_m.add(Fx::new(e < 0, e_ln2))
}

/// ln(a) for a U256 integer a >= 1 (convenience).
pub(crate) fn ln_ratio_256(a: U256, b: U256) -> MathResult<Fx> {
    ln_ratio(wide(a), wide(b))
}

/// z * num / den with its error bound: returns (value, err) where err >= err_z*num/den + 1.
/// A result of magnitude >= 2^30 is clamped when negative (exp of it underflows every
/// representable bound anyway; `exp_bounds` treats it as "below 2^-(2^30)") and is an
/// `Overflow` when positive.
pub(crate) fn scale(z: Fx, err_z: U256, num: U256, den: U256) -> MathResult<(Fx, U256)> {
    if den.is_zero() {
        return Err(MathError::ZeroDivision);
    }
    let (q, _) = div_rem_512(mul_wide(z.mag, num), wide(den))?;
    let err = crate::wide::mul_div_up(err_z, num, den)
        .map_err(|_| MathError::PrecisionLoss)?
        .checked_add(U256::ONE)
        .ok_or(MathError::PrecisionLoss)?;
    let limit = wide(Z_LIMIT);
    if q >= limit {
        if z.neg {
            return Ok((Fx::new(true, narrow(limit)?), err));
        }
        return Err(MathError::Overflow);
    }
    Ok((Fx::new(z.neg, narrow(q)?), err))
}

/// Rigorous bounds on e^z: the true value lies in [lo, hi] * 2^(k - 192).
#[derive(Clone, Copy, Debug)]
pub(crate) struct ExpBounds {
    pub lo: U256,
    pub hi: U256,
    pub k: i64,
}

impl ExpBounds {
    /// floor(c * lower(e^z) * 2^extra): a lower bound of c e^z 2^extra.
    pub fn lower(&self, c: U512, extra: i64) -> MathResult<U512> {
        shift_round(mul_512(c, wide(self.lo))?, self.k - 192 + extra, false)
    }
    /// ceil(c * upper(e^z) * 2^extra): an upper bound of c e^z 2^extra.
    pub fn upper(&self, c: U512, extra: i64) -> MathResult<U512> {
        shift_round(mul_512(c, wide(self.hi))?, self.k - 192 + extra, true)
    }
}

/// n * ln2 / 16 in Q192, floor (error <= 1 ulp for n < 2^40).
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn n_ln2_div16(n: u64) -> MathResult<U256> {
    narrow(shift_round(mul_512(wide(LN2_Q255), U512::from(n))?, -67, false)?)
}

/// Bounds on e^z for z known to within err_z ulps.
///
/// z = n ln2/16 + r with 0 <= r < ln2/16 (n from an estimated quotient, then fixed so r is
/// in range; n ln2/16 computed from a 255-bit ln2: <= 1 ulp); e^r by Taylor/Horner with 25
/// terms (r < 2^-4.5, tail r^25/25! < 2^-196; Horner: coefficient floor + product floor per step,
/// propagated by r: <= 2.05 ulp); times
/// 2^(j/16) (table, 0.5 ulp): mantissa error <= 5.7 + 2.1 (from r) < 8 = half of
/// `EXP_KERNEL_ERR`. The input uncertainty adds at most 5 ulps per ulp of err_z.
pub(crate) fn exp_bounds(z: Fx, err_z: U256) -> MathResult<ExpBounds> {
    if err_z > U256::from_limbs([0, 0, 1, 0]) {
        return Err(MathError::PrecisionLoss);
    }
    let margin = crate::wide::mul_u256(err_z, U256::from(5u64))?
        .checked_add(U256::from(EXP_KERNEL_ERR))
        .ok_or(MathError::PrecisionLoss)?;
    if z.mag >= Z_LIMIT {
        if z.neg {
            // e^z < 2^-(2^30): any lower bound >= 0 and the upper bound 2^-(2^30) are valid.
            return Ok(ExpBounds { lo: U256::ZERO, hi: ONE_Q, k: -(1i64 << 30) });
        }
        return Err(MathError::Overflow);
    }
    if z.mag.is_zero() {
        let lo = ONE_Q.saturating_sub(margin);
        let hi = ONE_Q.checked_add(margin).ok_or(MathError::Overflow)?;
        return Ok(ExpBounds { lo, hi, k: 0 });
    }
    let (q, _) = crate::wide::div_rem(z.mag, LN2_DIV16_Q192)?;
    let q = q.as_limbs()[0]; // |z| < 2^30 so q < 2^36
    // Find n (signed) with r = z - n ln2/16 in [0, ln2/16).
    let (n_neg, n_abs, r) = if !z.neg {
        let mut n = q;
        loop {
            let p = n_ln2_div16(n)?;
            if p > z.mag {
                n = n.checked_sub(1).ok_or(MathError::Overflow)?;
                continue;
            }
            let r = z.mag - p;
            if r >= LN2_DIV16_Q192 && n_ln2_div16(n + 1)? <= z.mag {
                n += 1;
                continue;
            }
            break (false, n, r);
        }
    } else {
        let mut n = q + 1;
        loop {
            let p = n_ln2_div16(n)?;
            if p < z.mag {
                n += 1;
                continue;
            }
            let r = p - z.mag;
            if r >= LN2_DIV16_Q192 && n > 0 && n_ln2_div16(n - 1)? >= z.mag {
                n -= 1;
                continue;
            }
            break (true, n, r);
        }
    };
    // e^r = sum_{i<=24} r^i/i!, Horner with the Q192 coefficients 1/i! (each <= 1 ulp low).
    let (_, inv_fact) = series_coefficients()?;
    let mut p = inv_fact[EXP_TERMS - 1];
    for c in inv_fact[..EXP_TERMS - 1].iter().rev() {
        p = c.checked_add(mulq(r, p)?).ok_or(MathError::Overflow)?;
    }
    // n = 16 k + j with 0 <= j < 16 (floor division for negative n).
    let (k, j) = if !n_neg {
        ((n_abs >> 4) as i64, (n_abs & 15) as usize)
    } else {
        let rem = (n_abs & 15) as usize;
        let quo = (n_abs >> 4) as i64;
        if rem == 0 { (-quo, 0) } else { (-quo - 1, 16 - rem) }
    };
    let t = POW2_FRAC.get(j).copied().ok_or(MathError::Overflow)?;
    let mut m = mulq(p, t)?;
    let mut k = k;
    if m >= TWO_Q {
        m = m.wrapping_shr(1); // halving: cannot overflow
        k += 1;
    }
    let lo = m.saturating_sub(margin);
    let hi = m.checked_add(margin).ok_or(MathError::Overflow)?;
    Ok(ExpBounds { lo, hi, k })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wide::mul_wide;

    fn q(v: U256) -> U512 {
        wide(v)
    }

    #[test]
    fn series_coefficients_are_floors() {
        // INV_FACT[i] * i! <= 2^192 < (INV_FACT[i] + i!) ... i.e. within 1 ulp below 1/i!.
        let mut f = U512::ONE;
        for (i, c) in INV_FACT.iter().enumerate() {
            if i > 0 {
                f *= U512::from(i as u64);
            }
            let lo = q(*c) * f;
            let hi = (q(*c) + U512::from(2u64)) * f;
            assert!(lo <= q(ONE_Q) && q(ONE_Q) < hi, "1/{i}!");
        }
        for (i, c) in RECIP_ODD.iter().enumerate() {
            let d = U512::from(2 * i as u64 + 1);
            assert!(q(*c) * d <= q(ONE_Q) && q(ONE_Q) < (q(*c) + U512::ONE) * d);
        }
    }

    #[test]
    fn runtime_coefficients_equal_tables() {
        assert_eq!(runtime_coefficients(), Ok((RECIP_ODD, INV_FACT)));
    }

    #[test]
    fn pow2_table_matches_powers_of_two() {
        // (2^(j/16))^16 = 2^j: 16 chained products amplify the 0.5-ulp table error ~16x.
        for (j, t) in POW2_FRAC.iter().enumerate() {
            let mut acc = ONE_Q;
            for _ in 0..16 {
                acc = narrow(mul_wide(acc, *t) >> 192usize).unwrap_or_default();
            }
            let want = ONE_Q << j;
            let d = if acc > want { acc - want } else { want - acc };
            assert!(d < (U256::from(1u64 << 8) << j), "2^({j}/16)");
        }
    }

    #[test]
    fn ln_table_consistent_with_exp() {
        // exp(LN_MID[j]) must bracket (33+2j)/32.
        for (j, l) in LN_MID.iter().enumerate() {
            let b = exp_bounds(Fx::new(false, *l), U256::ONE).unwrap_or(ExpBounds { lo: U256::ZERO, hi: U256::ZERO, k: 0 });
            let want = wide(U256::from(33 + 2 * j as u64)) << 187usize; // (33+2j)/32 in Q192
            let lo = shift_round(wide(b.lo), b.k, false).unwrap_or_default();
            let hi = shift_round(wide(b.hi), b.k, true).unwrap_or_default();
            assert!(lo <= want && want <= hi, "ln((33+2*{j})/32)");
        }
    }

    #[test]
    fn ln_of_powers_of_two_and_ten() {
        // ln(2^k) = k ln2 within the bound; ln(10^18 / 10^18) = 0 exactly.
        for k in [1usize, 7, 64, 200, 300] {
            let l = ln_ratio(U512::ONE << k, U512::ONE).unwrap_or(Fx::ZERO);
            let want = narrow(shift_round(wide(LN2_Q255) * U512::from(k as u64), -63, false).unwrap_or_default()).unwrap_or_default();
            let d = if l.mag > want { l.mag - want } else { want - l.mag };
            assert!(d <= U256::from(LN_RATIO_ERR), "ln(2^{k}) off by {d}");
        }
        assert_eq!(ln_ratio_256(U256::from(7u64), U256::from(7u64)), Ok(Fx::ZERO));
    }

    #[test]
    fn exp_of_zero_and_large_negative() {
        let b = exp_bounds(Fx::ZERO, U256::ZERO).unwrap_or(ExpBounds { lo: U256::MAX, hi: U256::ZERO, k: 9 });
        assert!(b.lo <= ONE_Q && ONE_Q <= b.hi && b.k == 0);
        let huge = Fx::new(true, U256::ONE << 250usize);
        let b = exp_bounds(huge, U256::ZERO).unwrap_or(ExpBounds { lo: U256::MAX, hi: U256::ZERO, k: 9 });
        assert!(b.lo.is_zero() && b.k < -1_000_000);
        assert_eq!(exp_bounds(Fx::new(false, U256::ONE << 250usize), U256::ZERO).err(), Some(MathError::Overflow));
    }
}
