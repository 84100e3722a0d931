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
        let d = v[0] as u128;
        let mut r: u128 = 0;
        for i in (0..m).rev() {
            let cur = (r << 64) | u[i] as u128; // r < d: quotient digit < 2^64
            q[i] = (cur / d) as u64;
            r = cur % d;
        }
        return Ok((U512::from_limbs(q), U512::from(r as u64)));
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
        let num = ((un[j + n] as u128) << 64) | un[j + n - 1] as u128;
        let mut qhat = num / vtop;
        let mut rhat = num % vtop;
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
