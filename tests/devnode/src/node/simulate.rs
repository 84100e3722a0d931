//! eth_call and eth_estimateGas: executions on the head state that are never kept.

use alloy_primitives::{Address, Bytes, U256};

use super::{Node, NodeError};
use crate::backend::{ExecOutcome, ExecStatus, Execution};

/// The fields of a call request the node uses.
#[derive(Clone, Debug, Default)]
pub struct CallRequest {
    pub from: Option<Address>,
    /// `None`: run `data` as init code.
    pub to: Option<Address>,
    pub value: U256,
    pub data: Bytes,
    pub gas: Option<u64>,
}

/// geth stops the gas search once the bounds are within 1.5% of each other.
const ESTIMATE_TOLERANCE_PER_MILLE: u64 = 15;

impl Node {
    /// Runs `request` without keeping anything, in the head block's environment or (for
    /// `pending`) in the next block's, where a transaction sent now will run: estimates
    /// must see that block number, or a write of `block.number` that is a no-op at the
    /// head would be priced as one.
    fn simulate(&mut self, request: &CallRequest, gas_limit: u64, pending: bool) -> Result<ExecOutcome, NodeError> {
        let env = if pending { self.pending_env() } else { self.head_env() };
        self.backend.set_block_env(env);
        let execution = Execution {
            from: request.from.unwrap_or(Address::ZERO),
            to: request.to,
            value: request.value,
            data: request.data.clone(),
            gas_limit,
        };
        let outcome = self.backend.execute(&execution, false).map_err(NodeError::InvalidTransaction);
        let head = self.head_env();
        self.backend.set_block_env(head);
        outcome
    }

    fn call_gas_limit(&self, request: &CallRequest) -> u64 {
        request.gas.unwrap_or(self.config.call_gas_cap).min(self.config.call_gas_cap)
    }

    /// eth_call (on the head block, or the next one for `pending`): the return data, or
    /// the revert data as [`NodeError::Reverted`].
    pub fn call(&mut self, request: &CallRequest, pending: bool) -> Result<Bytes, NodeError> {
        let outcome = self.simulate(request, self.call_gas_limit(request), pending)?;
        match outcome.status {
            ExecStatus::Success => Ok(outcome.output),
            ExecStatus::Revert => Err(NodeError::Reverted(outcome.output)),
            ExecStatus::Halt(reason) => Err(NodeError::Halted(halt_message(&reason))),
        }
    }

    /// eth_estimateGas: the smallest gas limit (within 1.5%, as geth) with which the
    /// transaction succeeds on the head state in the next block.
    pub fn estimate_gas(&mut self, request: &CallRequest) -> Result<u64, NodeError> {
        let cap = self.call_gas_limit(request);
        let first = self.simulate(request, cap, true)?;
        match first.status {
            ExecStatus::Success => {}
            ExecStatus::Revert => return Err(NodeError::Reverted(first.output)),
            ExecStatus::Halt(reason) => {
                return Err(NodeError::Halted(format!("gas required exceeds allowance ({cap}): {}", halt_message(&reason))))
            }
        }
        // It needs at least what it used; refunds and the 63/64 rule can ask for more.
        let mut low = first.gas_used.saturating_sub(1);
        let mut high = cap;
        let optimistic = first.gas_used.saturating_mul(64) / 63 + 2_300;
        if optimistic < high && self.succeeds(request, optimistic)? {
            high = optimistic;
        }
        while low + 1 < high && (high - low) * 1000 > high * ESTIMATE_TOLERANCE_PER_MILLE {
            let mid = low + (high - low) / 2;
            if self.succeeds(request, mid)? {
                high = mid;
            } else {
                low = mid;
            }
        }
        Ok(high)
    }

    fn succeeds(&mut self, request: &CallRequest, gas_limit: u64) -> Result<bool, NodeError> {
        match self.simulate(request, gas_limit, true) {
            Ok(outcome) => Ok(outcome.status == ExecStatus::Success),
            // Below the intrinsic gas: not enough.
            Err(_) => Ok(false),
        }
    }
}

/// geth's wording for the common halts.
fn halt_message(reason: &str) -> String {
    match reason {
        "OutOfGas" | "MemoryOOG" | "MemoryLimitOOG" | "PrecompileOOG" | "InvalidOperandOOG" => "out of gas".to_string(),
        "OpcodeNotFound" | "InvalidFEOpcode" => "invalid opcode".to_string(),
        "StackOverflow" => "stack overflow".to_string(),
        "StackUnderflow" => "stack underflow".to_string(),
        "CallTooDeep" => "max call depth exceeded".to_string(),
        other => format!("execution halted: {other}"),
    }
}
