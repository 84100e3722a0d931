//! Shared helpers for the Stylus runtime self-tests: a HashMap-backed world and WAT
//! program builders.
#![allow(dead_code)]

use alloy_primitives::{Address, Bytes, B256, U256};
use std::collections::HashMap;
use stylus_testbed::stylus::{
    CallKind, FrameContext, HostError, Program, StylusHost, StylusPages, SubcallOutcome,
};

/// A recorded subcall.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallRecord {
    pub kind: CallKind,
    pub to: Address,
    pub value: U256,
    pub gas: u64,
    pub input: Vec<u8>,
    /// For calls: the program's gas left and the gas it requested (Nitro's doCall inputs).
    pub gas_left: u64,
    pub requested: u64,
}

/// A world of one account: storage, transient storage, logs, scripted subcalls.
#[derive(Default)]
pub struct MockHost {
    pub storage: HashMap<U256, U256>,
    pub transient: HashMap<U256, U256>,
    pub warm: std::collections::HashSet<U256>,
    pub sstores: Vec<(U256, U256)>,
    pub logs: Vec<(Vec<B256>, Vec<u8>)>,
    pub calls: Vec<CallRecord>,
    /// What the next subcalls return (front first); default success with no data.
    pub call_results: Vec<SubcallOutcome>,
    /// Storage writes a callee performs on this account during the next subcall.
    pub callee_writes: Vec<(U256, U256)>,
    pub is_static: bool,
    pub balances: HashMap<Address, U256>,
    pub codes: HashMap<Address, Bytes>,
    pub pages: StylusPages,
}

impl StylusHost for MockHost {
    fn sload(&mut self, key: U256) -> (U256, u64) {
        let gas = if self.warm.insert(key) { 2_100 } else { 100 };
        (self.storage.get(&key).copied().unwrap_or_default(), gas)
    }

    fn sstore(&mut self, key: U256, value: U256) -> Result<u64, HostError> {
        if self.is_static {
            return Err(HostError::WriteInStaticContext);
        }
        let cold = if self.warm.insert(key) { 2_100 } else { 0 };
        self.sstores.push((key, value));
        self.storage.insert(key, value);
        Ok(cold + 20_000)
    }

    fn tload(&mut self, key: U256) -> U256 {
        self.transient.get(&key).copied().unwrap_or_default()
    }

    fn tstore(&mut self, key: U256, value: U256) -> Result<(), HostError> {
        if self.is_static {
            return Err(HostError::WriteInStaticContext);
        }
        self.transient.insert(key, value);
        Ok(())
    }

    fn call(&mut self, kind: CallKind, to: Address, value: U256, gas: u64, input: &[u8]) -> SubcallOutcome {
        self.calls.push(CallRecord { kind, to, value, gas, input: input.to_vec(), gas_left: gas, requested: gas });
        for (k, v) in std::mem::take(&mut self.callee_writes) {
            self.storage.insert(k, v);
        }
        if self.call_results.is_empty() {
            SubcallOutcome { success: true, ..Default::default() }
        } else {
            self.call_results.remove(0)
        }
    }

    fn call_with_gas_left(
        &mut self,
        kind: CallKind,
        to: Address,
        value: U256,
        gas_left: u64,
        requested: u64,
        input: &[u8],
    ) -> SubcallOutcome {
        let outcome = self.call(kind, to, value, requested.min(gas_left), input);
        if let Some(record) = self.calls.last_mut() {
            record.gas_left = gas_left;
            record.requested = requested;
        }
        outcome
    }

    fn create(&mut self, init_code: &[u8], value: U256, salt: Option<B256>, gas: u64) -> SubcallOutcome {
        self.calls.push(CallRecord {
            kind: CallKind::Call,
            to: Address::ZERO,
            value,
            gas,
            input: init_code.to_vec(),
            gas_left: gas,
            requested: gas,
        });
        let created = Address::from_word(salt.unwrap_or_default());
        SubcallOutcome { success: true, created: Some(created), gas_used: 32_000, ..Default::default() }
    }

    fn emit_log(&mut self, topics: &[B256], data: &[u8]) -> Result<(), HostError> {
        if self.is_static {
            return Err(HostError::WriteInStaticContext);
        }
        self.logs.push((topics.to_vec(), data.to_vec()));
        Ok(())
    }

    fn balance(&mut self, account: Address) -> (U256, u64) {
        (self.balances.get(&account).copied().unwrap_or_default(), 2_600)
    }

    fn code(&mut self, account: Address) -> (Bytes, u64) {
        (self.codes.get(&account).cloned().unwrap_or_default(), 2_600)
    }

    fn code_hash(&mut self, account: Address) -> (B256, u64) {
        let code = self.codes.get(&account).cloned().unwrap_or_default();
        (alloy_primitives::keccak256(&code), 2_600)
    }

    fn stylus_pages(&self) -> StylusPages {
        self.pages
    }

    fn set_stylus_pages(&mut self, pages: StylusPages) {
        self.pages = pages;
    }
}

/// A frame context with `input`, 10M gas, uncached.
pub fn frame(input: &[u8]) -> FrameContext {
    FrameContext {
        address: Address::repeat_byte(0xAA),
        caller: Address::repeat_byte(0xCC),
        input: Bytes::copy_from_slice(input),
        gas_limit: 10_000_000,
        tx_origin: Address::repeat_byte(0x0F),
        chain_id: 42_161,
        block_number: 7,
        block_timestamp: 1_700_000_000,
        ..Default::default()
    }
}

/// Compiles WAT text to a loaded program (panics on error: test helper).
pub fn program(wat: &str) -> Program {
    let wasm = wat::parse_str(wat).expect("valid wat");
    Program::from_wasm(&wasm).expect("valid Stylus program")
}

/// 32-byte big-endian word of `x`.
pub fn word(x: u64) -> [u8; 32] {
    U256::from(x).to_be_bytes::<32>()
}
