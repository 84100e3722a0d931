//! Property tests (proptest, moderate case counts).
//!
//! The swap properties are checked *exactly*: with weights that are simple fractions p/q,
//! "the invariant does not fall" is the integer inequality
//! prod (B_i')^(p_i) >= prod B_i^(p_i), evaluated in 2048-bit integers. That also proves
//! the direction of each swap result and that it is within 2 wei of the exact value.

use proptest::prelude::*;
use weighted_math as wm;
use weighted_math::U256;

type Big = ruint::Uint<2048, 32>;

const WAD: u128 = 1_000_000_000_000_000_000;

fn big(v: U256) -> Big {
    let mut l = [0u64; 32];
    l[..4].copy_from_slice(v.as_limbs());
    Big::from_limbs(l)
}

/// Weight pairs as (p_in, p_out) tenths: w = p/10.
const WEIGHTS: [(u64, u64); 5] = [(5, 5), (8, 2), (2, 8), (6, 4), (1, 9)];

fn w(p: u64) -> U256 {
    U256::from(p as u128 * WAD / 10)
}

/// bi^pi * bo^po in big integers.
fn value(bi: U256, pi: u64, bo: U256, po: u64) -> Big {
    big(bi).pow(Big::from(pi)) * big(bo).pow(Big::from(po))
}

