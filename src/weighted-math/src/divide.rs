//! Long division of 512-bit integers (Knuth, TAOCP vol. 2, 4.3.1, algorithm D, with 64-bit
//! limbs and 128-bit intermediates).
//!
//! Why our own: ruint's division is generic and monomorphised per width; on wasm32 the two
//! copies we needed (U256, U512) were ~15 KB of the contract. One compact routine serves
//! every width here (U256 values are widened). Checked against ruint in the tests below.
//!
//! All indices are bounded by construction: n (divisor limbs) and m (numerator limbs) are
//! <= 8, `un` has 9 slots, and every access is `i + j` with `i < n`, `j <= m - n`.

use crate::error::{MathError, MathResult};
use alloy_primitives::U512;

const B: u128 = 1 << 64;

/// (hi * 2^64 + lo) / d and the remainder, for hi < d (so the quotient fits 64 bits).
///
/// Knuth D with 32-bit digits on u64 only (Hacker's Delight `divlu`): no 128-bit division,
/// which on wasm32 would pull in compiler-builtins' ~1 KB `u128_div_rem`.
pub(crate) fn div_128_by_64(hi: u64, lo: u64, d: u64) -> (u64, u64) {
    const HALF: u64 = 1 << 32;
    let s = d.leading_zeros();
    let d = d << s;
    let (vn1, vn0) = (d >> 32, d & (HALF - 1));
    let un32 = if s == 0 { hi } else { (hi << s) | (lo >> (64 - s)) };
    let un10 = lo << s;
    let (un1, un0) = (un10 >> 32, un10 & (HALF - 1));
    let mut q1 = un32 / vn1;
    let mut rhat = un32 - q1 * vn1;
    while q1 >= HALF || q1 * vn0 > ((rhat << 32) | un1) {
        q1 -= 1;
        rhat += vn1;
        if rhat >= HALF {
            break;
        }
    }
    let un21 = (un32 << 32).wrapping_add(un1).wrapping_sub(q1.wrapping_mul(d));
    let mut q0 = un21 / vn1;
    rhat = un21 - q0 * vn1;
    while q0 >= HALF || q0 * vn0 > ((rhat << 32) | un0) {
        q0 -= 1;
        rhat += vn1;
        if rhat >= HALF {
            break;
        }
    }
    let r = (un21 << 32).wrapping_add(un0).wrapping_sub(q0.wrapping_mul(d)) >> s;
    ((q1 << 32) | q0, r)
}

fn significant_limbs(x: &[u64; 8]) -> usize {
    let mut n = 8;
    while n > 0 && x[n - 1] == 0 {
        n -= 1;
    }
    n
}

