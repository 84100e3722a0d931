//! Transactions: intrinsic gas, nonce, value, the top-level frame, refunds, logs.
//!
//! Gas is reported as Ethereum reports a transaction's `gasUsed` (so it compares with
//! Balancer V2 figures that include the 21,000 base): intrinsic gas (21,000 + EIP-2028
//! calldata, + 32,000 and EIP-3860 init-code words for a creation) plus execution, minus
//! the EIP-3529 refund (at most a fifth). Gas price is 0, so no ETH is charged for gas,
//! and Arbitrum's L1 data (poster) fee is not modelled.

use alloy_primitives::{Address, Bytes, Log, U256};
use revm::{
    context::{JournalTr, LocalContextTr},
    context_interface::journaled_state::account::JournaledAccountTr,
    interpreter::{CallScheme, CallValue, CreateInputs, CreateScheme, InstructionResult, SharedMemory},
};

use super::exec::{call_inputs, Exec};

/// What to run.
#[derive(Clone, Debug)]
pub struct TxRequest {
    pub from: Address,
    /// `None` deploys `data` as init code.
    pub to: Option<Address>,
    pub value: U256,
    pub data: Bytes,
    pub gas_limit: u64,
    /// Run the top frame as a STATICCALL (eth_call of a view).
    pub is_static: bool,
    /// Keep the state changes (false: simulate, like eth_call).
    pub commit: bool,
}

/// Why a frame stopped abnormally (revm's instruction result, e.g. `OutOfGas`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Halt {
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TxStatus {
    Success,
    Revert,
    Halt(Halt),
}

/// A transaction that was executed (successfully or not).
#[derive(Clone, Debug)]
pub struct TxOutcome {
    pub status: TxStatus,
    /// Return data, or revert data.
    pub output: Bytes,
    /// Transaction gas used, intrinsic gas included, refund deducted.
    pub gas_used: u64,
    /// The EIP-3529 refund granted (already deducted from `gas_used`).
    pub gas_refunded: u64,
    pub intrinsic_gas: u64,
    /// Logs of a successful transaction, in emission order.
    pub logs: Vec<Log>,
    /// Address of the deployed contract (creations).
    pub created: Option<Address>,
}

/// A transaction that is invalid before execution (never included).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TxError {
    #[error("gas limit {have} is below the intrinsic gas {need}")]
    IntrinsicGas { need: u64, have: u64 },
    #[error("sender {from} has {have} wei, needs {need}")]
    InsufficientFunds { from: Address, have: U256, need: U256 },
    #[error("sender {0} nonce overflow")]
    NonceOverflow(Address),
}

const TX_BASE: u64 = 21_000;
const TX_CREATE: u64 = 32_000;
const CALLDATA_ZERO: u64 = 4;
const CALLDATA_NONZERO: u64 = 16;
const INITCODE_WORD: u64 = 2;

/// Intrinsic gas of a transaction (no access list).
pub fn intrinsic_gas(data: &[u8], is_create: bool) -> u64 {
    let zeros = data.iter().filter(|b| **b == 0).count() as u64;
    let nonzeros = data.len() as u64 - zeros;
    let mut gas = TX_BASE + zeros * CALLDATA_ZERO + nonzeros * CALLDATA_NONZERO;
    if is_create {
        gas += TX_CREATE + INITCODE_WORD * (data.len() as u64).div_ceil(32);
    }
    gas
}

pub(crate) fn run(exec: &mut Exec<'_>, req: &TxRequest) -> Result<TxOutcome, TxError> {
    let intrinsic = intrinsic_gas(&req.data, req.to.is_none());
    if req.gas_limit < intrinsic {
        return Err(TxError::IntrinsicGas { need: intrinsic, have: req.gas_limit });
    }
    exec.ctx.tx.caller = req.from;
    exec.ctx.tx.gas_limit = req.gas_limit;
    exec.ctx.tx.gas_price = 0;
    exec.ctx.tx.value = req.value;
    let coinbase = exec.ctx.block.beneficiary;
    let journal = &mut exec.ctx.journaled_state;
    journal.warm_coinbase_account(coinbase);
    {
        let Ok(mut sender) = journal.load_account_mut(req.from);
        let balance = *sender.balance();
        if balance < req.value {
            return Err(TxError::InsufficientFunds { from: req.from, have: balance, need: req.value });
        }
        // A creation bumps the nonce in its frame (the address derives from the old one).
        if req.to.is_some() && !sender.bump_nonce() {
            return Err(TxError::NonceOverflow(req.from));
        }
    }
    let memory = SharedMemory::new_with_buffer(exec.ctx.local.shared_memory_buffer().clone());
    let gas = req.gas_limit - intrinsic;
    let (result, created) = match req.to {
        Some(to) => {
            let scheme = if req.is_static { CallScheme::StaticCall } else { CallScheme::Call };
            let inputs = call_inputs(exec, scheme, req.from, to, to, CallValue::Transfer(req.value), req.data.clone(), gas, req.is_static);
            (exec.call(inputs, 0, memory).result, None)
        }
        None => {
            let inputs = Box::new(CreateInputs::new(req.from, CreateScheme::Create, req.value, req.data.clone(), gas, 0));
            let outcome = exec.create(inputs, 0, memory);
            (outcome.result, outcome.address)
        }
    };
    let ok = result.result.is_ok();
    let remaining = if result.result.is_ok_or_revert() { result.gas.remaining() } else { 0 };
    let spent = req.gas_limit - remaining;
    let refund = if ok { u64::try_from(result.gas.refunded().max(0)).unwrap_or(0).min(spent / 5) } else { 0 };
    let status = if ok {
        TxStatus::Success
    } else if result.result == InstructionResult::Revert {
        TxStatus::Revert
    } else {
        TxStatus::Halt(Halt { reason: format!("{:?}", result.result) })
    };
    let logs = if ok { exec.ctx.journaled_state.take_logs() } else { Vec::new() };
    Ok(TxOutcome {
        status,
        output: result.output,
        gas_used: spent - refund,
        gas_refunded: refund,
        intrinsic_gas: intrinsic,
        logs,
        created,
    })
}
