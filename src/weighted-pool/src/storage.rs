//! Storage layout: raw slots, laid out by hand (as the Vault's `storage.rs`).
//!
//! Why not the SDK's `StorageMap`/`StorageU256` fields: their constructors, per-type key
//! hashing and packed-field accessors cost ~4 KB of wasm in every facet, and several of
//! them carry panic paths (`FixedBytes::from_slice`, `Uint::from_be_slice` unwraps).
//! Every facet is built from this one module, so they all see the same layout (they
//! share one pool's storage through the per-pool proxy's DELEGATECALL).
//!
//! The slots are exactly those the SDK's `#[storage]` struct gave the same fields, so the
//! layout did not change: a value that does not fill its word (an address) sits in the
//! word's low-order bytes, and a map entry lives at `keccak(key word ‖ map slot)`.
//!
//! | slot | content |
//! |---|---|
//! | 0 | config word (`layout::Config`) |
//! | map 1 | token word index -> packed `TokenConfig`s (`layout`) |
//! | map 2 | token address -> packed (index + 1, `TokenConfig`) |
//! | map 3 | token index -> token address |
//! | 4 | poolId |
//! | 5 | owner |
//! | 6 | invariant after the last join/exit |
//! | 7 | BPT total supply |
//! | map 8 | account -> BPT balance |
//! | map 9 | owner -> (map: spender -> allowance) |
//! | map 10 | owner -> EIP-2612 nonce |
//! | map 11 | text key (`text`) -> 32-byte chunk |

use alloy_primitives::{Address, B256, U256};
use stylus_sdk::{crypto::keccak, prelude::*, stylus_core::host::StorageAccess};

use crate::codec::{address_word, u256_word, usize_word, word_u256};
use crate::contract::WeightedPool;

pub const CONFIG: U256 = U256::from_limbs([0, 0, 0, 0]);
const TOKEN_WORDS: U256 = U256::from_limbs([1, 0, 0, 0]);
const TOKEN_ENTRIES: U256 = U256::from_limbs([2, 0, 0, 0]);
const TOKENS: U256 = U256::from_limbs([3, 0, 0, 0]);
pub const POOL_ID: U256 = U256::from_limbs([4, 0, 0, 0]);
pub const OWNER: U256 = U256::from_limbs([5, 0, 0, 0]);
pub const LAST_INVARIANT: U256 = U256::from_limbs([6, 0, 0, 0]);
pub const TOTAL_SUPPLY: U256 = U256::from_limbs([7, 0, 0, 0]);
const BALANCES: U256 = U256::from_limbs([8, 0, 0, 0]);
const ALLOWANCES: U256 = U256::from_limbs([9, 0, 0, 0]);
const NONCES: U256 = U256::from_limbs([10, 0, 0, 0]);
const TEXTS: U256 = U256::from_limbs([11, 0, 0, 0]);

/// Slot of `map[key]` for the map rooted at `root` (Solidity's and the SDK's rule).
fn map_slot(key: [u8; 32], root: U256) -> U256 {
    let preimage = [key, u256_word(root)];
    word_u256(keccak(preimage.as_flattened()).0)
}

/// Token word `k` (three tokens per word, see `layout`).
pub fn token_word(k: usize) -> U256 {
    map_slot(usize_word(k), TOKEN_WORDS)
}

/// The token entry of `token` (pools of more than two tokens look tokens up here).
pub fn token_entry(token: Address) -> U256 {
    map_slot(address_word(token), TOKEN_ENTRIES)
}

/// The address of token `index` (registration order).
pub fn token(index: usize) -> U256 {
    map_slot(usize_word(index), TOKENS)
}

pub fn balance(account: Address) -> U256 {
    map_slot(address_word(account), BALANCES)
}

pub fn allowance(owner: Address, spender: Address) -> U256 {
    map_slot(address_word(spender), map_slot(address_word(owner), ALLOWANCES))
}

pub fn nonce(owner: Address) -> U256 {
    map_slot(address_word(owner), NONCES)
}

/// A chunk of the name/symbol store (`text` chooses the keys).
pub fn text(key: U256) -> U256 {
    map_slot(u256_word(key), TEXTS)
}

impl WeightedPool {
    pub(crate) fn sload(&self, slot: U256) -> U256 {
        word_u256(self.vm().storage_load_bytes32(slot).0)
    }

    pub(crate) fn sstore(&mut self, slot: U256, value: U256) {
        // SAFETY: the pool holds no storage reference type, so no cached accessor can
        // alias this write; the entry point flushes the cache before returning.
        unsafe { self.vm().storage_cache_bytes32(slot, B256::new(u256_word(value))) }
    }

    pub(crate) fn sload_address(&self, slot: U256) -> Address {
        Address::from_word(B256::new(u256_word(self.sload(slot))))
    }

    pub(crate) fn sstore_address(&mut self, slot: U256, value: Address) {
        self.sstore(slot, word_u256(address_word(value)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::keccak256;

    fn word(x: u64) -> [u8; 32] {
        U256::from(x).to_be_bytes()
    }

    fn solidity_map_slot(key: [u8; 32], root: [u8; 32]) -> U256 {
        U256::from_be_bytes(keccak256([key, root].concat()).0)
    }

    #[test]
    fn slots_follow_the_solidity_mapping_rule() {
        let a = Address::repeat_byte(0xa1);
        let b = Address::repeat_byte(0xb2);
        assert_eq!(token_word(1), solidity_map_slot(word(1), word(1)));
        assert_eq!(token_entry(a), solidity_map_slot(a.into_word().0, word(2)));
        assert_eq!(token(15), solidity_map_slot(word(15), word(3)));
        assert_eq!(balance(a), solidity_map_slot(a.into_word().0, word(8)));
        let inner = solidity_map_slot(a.into_word().0, word(9));
        assert_eq!(allowance(a, b), solidity_map_slot(b.into_word().0, inner.to_be_bytes()));
        assert_ne!(allowance(a, b), allowance(b, a));
        assert_eq!(nonce(b), solidity_map_slot(b.into_word().0, word(10)));
        let key = U256::from(1u8) << 64;
        assert_eq!(text(key), solidity_map_slot(key.to_be_bytes(), word(11)));
    }

    /// The same slots the SDK's `StorageMap` computes for these key types.
    #[test]
    fn slots_match_the_sdk_maps() {
        use stylus_sdk::storage::StorageKey;
        let a = Address::repeat_byte(0x5c);
        assert_eq!(balance(a), a.to_slot(B256::from(BALANCES)));
        assert_eq!(token_word(7), U256::from(7u8).to_slot(B256::from(TOKEN_WORDS)));
        let inner = a.to_slot(B256::from(ALLOWANCES));
        assert_eq!(allowance(a, a), a.to_slot(B256::from(inner)));
    }
}
