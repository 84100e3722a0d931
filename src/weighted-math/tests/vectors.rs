//! Exact-value reference vectors (shared/reference-vectors/weighted-math): for every case,
//! the rounding direction, the error bound (2 wei + 1e-18 relative), and the protocol-rule
//! errors. Out-of-domain cases (other `expected_error` names) may error or must be correct.
//! Prints a per-file summary (run with `--nocapture` to see it).
//!
//! Exact values are parsed as decimal rationals into 1024-bit integers: no floats.

mod common;

use common::*;
use serde_json::Value;
use weighted_math as wm;
use weighted_math::{MathError, I256, U256};

#[derive(Clone, Copy, PartialEq, Debug)]
enum Dir {
    /// result <= exact
    Down,
    /// result >= exact
    Up,
}

#[derive(Default)]
struct Stats {
    cases: usize,
    ok_results: usize,
    wrong_dir: usize,
    out_of_bound: usize,
    protocol_matched: usize,
    protocol_missed: usize,
    domain_errors: usize,
    domain_ok: usize,
    unexpected_errors: usize,
    /// max |error| in units of 1e-30 wei
    max_err: Big,
    /// max relative error beyond 1 wei, in units of 1e-40
    max_rel: Big,
    failures: Vec<String>,
}

const PROTOCOL: [&str; 4] = ["MaxInRatio", "MaxOutRatio", "MinInvariantRatio", "MaxInvariantRatio"];

impl Stats {
    fn fail(&mut self, msg: String) {
        if self.failures.len() < 8 {
            self.failures.push(msg);
        }
    }

    /// Check one scalar result against one exact value.
    fn check_value(&mut self, ctx: &str, r: Out, exact: &Exact, dir: Dir, bound: bool) {
        match exact {
            Exact::Null => {
                self.wrong_dir += 1;
                self.fail(format!("{ctx}: result {r:?} where the exact value is undefined"));
            }
            Exact::Huge { neg } => {
                // Any finite U256/I256 result is below a positive huge value.
                let ok = if *neg { dir == Dir::Up } else { dir == Dir::Down };
                if !ok {
                    self.wrong_dir += 1;
                    self.fail(format!("{ctx}: finite result for a huge exact"));
                }
            }
            Exact::Tiny { neg } => {
                let ok = match (dir, neg) {
                    (Dir::Down, false) => r.mag.is_zero() || r.neg,
                    (Dir::Up, false) => !r.neg && r.mag <= U256::ONE,
                    (Dir::Down, true) => r.neg && r.mag <= U256::ONE,
                    (Dir::Up, true) => r.mag.is_zero() || !r.neg,
                };
                if !ok {
                    self.wrong_dir += 1;
                    self.fail(format!("{ctx}: {r:?} vs tiny exact"));
                }
            }
            Exact::Num { neg, n, scale } => {
                let (dneg, dmag) = diff(r, *neg, n, *scale);
                let wrong = dmag != Big::ZERO && ((dir == Dir::Down && !dneg) || (dir == Dir::Up && dneg));
                if wrong {
                    self.wrong_dir += 1;
                    self.fail(format!("{ctx}: wrong direction: result {r:?} vs exact {}{n}e-{scale}", if *neg { "-" } else { "" }));
                }
                let p = pow10(*scale);
                let err30 = dmag * pow10(30) / p;
                if err30 > self.max_err {
                    self.max_err = err30;
                }
                // Relative error beyond the first wei (the rounding step): (|d| - 1 wei) / |exact|.
                if *n != Big::ZERO && dmag > p {
                    let rel = (dmag - p) * pow10(40) / *n;
                    if rel > self.max_rel {
                        self.max_rel = rel;
                    }
                }
                // bound: |diff| <= 2 wei + 1e-18 |exact|  <=>  |d| * 1e18 <= 2 * 10^scale * 1e18 + |n|
                if bound && dmag * pow10(18) > Big::from(2u64) * p * pow10(18) + *n {
                    self.out_of_bound += 1;
                    self.fail(format!("{ctx}: error above bound: result {r:?} vs exact {n}e-{scale}"));
                }
            }
        }
    }

