//! Emits the V2 events. Topic 0 of each is alloy's `SIGNATURE_HASH` of the `sol!`
//! declaration in `abi.rs`; data is laid out by `codec` (see there for why).

use alloc::vec::Vec;
use alloy_primitives::{Address, B256, I256, U256};
use alloy_sol_types::SolEvent;
use stylus_sdk::{host::VM, prelude::*};

use crate::abi;
use crate::codec::{array, encode, Item, ToWord};

/// Raw log: topics then data, as the `emit_log` hostio wants them.
pub fn emit(vm: &VM, topics: &[B256], data: &[u8]) {
    let mut buf = Vec::with_capacity(topics.len() * 32 + data.len());
    for t in topics {
        buf.extend_from_slice(t.as_slice());
    }
    buf.extend_from_slice(data);
    vm.emit_log(&buf, topics.len());
}

fn words(items: &[B256]) -> Vec<u8> {
    encode(None, &items.iter().map(|w| Item::Word(*w)).collect::<Vec<_>>())
}

pub fn swap(vm: &VM, pool_id: B256, token_in: Address, token_out: Address, amount_in: U256, amount_out: U256) {
    emit(
        vm,
        &[abi::Swap::SIGNATURE_HASH, pool_id, token_in.to_word(), token_out.to_word()],
        &words(&[amount_in.to_word(), amount_out.to_word()]),
    );
}

pub fn internal_balance_changed(vm: &VM, user: Address, token: Address, delta: I256) {
    emit(
        vm,
        &[abi::InternalBalanceChanged::SIGNATURE_HASH, user.to_word(), token.to_word()],
        &words(&[delta.to_word()]),
    );
}

pub fn external_balance_transfer(vm: &VM, token: Address, sender: Address, recipient: Address, amount: U256) {
    emit(
        vm,
        &[abi::ExternalBalanceTransfer::SIGNATURE_HASH, token.to_word(), sender.to_word()],
        &words(&[recipient.to_word(), amount.to_word()]),
    );
}

pub fn flash_loan(vm: &VM, recipient: Address, token: Address, amount: U256, fee: U256) {
    emit(
        vm,
        &[abi::FlashLoan::SIGNATURE_HASH, recipient.to_word(), token.to_word()],
        &words(&[amount.to_word(), fee.to_word()]),
    );
}

pub fn pool_balance_changed(vm: &VM, pool_id: B256, provider: Address, tokens: &[Address], deltas: &[I256], fees: &[U256]) {
    emit(
        vm,
        &[abi::PoolBalanceChanged::SIGNATURE_HASH, pool_id, provider.to_word()],
        &encode(None, &[array(tokens), array(deltas), array(fees)]),
    );
}

pub fn pool_registered(vm: &VM, pool_id: B256, pool: Address, specialization: u16) {
    emit(
        vm,
        &[abi::PoolRegistered::SIGNATURE_HASH, pool_id, pool.to_word()],
        &words(&[U256::from(specialization).to_word()]),
    );
}

pub fn tokens_registered(vm: &VM, pool_id: B256, tokens: &[Address], managers: &[Address]) {
    emit(
        vm,
        &[abi::TokensRegistered::SIGNATURE_HASH, pool_id],
        &encode(None, &[array(tokens), array(managers)]),
    );
}

pub fn tokens_deregistered(vm: &VM, pool_id: B256, tokens: &[Address]) {
    emit(vm, &[abi::TokensDeregistered::SIGNATURE_HASH, pool_id], &encode(None, &[array(tokens)]));
}

pub fn relayer_approval_changed(vm: &VM, relayer: Address, sender: Address, approved: bool) {
    emit(
        vm,
        &[abi::RelayerApprovalChanged::SIGNATURE_HASH, relayer.to_word(), sender.to_word()],
        &words(&[approved.to_word()]),
    );
}

/// Events with one indexed address and no data, or one data word and no index.
pub fn address_changed(vm: &VM, signature: B256, who: Address) {
    emit(vm, &[signature, who.to_word()], &[]);
}

pub fn value_changed(vm: &VM, signature: B256, value: B256) {
    emit(vm, &[signature], &words(&[value]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_data_matches_alloy() {
        let e = abi::PoolBalanceChanged {
            poolId: B256::repeat_byte(1),
            liquidityProvider: Address::repeat_byte(2),
            tokens: vec![Address::repeat_byte(3), Address::repeat_byte(4)],
            deltas: vec![I256::MINUS_ONE, I256::ONE],
            protocolFeeAmounts: vec![U256::ZERO, U256::from(5u8)],
        };
        assert_eq!(
            encode(None, &[array(&e.tokens), array(&e.deltas), array(&e.protocolFeeAmounts)]),
            e.encode_data()
        );
        let s = abi::Swap {
            poolId: B256::ZERO,
            tokenIn: Address::ZERO,
            tokenOut: Address::ZERO,
            amountIn: U256::from(1u8),
            amountOut: U256::from(2u8),
        };
        assert_eq!(words(&[s.amountIn.to_word(), s.amountOut.to_word()]), s.encode_data());
    }
}