fn balance() -> impl Strategy<Value = U256> {
    (6u32..=30, 1u64..10_000).prop_map(|(d, m)| U256::from(10u128.pow(d.min(26))) * U256::from(m) / U256::from(10u64))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// GIVEN_IN: the invariant never falls, and taking 2 wei more would make it fall
    /// (so the result is below and within 2 wei of the exact value). Tiny trades included.
    #[test]
    fn given_in_exact_direction_and_precision(
        bi in balance(), bo in balance(), wi_ix in 0usize..5, frac in 0u64..=300_000, tiny in any::<bool>(),
    ) {
        let (pi, po) = WEIGHTS[wi_ix];
        let max = wm::mul_down(bi, wm::MAX_IN_RATIO).unwrap();
        let a = if tiny { U256::from(frac % 1000) } else { max * U256::from(frac) / U256::from(300_000u64) };
        let out = wm::calc_out_given_in(bi, w(pi), bo, w(po), a).unwrap();
        let before = value(bi, pi, bo, po);
        prop_assert!(value(bi + a, pi, bo - out, po) >= before, "invariant fell");
        let more = out + U256::from(2u64);
        if more <= bo {
            prop_assert!(value(bi + a, pi, bo - more, po) < before, "result more than 2 wei below exact");
        }
    }

    /// GIVEN_OUT: the invariant never falls; 2 wei less in would make it fall.
    #[test]
    fn given_out_exact_direction_and_precision(
        bi in balance(), bo in balance(), wi_ix in 0usize..5, frac in 0u64..=300_000, tiny in any::<bool>(),
    ) {
        let (pi, po) = WEIGHTS[wi_ix];
        let max = wm::mul_down(bo, wm::MAX_OUT_RATIO).unwrap();
        let ao = if tiny { U256::from(frac % 1000).min(max) } else { max * U256::from(frac) / U256::from(300_000u64) };
        let ain = wm::calc_in_given_out(bi, w(pi), bo, w(po), ao).unwrap();
        let before = value(bi, pi, bo, po);
        prop_assert!(value(bi + ain, pi, bo - ao, po) >= before, "invariant fell");
        if ain >= U256::from(2u64) {
            prop_assert!(value(bi + ain - U256::from(2u64), pi, bo - ao, po) < before, "result more than 2 wei above exact");
        }
    }

    /// Monotonicity of the swap amounts in the trade size.
    #[test]
    fn swaps_are_monotone(bi in balance(), bo in balance(), wi_ix in 0usize..5, f1 in 0u64..=300_000, f2 in 0u64..=300_000) {
        let (pi, po) = WEIGHTS[wi_ix];
        let (lo, hi) = (f1.min(f2), f1.max(f2));
        let max_in = wm::mul_down(bi, wm::MAX_IN_RATIO).unwrap();
        let a1 = max_in * U256::from(lo) / U256::from(300_000u64);
        let a2 = max_in * U256::from(hi) / U256::from(300_000u64);
        prop_assert!(wm::calc_out_given_in(bi, w(pi), bo, w(po), a1).unwrap() <= wm::calc_out_given_in(bi, w(pi), bo, w(po), a2).unwrap());
        let max_out = wm::mul_down(bo, wm::MAX_OUT_RATIO).unwrap();
        let o1 = max_out * U256::from(lo) / U256::from(300_000u64);
        let o2 = max_out * U256::from(hi) / U256::from(300_000u64);
        prop_assert!(wm::calc_in_given_out(bi, w(pi), bo, w(po), o1).unwrap() <= wm::calc_in_given_out(bi, w(pi), bo, w(po), o2).unwrap());
    }

    /// Monotonicity of pow_down/pow_up in the base, and pow_down <= pow_up.
    #[test]
    fn pow_is_monotone(x1 in 1u128..u128::MAX, x2 in 1u128..u128::MAX, y in 1u128..50_000_000_000_000_000_000) {
        let (a, b) = (U256::from(x1.min(x2)), U256::from(x1.max(x2)));
        let y = U256::from(y);
        if let (Ok(pa), Ok(pb)) = (wm::pow_down(a, y), wm::pow_down(b, y)) {
            prop_assert!(pa <= pb);
            prop_assert!(pa <= wm::pow_up(a, y).unwrap());
        }
    }

    /// A swap there and back (fee-free) never returns more than was put in.
    #[test]
    fn round_trip_never_profits(bi in balance(), bo in balance(), wi_ix in 0usize..5, frac in 1u64..=300_000) {
        let (pi, po) = WEIGHTS[wi_ix];
        let max = wm::mul_down(bi, wm::MAX_IN_RATIO).unwrap();
        let a = max * U256::from(frac) / U256::from(300_000u64);
        let out = wm::calc_out_given_in(bi, w(pi), bo, w(po), a).unwrap();
        match wm::calc_out_given_in(bo - out, w(po), bi + a, w(pi), out) {
            Ok(back) => prop_assert!(back <= a),
            Err(e) => prop_assert_eq!(e, wm::MathError::MaxInRatio),
        }
        // GIVEN_OUT round trip: pay `ain` for `a`, then ask for `ain` back: costs >= a.
        let max_out = wm::mul_down(bo, wm::MAX_OUT_RATIO).unwrap();
        let ao = max_out * U256::from(frac) / U256::from(300_000u64);
        let ain = wm::calc_in_given_out(bi, w(pi), bo, w(po), ao).unwrap();
        if let Ok(cost) = wm::calc_in_given_out(bo - ao, w(po), bi + ain, w(pi), ain) {
            prop_assert!(cost >= ao);
        }
    }

    /// Single-token join then single-token exit of the same BPT never returns more than
    /// was put in (fees included).
    #[test]
    fn join_then_exit_never_profits(
        b in balance(), s in balance(), wp in 1u64..=99, frac in 1u64..=1_000_000, fee in prop::sample::select(vec![0u64, 1_000_000_000_000, 3_000_000_000_000_000, 100_000_000_000_000_000]),
    ) {
        let wt = U256::from(wp as u128 * WAD / 100);
        let fee = U256::from(fee);
        let a = b * U256::from(frac) / U256::from(1_000_000u64);
        let bpt = wm::calc_bpt_out_given_exact_token_in(b, wt, a, s, fee).unwrap();
        match wm::calc_token_out_given_exact_bpt_in(b + a, wt, bpt, s + bpt, fee) {
            Ok(back) => prop_assert!(back <= a, "exit returned {back} > {a}"),
            Err(e) => prop_assert_eq!(e, wm::MathError::MinInvariantRatio),
        }
        // and the other pair: token in for exact BPT out, then exact tokens out for BPT in.
        let bpt2 = bpt.max(U256::ONE);
        if let Ok(cost) = wm::calc_token_in_given_exact_bpt_out(b, wt, bpt2, s, fee) {
            let burn = wm::calc_bpt_in_given_exact_token_out(b + cost, wt, cost, s + bpt2, fee);
            if let Ok(burn) = burn {
                prop_assert!(burn >= bpt2, "withdrawing what was paid burns {burn} < {bpt2}");
            }
        }
    }

    /// Proportional join then exit of the same BPT never returns more than was put in; a
    /// multi-token join then the matching multi-token exit burns at least the BPT minted.
    #[test]
    fn multi_token_join_exit_never_profits(
        b1 in balance(), b2 in balance(), b3 in balance(), s in balance(), f1 in 0u64..=1000, f2 in 0u64..=1000, f3 in 0u64..=1000,
        fee in prop::sample::select(vec![0u64, 3_000_000_000_000_000, 100_000_000_000_000_000]),
    ) {
        let balances = [b1, b2, b3];
        let weights = [U256::from(5 * WAD / 10), U256::from(3 * WAD / 10), U256::from(2 * WAD / 10)];
        let fee = U256::from(fee);
        let bpt = s * U256::from(f1) / U256::from(2000u64);
        let ins = wm::proportional_amounts_in(&balances, s, bpt).unwrap();
        let after: Vec<U256> = balances.iter().zip(&ins).map(|(b, a)| *b + *a).collect();
        let outs = wm::proportional_amounts_out(&after, s + bpt, bpt).unwrap();
        for (o, i) in outs.iter().zip(&ins) {
            prop_assert!(o <= i);
        }
        let amounts = [b1 * U256::from(f1) / U256::from(1000u64), b2 * U256::from(f2) / U256::from(1000u64), b3 * U256::from(f3) / U256::from(1000u64)];
        let minted = wm::calc_bpt_out_given_exact_tokens_in(&balances, &weights, &amounts, s, fee).unwrap();
        let after: Vec<U256> = balances.iter().zip(&amounts).map(|(b, a)| *b + *a).collect();
        if let Ok(burned) = wm::calc_bpt_in_given_exact_tokens_out(&after, &weights, &amounts, s + minted, fee) {
            prop_assert!(burned >= minted, "burned {burned} < minted {minted}");
        }
    }

    /// The invariant (computed, rounded down) never falls on a fee-free swap by more than
    /// its 1-wei rounding, and grows with every balance.
    #[test]
    fn invariant_monotone_in_balances(b1 in balance(), b2 in balance(), extra in 1u64..1_000_000) {
        let weights = [U256::from(8 * WAD / 10), U256::from(2 * WAD / 10)];
        let i0 = wm::calculate_invariant(&weights, &[b1, b2]).unwrap();
        let i1 = wm::calculate_invariant(&weights, &[b1 + U256::from(extra), b2]).unwrap();
        prop_assert!(i1 >= i0);
    }

    /// No panics on arbitrary inputs: every function returns Ok or a typed error.
    #[test]
    fn no_panics_on_arbitrary_inputs(a in any::<[u64; 4]>(), b in any::<[u64; 4]>(), c in any::<[u64; 4]>(), d in any::<[u64; 4]>(), e in any::<[u64; 4]>()) {
        let (a, b, c, d, e) = (U256::from_limbs(a), U256::from_limbs(b), U256::from_limbs(c), U256::from_limbs(d), U256::from_limbs(e));
        let _ = wm::calc_out_given_in(a, b, c, d, e);
        let _ = wm::calc_in_given_out(a, b, c, d, e);
        let _ = wm::pow_down(a, b);
        let _ = wm::pow_up(a, b >> 180usize);
        let _ = wm::exp(wm::I256::from_raw(a));
        let _ = wm::ln(wm::I256::from_raw(b));
        let _ = wm::log(wm::I256::from_raw(a), wm::I256::from_raw(b));
        let _ = wm::calculate_invariant(&[a, b], &[c, d]);
        let _ = wm::calc_bpt_out_given_exact_token_in(a, b, c, d, e);
        let _ = wm::calc_bpt_in_given_exact_token_out(a, b, c, d, e);
        let _ = wm::calc_token_in_given_exact_bpt_out(a, b, c, d, e);
        let _ = wm::calc_token_out_given_exact_bpt_in(a, b, c, d, e);
        let _ = wm::calc_bpt_out_given_exact_tokens_in(&[a, b], &[c, d], &[e, a], b, c);
        let _ = wm::calc_bpt_in_given_exact_tokens_out(&[a, b], &[c, d], &[e, a], b, c);
        let _ = wm::calc_due_token_protocol_swap_fee_amount(a, b, c, d, e);
        let _ = wm::calc_bpt_out_add_token(a, b);
        let _ = wm::proportional_amounts_in(&[a, b], c, d);
        let _ = wm::proportional_amounts_out(&[a, b], c, d);
        let _ = wm::mul_down(a, b);
        let _ = wm::div_up(a, b);
    }
}