    fn check_case(&mut self, ctx: &str, res: Result<Vec<Out>, MathError>, exact: &[Exact], expected_error: Option<&str>, dir: Dir) {
        self.cases += 1;
        let protocol = expected_error.filter(|e| PROTOCOL.contains(e));
        match (res, protocol) {
            (Err(e), Some(p)) => {
                if e.name() == p {
                    self.protocol_matched += 1;
                } else {
                    self.protocol_missed += 1;
                    self.fail(format!("{ctx}: expected {p}, got {e:?}"));
                }
            }
            (Ok(r), Some(p)) => {
                self.protocol_missed += 1;
                self.fail(format!("{ctx}: expected {p}, got Ok({r:?})"));
            }
            (Err(e), None) => {
                if PROTOCOL.contains(&e.name()) {
                    self.protocol_missed += 1;
                    self.fail(format!("{ctx}: spurious protocol error {e:?}"));
                } else if expected_error.is_some() {
                    self.domain_errors += 1;
                } else {
                    self.unexpected_errors += 1;
                    self.fail(format!("{ctx}: unexpected error {e:?}"));
                }
            }
            (Ok(r), None) => {
                if expected_error.is_some() {
                    self.domain_ok += 1;
                } else {
                    self.ok_results += 1;
                }
                if r.len() != exact.len() {
                    self.wrong_dir += 1;
                    self.fail(format!("{ctx}: {} results for {} exact values", r.len(), exact.len()));
                    return;
                }
                for (i, (ri, ei)) in r.iter().zip(exact).enumerate() {
                    self.check_value(&format!("{ctx}[{i}]"), *ri, ei, dir, true);
                }
            }
        }
    }
}

fn fmt_scaled(v: &Big, digits: u32) -> String {
    let p = pow10(digits);
    let int = *v / p;
    let frac = *v % p;
    let frac_s = format!("{:0>width$}", frac.to_string(), width = digits as usize);
    format!("{int}.{}", &frac_s[..6.min(frac_s.len())])
}

fn u(v: &Value, k: &str) -> U256 {
    let s = v[k].as_str().unwrap_or_else(|| panic!("field {k} in {v}"));
    U256::from_str_radix(s, 10).expect("u256")
}
fn i(v: &Value, k: &str) -> I256 {
    let s = v[k].as_str().unwrap_or_else(|| panic!("field {k}"));
    I256::from_dec_str(s).expect("i256")
}
fn us(v: &Value, k: &str) -> Vec<U256> {
    v[k].as_array().expect("array").iter().map(|x| U256::from_str_radix(x.as_str().expect("str"), 10).expect("u256")).collect()
}

type Case = fn(&Value) -> Result<Vec<Out>, MathError>;

fn one(r: Result<U256, MathError>) -> Result<Vec<Out>, MathError> {
    r.map(|v| vec![out_u(v)])
}
fn one_i(r: Result<I256, MathError>) -> Result<Vec<Out>, MathError> {
    r.map(|v| vec![out_i(v)])
}

/// Runs a file; `exact_key` selects which exact field the result is measured against.
fn run_file(name: &str, dir: Dir, exact_key: &str, f: Case) -> Stats {
    let path = vectors_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let cases: Vec<Value> = serde_json::from_str(&text).expect("json");
    let mut st = Stats::default();
    for (n, c) in cases.iter().enumerate() {
        let exact: Vec<Exact> = match &c[exact_key] {
            Value::Array(a) => a.iter().map(parse_exact).collect(),
            v => vec![parse_exact(v)],
        };
        let expected = c.get("expected_error").and_then(|e| e.as_str());
        let ctx = format!("{name}#{n} ({})", c["tag"].as_str().unwrap_or(""));
        st.check_case(&ctx, f(c), &exact, expected, dir);
    }
    st
}

fn report(name: &str, st: &Stats) -> String {
    format!(
        "{:<42} {:>5} {:>6} {:>16} {:>14} {:>5} {:>7} {:>7} {:>5}",
        name,
        st.cases,
        st.ok_results,
        fmt_scaled(&st.max_err, 30),
        format!("{}e-22", fmt_scaled(&st.max_rel, 18)),
        st.wrong_dir,
        st.protocol_matched,
        st.domain_errors,
        st.domain_ok,
    )
}

