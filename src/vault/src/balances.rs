//! Packed pool-balance words and the in-memory overlay operations work on.
//!
//! Every pool balance lives in a 256-bit *balance word*:
//!
//! ```text
//! bit 255      : registered flag (the word exists)
//! bits 224..255: lastChangeBlock (31 bits; block numbers are reduced mod 2^31)
//! bits 112..224: "high" field
//! bits   0..112: "low" field (a balance)
//! ```
//!
//! * TWO_TOKEN pools keep both balances in ONE word keyed by
//!   `keccak(poolId ‖ tokenA ‖ tokenB)` (tokens sorted): low = balance of tokenA,
//!   high = balance of tokenB. A swap reads and writes a single slot, and finding the
//!   registered word *is* the proof that both tokens belong to the pool.
//! * MINIMAL_SWAP_INFO pools keep one word per token keyed by `keccak(poolId ‖ token)`:
//!   low = cash, high = the token's index in the pool's token list.
//!
//! Balances are capped at 2^112 - 1 like V2 (`BalanceTooLarge` otherwise).
//! Operations read words into a [`BalanceCache`], change them in memory and write each
//! dirty word once at the end (multi-hop batches through the same pool pay one SSTORE);
//! `queryBatchSwap` simply never commits.

use alloc::vec::Vec;
use alloy_primitives::{Address, B256, U256};
use stylus_sdk::{crypto::keccak, storage::StorageU256};

use crate::errors::Res;

pub type BalanceMap = stylus_sdk::storage::StorageMap<B256, StorageU256>;

const FIELD_BITS: usize = 112;
const BLOCK_SHIFT: usize = 224;
const FLAG_BIT: usize = 255;

/// 2^112 - 1, the largest balance a word can hold.
pub const MAX_BALANCE: U256 = U256::from_limbs([u64::MAX, (1u64 << 48) - 1, 0, 0]);
const BLOCK_MASK: u64 = (1u64 << 31) - 1;

/// Key of a two-token pool's shared word; `a < b`.
pub fn pair_key(pool_id: B256, a: Address, b: Address) -> B256 {
    let mut buf = [0u8; 72];
    buf[..32].copy_from_slice(pool_id.as_slice());
    buf[32..52].copy_from_slice(a.as_slice());
    buf[52..].copy_from_slice(b.as_slice());
    keccak(buf)
}

/// Key of a minimal-swap-info pool's per-token word.
pub fn token_key(pool_id: B256, token: Address) -> B256 {
    let mut buf = [0u8; 52];
    buf[..32].copy_from_slice(pool_id.as_slice());
    buf[32..].copy_from_slice(token.as_slice());
    keccak(buf)
}

pub fn is_registered(word: U256) -> bool {
    word.bit(FLAG_BIT)
}

pub fn field(word: U256, high: bool) -> U256 {
    let shifted = if high { word >> FIELD_BITS } else { word };
    shifted & MAX_BALANCE
}

pub fn last_change_block(word: U256) -> U256 {
    (word >> BLOCK_SHIFT) & U256::from(BLOCK_MASK)
}

/// A registered word holding `low`, `high` and `block`; fails if a field exceeds 112 bits.
pub fn pack(low: U256, high: U256, block: u64) -> Res<U256> {
    if low > MAX_BALANCE || high > MAX_BALANCE {
        crate::bail!(BalanceTooLarge);
    }
    Ok((U256::from(1u8) << FLAG_BIT)
        | (U256::from(block & BLOCK_MASK) << BLOCK_SHIFT)
        | (high << FIELD_BITS)
        | low)
}

/// Which balance of which cached word.
#[derive(Clone, Copy)]
pub struct BalRef {
    pub slot: usize,
    pub high: bool,
}

struct Entry {
    key: B256,
    word: U256,
    dirty: bool,
}

/// In-memory overlay over the balance words touched by one operation.
#[derive(Default)]
pub struct BalanceCache {
    entries: Vec<Entry>,
}

impl BalanceCache {
    /// Index of the word `key`, reading storage the first time only.
    pub fn load(&mut self, map: &BalanceMap, key: B256) -> usize {
        if let Some(i) = self.entries.iter().position(|e| e.key == key) {
            return i;
        }
        self.entries.push(Entry { key, word: map.get(key), dirty: false });
        self.entries.len() - 1
    }

    pub fn word(&self, slot: usize) -> U256 {
        self.entries.get(slot).map_or(U256::ZERO, |e| e.word)
    }

    pub fn balance(&self, r: BalRef) -> U256 {
        field(self.word(r.slot), r.high)
    }

    /// Sets one balance of a word and stamps it with `block`.
    pub fn set_balance(&mut self, r: BalRef, value: U256, block: u64) -> Res<()> {
        let word = self.word(r.slot);
        let (low, high) = if r.high {
            (field(word, false), value)
        } else {
            (value, field(word, true))
        };
        let packed = pack(low, high, block)?;
        if let Some(e) = self.entries.get_mut(r.slot) {
            e.word = packed;
            e.dirty = true;
        }
        Ok(())
    }

    /// Writes every changed word back to storage.
    pub fn commit(&self, map: &mut BalanceMap) {
        for e in self.entries.iter().filter(|e| e.dirty) {
            map.setter(e.key).set(e.word);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_roundtrip_and_limits() {
        let w = pack(U256::from(7u8), MAX_BALANCE, 123).unwrap();
        assert!(is_registered(w));
        assert_eq!(field(w, false), U256::from(7u8));
        assert_eq!(field(w, true), MAX_BALANCE);
        assert_eq!(last_change_block(w), U256::from(123u8));
        assert!(pack(MAX_BALANCE + U256::from(1u8), U256::ZERO, 0).is_err());
        assert!(pack(U256::ZERO, MAX_BALANCE + U256::from(1u8), 0).is_err());
        // block numbers wrap into 31 bits and never touch the flag
        let w = pack(U256::ZERO, U256::ZERO, u64::MAX).unwrap();
        assert_eq!(last_change_block(w), U256::from(BLOCK_MASK));
        assert!(is_registered(w));
        assert!(!is_registered(U256::ZERO));
    }

    #[test]
    fn keys_differ_by_layout() {
        let p = B256::repeat_byte(1);
        let a = Address::repeat_byte(2);
        let b = Address::repeat_byte(3);
        assert_ne!(pair_key(p, a, b), pair_key(p, b, a));
        assert_ne!(token_key(p, a), token_key(p, b));
        assert_ne!(pair_key(p, a, b), token_key(p, a));
    }
}
