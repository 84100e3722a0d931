//! What a test gets back from a call, and typed errors of the test API.

use alloy_primitives::{Address, Bytes, Log};
use alloy_sol_types::{SolCall, SolError, SolEvent, SolInterface};

use crate::world::{TxError, TxOutcome, TxStatus};

/// The receipt of one transaction (or simulated call).
#[derive(Clone, Debug)]
pub struct CallResult {
    /// true when the top frame returned normally.
    pub success: bool,
    pub status: TxStatus,
    /// Return data, or revert data.
    pub output: Bytes,
    /// Full transaction gas, 21,000 and calldata included, EIP-3529 refund deducted.
    pub gas_used: u64,
    pub gas_refunded: u64,
    /// Logs in emission order (empty when the transaction failed).
    pub logs: Vec<Log>,
    /// For deployments: the new contract.
    pub created: Option<Address>,
}

impl From<TxOutcome> for CallResult {
    fn from(o: TxOutcome) -> Self {
        Self {
            success: o.status == TxStatus::Success,
            status: o.status,
            output: o.output,
            gas_used: o.gas_used,
            gas_refunded: o.gas_refunded,
            logs: o.logs,
            created: o.created,
        }
    }
}

impl CallResult {
    /// `Ok(self)` on success, the typed failure otherwise.
    pub fn into_result(self) -> Result<Self, CallError> {
        match &self.status {
            TxStatus::Success => Ok(self),
            TxStatus::Revert => Err(CallError::Reverted { data: self.output, gas_used: self.gas_used }),
            TxStatus::Halt(halt) => Err(CallError::Halted { reason: halt.reason.clone(), gas_used: self.gas_used }),
        }
    }

    /// Decodes the return data as `C`'s returns.
    pub fn decode<C: SolCall>(&self) -> Result<C::Return, CallError> {
        C::abi_decode_returns(&self.output).map_err(|e| CallError::Decode(e.to_string()))
    }

    /// The revert data decoded as one of a contract's custom errors (`sol!` error enum or
    /// a `#[derive(SolidityError)]`-style `SolInterface`); `None` if the call did not
    /// revert or the data is another error.
    pub fn revert_as<E: SolInterface>(&self) -> Option<E> {
        if self.status != TxStatus::Revert {
            return None;
        }
        E::abi_decode(&self.output).ok()
    }

    /// The revert data decoded as one specific error type.
    pub fn revert_error<E: SolError>(&self) -> Option<E> {
        if self.status != TxStatus::Revert {
            return None;
        }
        E::abi_decode(&self.output).ok()
    }

    /// `Error(string)` reason of a require-style revert.
    pub fn revert_reason(&self) -> Option<String> {
        self.revert_error::<alloy_sol_types::Revert>().map(|r| r.reason)
    }

    /// Every log of event `E` (any emitter), decoded, in order.
    pub fn events<E: SolEvent>(&self) -> Vec<E> {
        self.logs.iter().filter_map(|log| E::decode_log(log).ok().map(|l| l.data)).collect()
    }

    /// Logs of event `E` emitted by `emitter`, decoded, in order.
    pub fn events_from<E: SolEvent>(&self, emitter: Address) -> Vec<E> {
        self.logs
            .iter()
            .filter(|log| log.address == emitter)
            .filter_map(|log| E::decode_log(log).ok().map(|l| l.data))
            .collect()
    }
}

/// A call that did not return normally, or whose output did not decode.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    #[error("reverted with 0x{} (gas used {gas_used})", alloy_primitives::hex::encode(data))]
    Reverted { data: Bytes, gas_used: u64 },
    #[error("halted: {reason} (gas used {gas_used})")]
    Halted { reason: String, gas_used: u64 },
    #[error("could not decode the return data: {0}")]
    Decode(String),
    #[error("invalid transaction: {0}")]
    Tx(#[from] TxError),
}

impl CallError {
    /// The revert data decoded as a custom error of `E`, when this is a revert.
    pub fn revert_as<E: SolInterface>(&self) -> Option<E> {
        match self {
            CallError::Reverted { data, .. } => E::abi_decode(data).ok(),
            _ => None,
        }
    }

    pub fn revert_data(&self) -> Option<&Bytes> {
        match self {
            CallError::Reverted { data, .. } => Some(data),
            _ => None,
        }
    }
}

/// Failures of test-bed setup (deployment, artifacts, programs).
#[derive(Debug, thiserror::Error)]
pub enum BedError {
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("artifact {name}: {reason}")]
    Artifact { name: String, reason: String },
    #[error("program rejected: {0}")]
    Program(#[from] crate::stylus::error::ProgramError),
    #[error("deployment failed: {0}")]
    Deploy(CallError),
    #[error("activation failed: {0}")]
    Activation(CallError),
    #[error(transparent)]
    Call(#[from] CallError),
}
