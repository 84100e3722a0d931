//! World probe: a small Stylus program the test bed's self-tests drive across VMs.
//! It forwards calls (bubbling revert data verbatim), reports `msg_reentrant`, keeps a
//! key/value store, emits a tagged event and deploys with CREATE2.
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
#[macro_use]
extern crate alloc;

use alloc::vec::Vec;
use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::sol;
use stylus_sdk::{abi::Bytes, call::RawCall, deploy::RawDeploy, prelude::*, storage::{StorageMap, StorageU256}};

sol! {
    event Tagged(uint256 indexed tag, address sender);
    error ProbeFailed(uint256 code);
}

#[derive(SolidityError)]
pub enum ProbeError {
    ProbeFailed(ProbeFailed),
}

#[storage]
#[entrypoint]
pub struct Probe {
    values: StorageMap<U256, StorageU256>,
}

#[public]
impl Probe {
    /// CALLs `to` with `data` and all gas; returns its output or re-reverts its revert data.
    pub fn forward(&mut self, to: Address, data: Bytes) -> Result<Bytes, Vec<u8>> {
        let out = unsafe { RawCall::new(self.vm()).flush_storage_cache().call(to, &data) }?;
        Ok(out.into())
    }

    /// STATICCALLs `to` with `data`; returns its output or re-reverts its revert data.
    pub fn forward_static(&self, to: Address, data: Bytes) -> Result<Bytes, Vec<u8>> {
        let out = unsafe { RawCall::new_static(self.vm()).call(to, &data) }?;
        Ok(out.into())
    }

    /// Whether another frame of this account is open below this one (Nitro semantics).
    pub fn is_reentrant(&self) -> bool {
        self.vm().msg_reentrant()
    }

    pub fn set(&mut self, key: U256, value: U256) {
        self.values.setter(key).set(value);
    }

    pub fn get(&self, key: U256) -> U256 {
        self.values.get(key)
    }

    /// Emits `Tagged(tag, msg.sender)`, then forwards like [`Probe::forward`].
    pub fn log_and_forward(&mut self, tag: U256, to: Address, data: Bytes) -> Result<Bytes, Vec<u8>> {
        let sender = self.vm().msg_sender();
        self.vm().log(Tagged { tag, sender });
        if to == Address::ZERO {
            return Ok(Bytes::default());
        }
        self.forward(to, data)
    }

    /// Deploys `init_code` with CREATE2 and `salt`; reverts with the init code's revert data.
    pub fn deploy2(&mut self, salt: B256, init_code: Bytes) -> Result<Address, Vec<u8>> {
        unsafe { RawDeploy::new().salt(salt).deploy(self.vm(), &init_code, U256::ZERO) }
    }

    /// Always reverts with `ProbeFailed(code)`.
    pub fn fail(&self, code: U256) -> Result<(), ProbeError> {
        Err(ProbeError::ProbeFailed(ProbeFailed { code }))
    }
}