fn assert_clean(name: &str, st: &Stats) {
    assert!(
        st.wrong_dir == 0 && st.out_of_bound == 0 && st.protocol_missed == 0 && st.unexpected_errors == 0,
        "{name}: wrong_dir={} out_of_bound={} protocol_missed={} unexpected_errors={}\n{}",
        st.wrong_dir,
        st.out_of_bound,
        st.protocol_missed,
        st.unexpected_errors,
        st.failures.join("\n")
    );
}

const HEADER: &str = "file                                       cases     ok   max err (wei)  rel err >1wei   wrong protoc  dom-err dom-ok";

fn run_all(files: &[(&str, Dir, &str, Case)]) {
    let mut lines = vec![HEADER.to_string()];
    let mut all = Vec::new();
    for (name, dir, key, f) in files {
        let st = run_file(name, *dir, key, *f);
        lines.push(report(name, &st));
        all.push((name.to_string(), st));
    }
    println!("{}", lines.join("\n"));
    for (name, st) in &all {
        assert_clean(name, st);
    }
}

#[test]
fn fixed_point_and_log_exp_vectors() {
    run_all(&[
        ("fixedpoint_mul_down.json", Dir::Down, "exact", |c| one(wm::mul_down(u(c, "a"), u(c, "b")))),
        ("fixedpoint_mul_up.json", Dir::Up, "exact", |c| one(wm::mul_up(u(c, "a"), u(c, "b")))),
        ("fixedpoint_div_down.json", Dir::Down, "exact", |c| one(wm::div_down(u(c, "a"), u(c, "b")))),
        ("fixedpoint_div_up.json", Dir::Up, "exact", |c| one(wm::div_up(u(c, "a"), u(c, "b")))),
        ("fixedpoint_pow_down.json", Dir::Down, "exact", |c| one(wm::pow_down(u(c, "x"), u(c, "y")))),
        ("fixedpoint_pow_up.json", Dir::Up, "exact", |c| one(wm::pow_up(u(c, "x"), u(c, "y")))),
        ("logexp_pow.json", Dir::Down, "exact", |c| one(wm::pow(u(c, "x"), u(c, "y")))),
        ("logexp_exp.json", Dir::Down, "exact", |c| one_i(wm::exp(i(c, "x")))),
        ("logexp_ln.json", Dir::Down, "exact", |c| one_i(wm::ln(i(c, "a")))),
        ("logexp_log.json", Dir::Down, "exact", |c| one_i(wm::log(i(c, "arg"), i(c, "base")))),
    ]);
}

#[test]
fn swap_vectors() {
    run_all(&[
        ("calc_out_given_in.json", Dir::Down, "exact_math", |c| {
            one(wm::calc_out_given_in(u(c, "balance_in"), u(c, "weight_in"), u(c, "balance_out"), u(c, "weight_out"), u(c, "amount_in_after_fee")))
        }),
        ("calc_in_given_out.json", Dir::Up, "exact_math", |c| {
            one(wm::calc_in_given_out(u(c, "balance_in"), u(c, "weight_in"), u(c, "balance_out"), u(c, "weight_out"), u(c, "amount_out")))
        }),
    ]);
}

