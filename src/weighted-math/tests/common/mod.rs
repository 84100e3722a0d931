//! Shared test helpers: locating the reference vectors and exact decimal comparison.
#![allow(dead_code)]

use serde_json::Value;
use std::path::PathBuf;
use weighted_math::{I256, U256};

pub type Big = ruint::Uint<1024, 16>;

pub fn vectors_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference-vectors/weighted-math");
    assert!(
        dir.join("README.md").is_file(),
        "reference vectors missing at {} (CI must clone shared/ beside the repo)",
        dir.display()
    );
    dir
}

/// A decimal exact value: sign, digits as an integer, and the number of fraction digits.
#[derive(Clone, Debug)]
pub enum Exact {
    Null,
    Num { neg: bool, n: Big, scale: u32 },
    /// |value| >= 1e78 (scientific notation, refused cases only).
    Huge { neg: bool },
    /// 0 < |value| < 1e-40.
    Tiny { neg: bool },
}

pub fn pow10(k: u32) -> Big {
    Big::from(10u64).pow(Big::from(k))
}

pub fn parse_exact(v: &Value) -> Exact {
    let s = match v {
        Value::Null => return Exact::Null,
        Value::String(s) => s.as_str(),
        other => panic!("unexpected exact {other:?}"),
    };
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    if let Some((_, e)) = s.split_once(['e', 'E']) {
        let e: i64 = e.parse().unwrap_or(0);
        // Exponent strings can be astronomically long; the sign is all we need.
        let neg_exp = e < 0 || e.to_string().starts_with('-');
        return if neg_exp || s.contains("e-") { Exact::Tiny { neg } } else { Exact::Huge { neg } };
    }
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = format!("{int}{frac}");
    let n = Big::from_str_radix(&digits, 10).expect("decimal digits");
    Exact::Num { neg, n, scale: frac.len() as u32 }
}

pub fn big(v: U256) -> Big {
    let mut l = [0u64; 16];
    l[..4].copy_from_slice(v.as_limbs());
    Big::from_limbs(l)
}

/// Signed comparison of r against the exact value: returns (r - exact) * 10^scale as
/// (neg, magnitude) and the scale.
pub fn diff(r: Out, neg: bool, n: &Big, scale: u32) -> (bool, Big) {
    let rs = big(r.mag) * pow10(scale);
    // signed values: a = (r.neg, rs), b = (neg, n); compute a - b
    let (an, am) = (r.neg && rs != Big::ZERO, rs);
    let (bn, bm) = (neg && *n != Big::ZERO, *n);
    if an != bn {
        // a - b = a + |b| with sign of a
        (an, am + bm)
    } else if am >= bm {
        (an, am - bm)
    } else {
        (!an, bm - am)
    }
}


/// A signed integer result.
#[derive(Clone, Copy, Debug)]
pub struct Out {
    pub neg: bool,
    pub mag: U256,
}

pub fn out_u(v: U256) -> Out {
    Out { neg: false, mag: v }
}
pub fn out_i(v: I256) -> Out {
    Out { neg: v.is_negative(), mag: v.unsigned_abs() }
}

