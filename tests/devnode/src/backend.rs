//! What the node needs from an execution engine: account state, a block environment and
//! transaction execution. The node adds everything chain-like on top (signatures, nonces,
//! fees, blocks, receipts).

use alloy_primitives::{Address, Bytes, Log, U256};

/// The block a transaction (or call) executes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockEnv {
    pub number: u64,
    pub timestamp: u64,
    pub base_fee: u64,
}

/// One execution request.
#[derive(Clone, Debug)]
pub struct Execution {
    pub from: Address,
    /// `None` runs `data` as init code (contract creation).
    pub to: Option<Address>,
    pub value: U256,
    pub data: Bytes,
    pub gas_limit: u64,
}

/// How the top frame ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExecStatus {
    Success,
    Revert,
    /// Exceptional halt (out of gas, invalid opcode, ...), with the engine's reason.
    Halt(String),
}

/// The result of an executed transaction.
#[derive(Clone, Debug)]
pub struct ExecOutcome {
    pub status: ExecStatus,
    /// Return data, or revert data.
    pub output: Bytes,
    /// Gas used as a receipt reports it (intrinsic gas included, refund deducted).
    pub gas_used: u64,
    /// Logs in emission order (empty unless successful).
    pub logs: Vec<Log>,
    /// Address of the contract a successful creation deployed.
    pub created: Option<Address>,
}

/// An execution engine holding the world state. Not `Send` (revm's context is not): the
/// server keeps the node on one executor thread.
pub trait Backend {
    fn balance(&self, address: Address) -> U256;
    fn nonce(&self, address: Address) -> u64;
    fn code(&self, address: Address) -> Bytes;
    fn storage(&self, address: Address, slot: U256) -> U256;
    fn set_balance(&mut self, address: Address, balance: U256);
    fn set_block_env(&mut self, env: BlockEnv);
    /// Runs `execution`; keeps its state changes (nonce bump included) when `commit`.
    /// `Err` means the transaction is invalid before execution and changed nothing.
    fn execute(&mut self, execution: &Execution, commit: bool) -> Result<ExecOutcome, String>;
    /// An opaque copy of the whole state (evm_snapshot).
    fn snapshot(&self) -> Box<dyn std::any::Any>;
    /// Restores a copy made by [`Backend::snapshot`]; false if `snapshot` is not one.
    fn restore(&mut self, snapshot: &dyn std::any::Any) -> bool;
}
