//! Storage layout: raw slots, laid out by hand.
//!
//! Why not the SDK's `StorageMap`/`StorageU256` components: they cost ~4 KB of wasm
//! (slot arithmetic in constructors, per-type key hashing) in a contract that has to
//! fit 24 KiB, and hash twice (our packed keys, then the map's). Here every key is
//! hashed once:
//!
//! | slot | content |
//! |---|---|
//! | 0 | config word (fees, pause window, paused flag; see `admin`) |
//! | 1 | authorizer |
//! | 2 | WETH |
//! | 3 | protocol fee recipient |
//! | 4 | next pool nonce |
//! | keccak(1 ‖ poolId) | 0 = unregistered, else 1 + number of tokens |
//! | keccak(2 ‖ poolId ‖ index) | the pool's `index`-th token |
//! | keccak(3 ‖ poolId ‖ tokenA ‖ tokenB) | two-token balance word (see `balances`) |
//! | keccak(4 ‖ poolId ‖ token) | minimal-swap-info balance word |
//! | keccak(5 ‖ user ‖ token) | internal balance |
//! | keccak(6 ‖ user ‖ relayer) | relayer approval (1 / 0) |
//!
//! Preimages start with distinct tags, so no two maps can share a key, and no keccak
//! output is a small fixed slot (that would be a hash preimage break).

use alloy_primitives::{Address, B256, U256};
use stylus_sdk::{crypto::keccak, prelude::*, stylus_core::host::StorageAccess};

use crate::Vault;

pub const CONFIG: U256 = U256::ZERO;
pub const AUTHORIZER: U256 = U256::from_limbs([1, 0, 0, 0]);
pub const WETH: U256 = U256::from_limbs([2, 0, 0, 0]);
pub const FEE_RECIPIENT: U256 = U256::from_limbs([3, 0, 0, 0]);
pub const NEXT_NONCE: U256 = U256::from_limbs([4, 0, 0, 0]);

pub const TAG_POOL: u8 = 1;
pub const TAG_TOKEN_LIST: u8 = 2;
pub const TAG_PAIR: u8 = 3;
pub const TAG_TOKEN: u8 = 4;
pub const TAG_INTERNAL: u8 = 5;
pub const TAG_RELAYER: u8 = 6;

/// keccak(tag ‖ parts…) as a slot.
pub fn key(tag: u8, parts: &[&[u8]]) -> U256 {
    let mut buf = [0u8; 96];
    buf[0] = tag;
    let mut len = 1;
    for part in parts {
        let end = (len + part.len()).min(buf.len());
        if let Some(dst) = buf.get_mut(len..end) {
            dst.copy_from_slice(part.get(..end - len).unwrap_or_default());
        }
        len = end;
    }
    U256::from_be_bytes(keccak(buf.get(..len).unwrap_or_default()).0)
}

pub fn internal_key(user: Address, token: Address) -> U256 {
    key(TAG_INTERNAL, &[user.as_slice(), token.as_slice()])
}

pub fn relayer_key(user: Address, relayer: Address) -> U256 {
    key(TAG_RELAYER, &[user.as_slice(), relayer.as_slice()])
}

pub fn pool_key(pool_id: B256) -> U256 {
    key(TAG_POOL, &[pool_id.as_slice()])
}

/// Key of the `index`-th entry of a pool's token list (indices < 256).
pub fn list_key(pool_id: B256, index: usize) -> U256 {
    key(TAG_TOKEN_LIST, &[pool_id.as_slice(), &[index as u8]])
}

impl Vault {
    pub(crate) fn sload(&self, slot: U256) -> U256 {
        U256::from_be_bytes(self.vm().storage_load_bytes32(slot).0)
    }

    pub(crate) fn sstore(&mut self, slot: U256, value: U256) {
        // SAFETY: no storage reference type is used anywhere in the Vault, so there is
        // nothing a cached write could alias.
        unsafe { self.vm().storage_cache_bytes32(slot, B256::from(value)) }
    }

    pub(crate) fn sload_address(&self, slot: U256) -> Address {
        crate::codec::word_to_address(self.sload(slot).to_be_bytes())
    }

    pub(crate) fn sstore_address(&mut self, slot: U256, value: Address) {
        self.sstore(slot, U256::from_be_bytes(crate::codec::address_to_word(value)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_tagged_keccaks() {
        let p = B256::repeat_byte(9);
        let a = Address::repeat_byte(1);
        let mut pre = vec![TAG_TOKEN];
        pre.extend_from_slice(p.as_slice());
        pre.extend_from_slice(a.as_slice());
        assert_eq!(key(TAG_TOKEN, &[p.as_slice(), a.as_slice()]), U256::from_be_bytes(keccak(&pre).0));
        assert_ne!(internal_key(a, a), relayer_key(a, a));
        assert_ne!(list_key(p, 0), list_key(p, 1));
    }
}
