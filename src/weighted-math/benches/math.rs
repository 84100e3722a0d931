//! ns per call, ours vs balancer-maths-rust (same run, same inputs).
//! `cargo bench -p weighted-math --bench math` (short measurement time: the machine is shared).

use balancer_maths_rust::common::{log_exp_math, maths};
use balancer_maths_rust::pools::weighted as bw;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;
use weighted_math as wm;
use weighted_math::U256;

fn u(s: &str) -> U256 {
    U256::from_str_radix(s, 10).unwrap_or_default()
}

fn benches(c: &mut Criterion) {
    let bi = u("1234567890123456789012345");
    let bo = u("2345678901234567890123456");
    let wi = u("800000000000000000");
    let wo = u("200000000000000000");
    let a_in = u("12345678901234567890123");
    let a_out = u("23456789012345678901234");

    let mut g = c.benchmark_group("calc_out_given_in_80_20");
    g.bench_function("ours", |b| b.iter(|| wm::calc_out_given_in(black_box(bi), black_box(wi), black_box(bo), black_box(wo), black_box(a_in))));
    g.bench_function("balancer-maths-rust", |b| {
        b.iter(|| bw::compute_out_given_exact_in(black_box(&bi), black_box(&wi), black_box(&bo), black_box(&wo), black_box(&a_in)))
    });
    g.finish();

    let mut g = c.benchmark_group("calc_in_given_out_80_20");
    g.bench_function("ours", |b| b.iter(|| wm::calc_in_given_out(black_box(bi), black_box(wi), black_box(bo), black_box(wo), black_box(a_out))));
    g.bench_function("balancer-maths-rust", |b| {
        b.iter(|| bw::compute_in_given_exact_out(black_box(&bi), black_box(&wi), black_box(&bo), black_box(&wo), black_box(&a_out)))
    });
    g.finish();

    // Weight ratios without an integer exponent take the general ln/exp path on both sides.
    let (wg_in, wg_out) = (u("370000000000000000"), u("630000000000000000"));
    let mut g = c.benchmark_group("calc_out_given_in_37_63");
    g.bench_function("ours", |b| b.iter(|| wm::calc_out_given_in(black_box(bi), black_box(wg_in), black_box(bo), black_box(wg_out), black_box(a_in))));
    g.bench_function("balancer-maths-rust", |b| {
        b.iter(|| bw::compute_out_given_exact_in(black_box(&bi), black_box(&wg_in), black_box(&bo), black_box(&wg_out), black_box(&a_in)))
    });
    g.finish();
    let half = u("500000000000000000");
    let mut g = c.benchmark_group("calc_out_given_in_50_50");
    g.bench_function("ours", |b| b.iter(|| wm::calc_out_given_in(black_box(bi), black_box(half), black_box(bo), black_box(half), black_box(a_in))));
    g.bench_function("balancer-maths-rust", |b| {
        b.iter(|| bw::compute_out_given_exact_in(black_box(&bi), black_box(&half), black_box(&bo), black_box(&half), black_box(&a_in)))
    });
    g.finish();

    let x = u("1234567890123456789");
    let y = u("3700000000000000000");
    let mut g = c.benchmark_group("pow");
    g.bench_function("ours pow", |b| b.iter(|| wm::pow(black_box(x), black_box(y))));
    g.bench_function("balancer-maths-rust log_exp_math::pow", |b| b.iter(|| log_exp_math::pow(black_box(&x), black_box(&y))));
    g.bench_function("ours pow_up", |b| b.iter(|| wm::pow_up(black_box(x), black_box(y))));
    g.bench_function("balancer-maths-rust pow_up_fixed", |b| b.iter(|| maths::pow_up_fixed(black_box(&x), black_box(&y))));
    g.finish();

    let weights: Vec<U256> = [20u64, 15, 15, 10, 10, 10, 10, 10].iter().map(|p| U256::from(*p as u128 * 10_000_000_000_000_000)).collect();
    let balances: Vec<U256> = (0..8u64).map(|i| u("1000000000000000000000000") * U256::from(i + 1) + U256::from(i * 7919)).collect();
    let mut g = c.benchmark_group("calculate_invariant_8_tokens");
    g.bench_function("ours", |b| b.iter(|| wm::calculate_invariant(black_box(&weights), black_box(&balances))));
    g.bench_function("balancer-maths-rust", |b| b.iter(|| bw::compute_invariant_down(black_box(&weights), black_box(&balances))));
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
}

criterion_group! { name = math; config = config(); targets = benches }
criterion_main!(math);
