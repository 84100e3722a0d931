//! Runtime probe: a stylus-sdk 0.10.10 program whose methods each lean on a different
//! group of host hooks (storage, events, calls, environment, accounts, meters, memory),
//! so running it proves the test bed wires every hook the SDK really imports.
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
#[macro_use]
extern crate alloc;

use alloc::vec::Vec;
use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::sol;
use stylus_sdk::{abi::Bytes, call::RawCall, prelude::*, storage::{StorageMap, StorageU256}};

sol! {
    event Counted(address indexed who, uint256 count);
    error TooBig(uint256 count);
}

#[derive(SolidityError)]
pub enum ProbeError {
    TooBig(TooBig),
}

#[storage]
#[entrypoint]
pub struct RuntimeProbe {
    count: StorageU256,
    deposits: StorageMap<Address, StorageU256>,
}

#[public]
impl RuntimeProbe {
    /// Adds one to the counter, logs it, and reverts past `limit` (storage, events, errors).
    pub fn increment(&mut self, limit: U256) -> Result<U256, ProbeError> {
        let count = self.count.get() + U256::from(1);
        if count > limit {
            return Err(ProbeError::TooBig(TooBig { count }));
        }
        self.count.set(count);
        let who = self.vm().msg_sender();
        self.vm().log(Counted { who, count });
        Ok(count)
    }

    pub fn count(&self) -> U256 {
        self.count.get()
    }

    /// Credits the value sent to the sender (payable, `msg_value`, map keyed by keccak).
    #[payable]
    pub fn deposit(&mut self) -> U256 {
        let who = self.vm().msg_sender();
        let value = self.vm().msg_value();
        let mut slot = self.deposits.setter(who);
        let total = slot.get() + value;
        slot.set(total);
        total
    }

    pub fn deposit_of(&self, who: Address) -> U256 {
        self.deposits.get(who)
    }

    /// Block and transaction facts.
    pub fn environment(&self) -> (u64, u64, u64, u64, Address, Address, Address, U256, U256, u32) {
        let vm = self.vm();
        (
            vm.chain_id(),
            vm.block_number(),
            vm.block_timestamp(),
            vm.block_gas_limit(),
            vm.block_coinbase(),
            vm.tx_origin(),
            vm.contract_address(),
            vm.block_basefee(),
            vm.tx_gas_price(),
            vm.tx_ink_price(),
        )
    }

    /// Facts about another account.
    pub fn account(&self, who: Address) -> (U256, U256, B256, Bytes) {
        let vm = self.vm();
        (vm.balance(who), U256::from(vm.code_size(who)), vm.code_hash(who), vm.code(who).into())
    }

    /// Both meters, read twice to show they go down.
    pub fn meters(&self) -> (u64, u64, u64) {
        let vm = self.vm();
        let gas = vm.evm_gas_left();
        let ink = vm.evm_ink_left();
        (gas, ink, vm.evm_gas_left())
    }

    pub fn hash(&self, data: Bytes) -> B256 {
        self.vm().native_keccak256(&data)
    }

    /// Allocates `kib` KiB (grows memory) and returns a checksum of it.
    pub fn allocate(&self, kib: u32) -> U256 {
        let bytes: Vec<u8> = (0..kib as usize * 1024).map(|i| i as u8).collect();
        U256::from(bytes.iter().map(|b| *b as u64).sum::<u64>())
    }

    /// Calls `to` with `data` after flushing and clearing the storage cache, then reads
    /// the counter again (a callee may have re-entered and changed it).
    pub fn call_then_count(&mut self, to: Address, data: Bytes) -> Result<(Bytes, U256), Vec<u8>> {
        let out = unsafe { RawCall::new(self.vm()).clear_storage_cache().call(to, &data) }?;
        Ok((out.into(), self.count.get()))
    }

    /// Whether this frame re-entered the account.
    pub fn reentrant(&self) -> bool {
        self.vm().msg_reentrant()
    }
}
