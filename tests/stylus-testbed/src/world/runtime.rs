//! The one place the world touches the Stylus runtime's API (`crate::stylus`), so the two
//! halves of the crate meet at a narrow seam.

use alloy_primitives::Bytes;
use revm::interpreter::InstructionResult;

use crate::stylus::{self, FrameContext, Limits, Status, StylusHost};
pub use crate::stylus::{Program, ProgramError};

/// A finished program run, in the EVM's terms.
pub struct RunOutcome {
    pub result: InstructionResult,
    pub output: Bytes,
    /// EVM gas consumed of `FrameContext::gas_limit`.
    pub gas_used: u64,
}

/// Validates (under the chain's activation `limits`) and compiles deployment code
/// (prefixed, compressed WASM).
pub fn compile(code: &[u8], limits: &Limits) -> Result<Program, ProgramError> {
    Program::from_deployment_code_with(code, limits)
}

/// Runs `program` for one frame. Nitro turns a trap into a revert without data (unused
/// gas returned), running out of ink into out-of-gas and stack exhaustion into a depth
/// error (both consume the frame's gas).
pub fn execute(program: &Program, host: &mut dyn StylusHost, frame: &FrameContext) -> RunOutcome {
    let outcome = stylus::run(program, host, frame);
    if let (Some(error), true) = (&outcome.error, trace_enabled()) {
        eprintln!("stylus-testbed: program at {} ended {:?}: {error}", frame.address, outcome.status);
    }
    let result = match outcome.status {
        Status::Success => InstructionResult::Return,
        Status::Revert | Status::Failure => InstructionResult::Revert,
        Status::OutOfInk => InstructionResult::OutOfGas,
        Status::OutOfStack => InstructionResult::CallTooDeep,
    };
    RunOutcome { result, output: outcome.output, gas_used: outcome.gas_used }
}

/// `STYLUS_TESTBED_TRACE=1` prints why Stylus frames failed (traps, hook errors) to stderr.
fn trace_enabled() -> bool {
    std::env::var_os("STYLUS_TESTBED_TRACE").is_some_and(|v| !v.is_empty() && v != "0")
}