/// (a / b, a % b); `ZeroDivision` if b == 0.
pub(crate) fn div_rem_limbs(a: U512, b: U512) -> MathResult<(U512, U512)> {
    let u = a.as_limbs();
    let v = b.as_limbs();
    let n = significant_limbs(v);
    if n == 0 {
        return Err(MathError::ZeroDivision);
    }
    if a < b {
        return Ok((U512::ZERO, a));
    }
    let m = significant_limbs(u); // m >= n since a >= b
    let mut q = [0u64; 8];
    if n == 1 {
        let d = v[0];
        let mut r: u64 = 0;
        for i in (0..m).rev() {
            (q[i], r) = div_128_by_64(r, u[i], d); // r < d
        }
        return Ok((U512::from_limbs(q), U512::from(r)));
    }
    // Normalise so the divisor's top limb has its top bit set.
    let s = v[n - 1].leading_zeros();
    let shl = |hi: u64, lo: u64| if s == 0 { hi } else { (hi << s) | (lo >> (64 - s)) };
    let mut vn = [0u64; 8];
    for i in (1..n).rev() {
        vn[i] = shl(v[i], v[i - 1]);
    }
    vn[0] = v[0] << s;
    let mut un = [0u64; 9];
    un[m] = if s == 0 { 0 } else { u[m - 1] >> (64 - s) };
    for i in (1..m).rev() {
        un[i] = shl(u[i], u[i - 1]);
    }
    un[0] = u[0] << s;

    let vtop = vn[n - 1] as u128;
    let vsecond = vn[n - 2] as u128;
    for j in (0..=(m - n)).rev() {
        // Estimate the quotient digit from the top two limbs; at most 2 too large.
        // un[j+n] <= vtop (the running remainder is below the divisor); when equal the
        // estimate is >= 2^64 and is clamped below exactly as Knuth's step D3 does.
        let (mut qhat, mut rhat) = if (un[j + n] as u128) < vtop {
            let (q, r) = div_128_by_64(un[j + n], un[j + n - 1], vn[n - 1]);
            (q as u128, r as u128)
        } else {
            let num = ((un[j + n] as u128) << 64) | un[j + n - 1] as u128;
            // qhat = 2^64 + (un[j+n-1] / vtop), rhat = num - qhat * vtop, without division:
            let q = B + (un[j + n - 1] as u128 >= vtop) as u128;
            (q, num.saturating_sub(q * vtop))
        };
        while qhat >= B || qhat * vsecond > ((rhat << 64) | un[j + n - 2] as u128) {
            qhat -= 1;
            rhat += vtop;
            if rhat >= B {
                break;
            }
        }
        // qhat < 2^64 here. Multiply and subtract qhat * vn from un[j..=j+n].
        let mut borrow = false;
        let mut carry: u64 = 0;
        for i in 0..n {
            let p = qhat * vn[i] as u128 + carry as u128;
            carry = (p >> 64) as u64;
            let (t1, b1) = un[i + j].overflowing_sub(p as u64);
            let (t2, b2) = t1.overflowing_sub(borrow as u64);
            un[i + j] = t2;
            borrow = b1 | b2;
        }
        let (t1, b1) = un[j + n].overflowing_sub(carry);
        let (t2, b2) = t1.overflowing_sub(borrow as u64);
        un[j + n] = t2;
        if b1 | b2 {
            // Estimate was one too large: add the divisor back.
            qhat -= 1;
            let mut c: u128 = 0;
            for i in 0..n {
                let t = un[i + j] as u128 + vn[i] as u128 + c;
                un[i + j] = t as u64;
                c = t >> 64;
            }
            un[j + n] = un[j + n].wrapping_add(c as u64);
        }
        q[j] = qhat as u64;
    }
    // Remainder: un[0..n] shifted back.
    let mut r = [0u64; 8];
    for i in 0..n {
        r[i] = if s == 0 { un[i] } else { (un[i] >> s) | (un[i + 1] << (64 - s)) };
    }
    Ok((U512::from_limbs(q), U512::from_limbs(r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// xorshift64* for reproducible operands with varied limb counts and bit patterns.
    fn rng(state: &mut u64) -> u64 {
        *state ^= *state >> 12;
        *state ^= *state << 25;
        *state ^= *state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn operand(state: &mut u64) -> U512 {
        let mut l = [0u64; 8];
        let limbs = 1 + (rng(state) % 8) as usize;
        for x in l.iter_mut().take(limbs) {
            *x = match rng(state) % 4 {
                0 => u64::MAX,
                1 => 0,
                _ => rng(state),
            };
        }
        let v = U512::from_limbs(l);
        v >> (rng(state) % 64) as usize
    }

    #[test]
    fn matches_ruint_division() {
        let mut s = 0x5EED_D1F1_u64;
        for _ in 0..200_000 {
            let a = operand(&mut s);
            let b = operand(&mut s);
            if b.is_zero() {
                assert_eq!(div_rem_limbs(a, b), Err(MathError::ZeroDivision));
                continue;
            }
            assert_eq!(div_rem_limbs(a, b), Ok(a.div_rem(b)), "{a} / {b}");
        }
    }

    #[test]
    fn div_128_by_64_matches_u128() {
        let mut s = 0x1234_5678_9ABC_DEF0_u64;
        for _ in 0..300_000 {
            let mut d = rng(&mut s) >> (rng(&mut s) % 64);
            if d == 0 {
                d = 1;
            }
            let hi = if rng(&mut s).is_multiple_of(4) { d - 1 } else { rng(&mut s) % d };
            let lo = if rng(&mut s).is_multiple_of(5) { u64::MAX } else { rng(&mut s) };
            let num = ((hi as u128) << 64) | lo as u128;
            let (q, r) = div_128_by_64(hi, lo, d);
            assert_eq!((q as u128, r as u128), (num / d as u128, num % d as u128), "{hi} {lo} / {d}");
        }
    }

    #[test]
    fn edge_cases() {
        let max = U512::MAX;
        assert_eq!(div_rem_limbs(max, max), Ok((U512::ONE, U512::ZERO)));
        assert_eq!(div_rem_limbs(max, U512::ONE), Ok((max, U512::ZERO)));
        let b = (U512::ONE << 256usize) - U512::ONE;
        assert_eq!(div_rem_limbs(max, b), Ok(max.div_rem(b)));
        let b = U512::ONE << 448usize;
        assert_eq!(div_rem_limbs(max, b), Ok(max.div_rem(b)));
    }
}
