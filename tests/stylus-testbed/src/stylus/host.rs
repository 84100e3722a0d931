//! The boundary between the Stylus runtime (wasmi, `vm_hooks`, ink metering) and the
//! world that owns state and the call stack (accounts, storage, EVM frames via revm).
//!
//! The runtime never touches state directly: every `vm_hooks` import that needs the
//! outside world goes through [`StylusHost`]. Gas figures returned here are EVM gas as
//! the world charges it (cold/warm access, SSTORE refunds aside); the runtime converts
//! them to ink (1 gas = 10,000 ink) and adds the host-I/O base cost of the hook.
//!
//! Owners: the runtime side (`stylus::*` except this file's implementors) calls this
//! trait; `world` implements it. Change it only together.

use super::memory_model::StylusPages;
use alloy_primitives::{Address, Bytes, B256, U256};

/// How a Stylus program called another account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallKind {
    Call,
    DelegateCall,
    StaticCall,
}

/// Result of a call or create made by a program.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SubcallOutcome {
    /// true when the callee returned normally (its state changes are kept).
    pub success: bool,
    /// Return or revert data; becomes the program's "return data" (`read_return_data`).
    pub output: Bytes,
    /// Gas the callee consumed (including the 63/64 rule's forwarding, excluding the
    /// caller's own base cost, which the world adds to `base_gas`).
    pub gas_used: u64,
    /// Gas the world charges the caller for the call itself (cold account access,
    /// value transfer, new-account surcharge), independent of the callee's work.
    pub base_gas: u64,
    /// For creates: the new contract's address when successful.
    pub created: Option<Address>,
}

/// Immutable facts about the current frame and transaction, fixed for one program run.
#[derive(Clone, Debug, Default)]
pub struct FrameContext {
    /// The account whose storage the program reads and writes (for a delegate call,
    /// the caller's account; the code is still the program's).
    pub address: Address,
    pub caller: Address,
    pub value: U256,
    pub input: Bytes,
    /// Gas available to this frame, EVM units.
    pub gas_limit: u64,
    pub is_static: bool,
    /// Whether this account already has a frame lower on the stack (`msg_reentrant`).
    pub reentrant: bool,
    /// Whether the program was found in the activation cache (cheaper entry).
    pub cached: bool,
    pub tx_origin: Address,
    pub tx_gas_price: U256,
    pub block_number: u64,
    pub block_timestamp: u64,
    pub block_basefee: U256,
    pub block_coinbase: Address,
    pub block_gas_limit: u64,
    pub chain_id: u64,
}

/// What the world offers a running program. All methods are infallible from the
/// program's point of view except where a `Result` says the frame must stop (for
/// example a write in a static context), in which case the runtime reverts the frame.
pub trait StylusHost {
    /// Persistent storage read of `key` in `FrameContext::address`; returns the value
    /// and the EVM gas of the access (2,100 cold / 100 warm).
    fn sload(&mut self, key: U256) -> (U256, u64);
    /// Persistent storage write (called when the runtime flushes its cache); returns
    /// the EVM gas of the SSTORE, or an error in a static context.
    fn sstore(&mut self, key: U256, value: U256) -> Result<u64, HostError>;
    /// Transient storage (EIP-1153) of `FrameContext::address`.
    fn tload(&mut self, key: U256) -> U256;
    fn tstore(&mut self, key: U256, value: U256) -> Result<(), HostError>;

    /// Runs a subcall to completion (EVM or Stylus callee) and returns its outcome.
    /// `gas` is the gas the program offers; the world applies the 63/64 rule.
    fn call(&mut self, kind: CallKind, to: Address, value: U256, gas: u64, input: &[u8]) -> SubcallOutcome;
    /// Nitro's `doCall` view of a subcall: the program's gas left and the gas it asked for
    /// (`u64::MAX` from the SDK), so the world can apply
    /// `min((gas_left - base) * 63/64, gas_requested)` exactly. The runtime calls this; the
    /// default passes `min(gas_requested, gas_left)` to [`StylusHost::call`].
    fn call_with_gas_left(
        &mut self,
        kind: CallKind,
        to: Address,
        value: U256,
        gas_left: u64,
        gas_requested: u64,
        input: &[u8],
    ) -> SubcallOutcome {
        self.call(kind, to, value, gas_requested.min(gas_left), input)
    }
    /// CREATE (salt `None`) or CREATE2 (salt `Some`) with EVM or Stylus deployment code.
    fn create(&mut self, init_code: &[u8], value: U256, salt: Option<B256>, gas: u64) -> SubcallOutcome;

    /// Appends a log of the current account; error in a static context.
    fn emit_log(&mut self, topics: &[B256], data: &[u8]) -> Result<(), HostError>;

    /// Account queries, each with the EVM gas of the access (cold/warm).
    fn balance(&mut self, account: Address) -> (U256, u64);
    fn code(&mut self, account: Address) -> (Bytes, u64);
    fn code_hash(&mut self, account: Address) -> (B256, u64);

    /// The transaction's Stylus memory page counters (Nitro `GetStylusPages`): pages open
    /// in the current call stack and the most ever open. The runtime reads them on entry
    /// (a program pays for the pages it opens beyond the free ones), publishes its own
    /// before each subcall and restores `open` on exit. A world should keep one value per
    /// transaction, starting at default. The default implementation keeps nothing, which
    /// prices every frame as if it were the first of its transaction (cheaper nested calls).
    fn stylus_pages(&self) -> StylusPages {
        StylusPages::default()
    }
    /// Stores the counters returned by [`StylusHost::stylus_pages`].
    fn set_stylus_pages(&mut self, _pages: StylusPages) {}
}

/// Why the world refused a request of the program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostError {
    /// State change attempted inside a static call.
    WriteInStaticContext,
    /// Out of gas while performing the request.
    OutOfGas,
}