/// The pool's full GIVEN_IN path (fee deducted with mulUp, then the math) against the
/// whitepaper value with the real fee (`exact`): direction only, as the fee rounding (up to
/// 1 wei of input) may be worth more than 2 wei of output.
#[test]
fn swap_vectors_with_fee_direction() {
    let files: [(&str, Dir, &str, Case); 2] = [
        ("calc_out_given_in.json", Dir::Down, "exact", |c| {
            let gross = u(c, "amount_in");
            let net = gross - wm::mul_up(gross, u(c, "swap_fee"))?;
            one(wm::calc_out_given_in(u(c, "balance_in"), u(c, "weight_in"), u(c, "balance_out"), u(c, "weight_out"), net))
        }),
        ("calc_in_given_out.json", Dir::Up, "exact", |c| {
            let raw = wm::calc_in_given_out(u(c, "balance_in"), u(c, "weight_in"), u(c, "balance_out"), u(c, "weight_out"), u(c, "amount_out"))?;
            one(wm::div_up(raw, wm::complement(u(c, "swap_fee"))?))
        }),
    ];
    let mut lines = vec![HEADER.to_string()];
    for (name, dir, key, f) in files {
        let path = vectors_dir().join(name);
        let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        let mut st = Stats::default();
        for (n, c) in cases.iter().enumerate() {
            let exact = parse_exact(&c[key]);
            let expected = c.get("expected_error").and_then(|e| e.as_str());
            st.cases += 1;
            match (f(c), expected) {
                (Ok(r), None) => {
                    st.ok_results += 1;
                    st.check_value(&format!("{name}#{n} fee"), r[0], &exact, dir, false)
                }
                (Err(e), Some(p)) if e.name() == p => st.protocol_matched += 1,
                (r, e) => {
                    st.protocol_missed += 1;
                    st.fail(format!("{name}#{n}: {r:?} vs expected {e:?}"));
                }
            }
        }
        lines.push(format!("{} (pool path vs exact with fee)", report(name, &st)));
        assert_clean(name, &st);
    }
    println!("{}", lines.join("\n"));
}

#[test]
fn pool_vectors() {
    run_all(&[
        ("calculate_invariant.json", Dir::Down, "exact", |c| one(wm::calculate_invariant(&us(c, "normalized_weights"), &us(c, "balances")))),
        ("calc_bpt_out_given_exact_tokens_in.json", Dir::Down, "exact", |c| {
            one(wm::calc_bpt_out_given_exact_tokens_in(&us(c, "balances"), &us(c, "normalized_weights"), &us(c, "amounts_in"), u(c, "bpt_total_supply"), u(c, "swap_fee")))
        }),
        ("calc_bpt_in_given_exact_tokens_out.json", Dir::Up, "exact", |c| {
            one(wm::calc_bpt_in_given_exact_tokens_out(&us(c, "balances"), &us(c, "normalized_weights"), &us(c, "amounts_out"), u(c, "bpt_total_supply"), u(c, "swap_fee")))
        }),
        ("calc_bpt_out_given_exact_token_in.json", Dir::Down, "exact", |c| {
            one(wm::calc_bpt_out_given_exact_token_in(u(c, "balance"), u(c, "normalized_weight"), u(c, "amount_in"), u(c, "bpt_total_supply"), u(c, "swap_fee")))
        }),
        ("calc_bpt_in_given_exact_token_out.json", Dir::Up, "exact", |c| {
            one(wm::calc_bpt_in_given_exact_token_out(u(c, "balance"), u(c, "normalized_weight"), u(c, "amount_out"), u(c, "bpt_total_supply"), u(c, "swap_fee")))
        }),
        ("calc_token_in_given_exact_bpt_out.json", Dir::Up, "exact", |c| {
            one(wm::calc_token_in_given_exact_bpt_out(u(c, "balance"), u(c, "normalized_weight"), u(c, "bpt_amount_out"), u(c, "bpt_total_supply"), u(c, "swap_fee")))
        }),
        ("calc_token_out_given_exact_bpt_in.json", Dir::Down, "exact", |c| {
            one(wm::calc_token_out_given_exact_bpt_in(u(c, "balance"), u(c, "normalized_weight"), u(c, "bpt_amount_in"), u(c, "bpt_total_supply"), u(c, "swap_fee")))
        }),
        ("calc_bpt_out_add_token.json", Dir::Down, "exact", |c| one(wm::calc_bpt_out_add_token(u(c, "bpt_total_supply"), u(c, "normalized_weight")))),
        ("proportional_amounts_in.json", Dir::Up, "exact", |c| {
            wm::proportional_amounts_in(&us(c, "balances"), u(c, "bpt_total_supply"), u(c, "bpt_amount_out")).map(|v| v.into_iter().map(out_u).collect())
        }),
        ("proportional_amounts_out.json", Dir::Down, "exact", |c| {
            wm::proportional_amounts_out(&us(c, "balances"), u(c, "bpt_total_supply"), u(c, "bpt_amount_in")).map(|v| v.into_iter().map(out_u).collect())
        }),
    ]);
}
