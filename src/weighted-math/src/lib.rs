//! Weighted-pool math for a Balancer-V2-style AMM: fixed point, pow/exp/ln, swaps, the
//! invariant, joins and exits — with exact-direction rounding and near-exact precision.
//!
//! * Direction: every amount out, BPT out, invariant and `*_down` is <= the exact real
//!   value; every amount in, BPT in and `*_up` is >= it. Guaranteed by construction:
//!   internal values carry a proven error bound and the final rounding uses the bound.
//! * Precision: within 1 wei (2 for the fee-split formulas) + 2^-160 relative of the exact
//!   value in the pool domain, small trades included (see README.md for bounds per function).
//! * `no_std`, no floating point, no panics: every failure is a typed `MathError`.
//!
//! Numerics: ln/exp in Q192 fixed point (2^-192 ulp) on U256/U512 (`kernel`), x^y as
//! exp(y ln x) with ln taken on the integer ratio, results rounded from rigorous bounds.
#![no_std]
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_arithmetic)]

extern crate alloc;

mod bounds;
mod constants;
mod divide;
mod error;
mod fixed_point;
mod invariant;
mod join_exit;
mod kernel;
mod log_exp;
mod swap;
mod wide;

pub use alloy_primitives::{I256, U256};
pub use error::{MathError, MathResult};
pub use fixed_point::{complement, div_down, div_up, mul_down, mul_up, pow_down, pow_up};
pub use log_exp::{exp, ln, log, pow};
pub use swap::{calc_in_given_out, calc_out_given_in, MAX_IN_RATIO, MAX_OUT_RATIO};
pub use invariant::{calc_due_token_protocol_swap_fee_amount, calculate_invariant};
pub use join_exit::{
    calc_bpt_in_given_exact_token_out, calc_bpt_in_given_exact_tokens_out, calc_bpt_out_add_token,
    calc_bpt_out_given_exact_token_in, calc_bpt_out_given_exact_tokens_in, calc_token_in_given_exact_bpt_out,
    calc_token_out_given_exact_bpt_in, proportional_amounts_in, proportional_amounts_out, MAX_INVARIANT_RATIO,
    MIN_INVARIANT_RATIO,
};