/// Deterministic fuzz for "no panics, typed errors only": 8,000 rounds over every public
/// function with operands drawn from edge values (0, 1, 1e18 +- 1, 2^128, 2^255, MAX) and
/// random bit lengths. Runs in debug, so any arithmetic overflow would panic here.
#[test]
fn no_panics_on_edge_operands() {
    let mut s = 0x0DD_BA11_u64;
    let mut next = move || {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        s.wrapping_mul(0x2545_f491_4f6c_dd1d)
    };
    let wad = U256::from(WAD);
    let edges = [U256::ZERO, U256::ONE, wad - U256::ONE, wad, wad + U256::ONE, U256::ONE << 128usize, U256::ONE << 255usize, U256::MAX, U256::from(3u64) * wad];
    let mut pick = || -> U256 {
        let r = next();
        if r % 3 == 0 {
            edges[(r >> 8) as usize % edges.len()]
        } else {
            let bits = (r >> 8) as usize % 257;
            let v = U256::from_limbs([next(), next(), next(), next()]);
            if bits == 0 { U256::ZERO } else { v >> (256 - bits) }
        }
    };
    for _ in 0..8_000 {
        let (a, b, c, d, e) = (pick(), pick(), pick(), pick(), pick());
        let _ = wm::calc_out_given_in(a, b, c, d, e);
        let _ = wm::calc_in_given_out(a, b, c, d, e);
        let _ = wm::pow_down(a, b);
        let _ = wm::pow_up(a, b);
        let _ = wm::pow(c, d);
        let _ = wm::exp(wm::I256::from_raw(a));
        let _ = wm::ln(wm::I256::from_raw(b));
        let _ = wm::log(wm::I256::from_raw(a), wm::I256::from_raw(b));
        let _ = wm::calculate_invariant(&[a, b, c], &[d, e, a]);
        let _ = wm::calc_bpt_out_given_exact_token_in(a, b, c, d, e);
        let _ = wm::calc_bpt_in_given_exact_token_out(a, b, c, d, e);
        let _ = wm::calc_token_in_given_exact_bpt_out(a, b, c, d, e);
        let _ = wm::calc_token_out_given_exact_bpt_in(a, b, c, d, e);
        let w = [wad / U256::from(2u64), wad / U256::from(2u64)];
        let _ = wm::calc_bpt_out_given_exact_tokens_in(&[a, b], &w, &[c, d], e, b);
        let _ = wm::calc_bpt_in_given_exact_tokens_out(&[a, b], &w, &[c, d], e, b);
        let _ = wm::calc_bpt_out_given_exact_tokens_in(&[a, b], &[c, d], &[e, a], b, c);
        let _ = wm::calc_due_token_protocol_swap_fee_amount(a, b, c, d, e);
        let _ = wm::calc_bpt_out_add_token(a, b);
        let _ = wm::proportional_amounts_in(&[a, b], c, d);
        let _ = wm::proportional_amounts_out(&[a, b], c, d);
        let _ = (wm::mul_down(a, b), wm::mul_up(a, b), wm::div_down(a, b), wm::div_up(a, b), wm::complement(a));
    }
}
