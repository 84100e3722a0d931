//! Stylus programs: loading and validation as at activation, and execution with wasmi
//! under Nitro's ink/gas model.
//!
//! ```text
//! Program::from_deployment_code(code)?   // validate + compile once ("activation")
//! run(&program, &mut world, &frame_ctx)   // one frame: fresh instance, ink metering
//! ```
//!
//! # Gas model (see `pricing`, `memory_model`, `validate`)
//! - Entry: `352 + cached_init_cost` gas every call, plus `8,832 + init_cost` when the
//!   program is not cached (`FrameContext::cached`), plus the memory footprint's pages
//!   (2 free per transaction, then 1,000 gas per page plus an exponential term).
//!   `init_cost` / `cached_init_cost` come from Nitro's activation formula.
//! - Execution: the wasm is instrumented like Nitro's meter (`meter`): each basic block
//!   burns its opcodes' `pricing_v1` ink plus a 2,450-ink header before it runs;
//!   `memory.copy/fill` burn 100 ink per byte. Exact, `br_table`/`call_indirect` included.
//! - Hooks: Nitro's exact ink per hook (8,400 base, pointers, EVM API), I/O per byte,
//!   storage at the gas the world returns (cold/warm SLOAD; SSTORE at flush time) plus
//!   Nitro's storage-cache surcharges, logs at EVM log gas, subcalls at what the world
//!   charges, memory growth at Nitro page prices.
//! - Exit: returned data costs at least its EVM memory-expansion price.
//!
//! # Departures from Nitro
//! - No stack-depth metering beyond wasmi's recursion limit (deep recursion ends in
//!   [`Status::OutOfStack`]).
//! - Hook errors (bad pointers, static-context writes) revert with empty data; Nitro
//!   puts the error text in the revert data.
//! - Cached storage writes a program never flushes are dropped, as on Nitro (stylus-sdk
//!   always flushes before returning).

pub mod deploy_code;
pub mod error;
mod frame;
pub mod hooks;
pub mod meter;
pub mod host;
pub mod memory_model;
pub mod pricing;
mod program;
mod run;
mod storage_cache;
pub mod validate;

pub use deploy_code::{
    compress_wasm, deployment_code_from_wasm, is_stylus_code, process_wasm, wasm_from_deployment_code,
};
pub use error::ProgramError;
pub use hooks::catalog::Hook;
pub use host::{CallKind, FrameContext, HostError, StylusHost, SubcallOutcome};
pub use memory_model::StylusPages;
pub use program::Program;
pub use run::{run, Outcome, Status};
pub use validate::{Limits, ProgramInfo, MAX_CODE_SIZE, MAX_WASM_SIZE};
