//! Packed pool-balance words and the in-memory overlay operations work on.
//!
//! Every pool balance lives in a 256-bit *balance word*, handled as two u128 halves
//! (cheap wasm, no 256-bit shifts):
//!
//! ```text
//! low half  (bits   0..128): low field (112 bits)  | lastChangeBlock bits 0..16  << 112
//! high half (bits 128..256): high field (112 bits) | lastChangeBlock bits 16..31 << 112
//!                            | registered flag << 127
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

use crate::errors::Res;
use crate::storage::{key, TAG_PAIR, TAG_TOKEN};
use crate::Vault;

const MASK112: u128 = (1u128 << 112) - 1;
const FLAG: u128 = 1u128 << 127;

/// 2^112 - 1, the largest balance a word can hold.
pub const MAX_BALANCE: U256 = U256::from_limbs([u64::MAX, (1u64 << 48) - 1, 0, 0]);

fn halves(word: U256) -> (u128, u128) {
    let [a, b, c, d] = *word.as_limbs();
    (u128::from(a) | (u128::from(b) << 64), u128::from(c) | (u128::from(d) << 64))
}

fn join(lo: u128, hi: u128) -> U256 {
    U256::from_limbs([lo as u64, (lo >> 64) as u64, hi as u64, (hi >> 64) as u64])
}

/// A value that must fit in 112 bits.
fn narrow(value: U256) -> Res<u128> {
    if value > MAX_BALANCE {
        crate::bail!(BalanceTooLarge);
    }
    let [a, b, _, _] = *value.as_limbs();
    Ok(u128::from(a) | (u128::from(b) << 64))
}

/// Key of a two-token pool's shared word; `a < b`.
pub fn pair_key(pool_id: B256, a: Address, b: Address) -> U256 {
    key(TAG_PAIR, &[pool_id.as_slice(), a.as_slice(), b.as_slice()])
}

/// Key of a minimal-swap-info pool's per-token word.
pub fn token_key(pool_id: B256, token: Address) -> U256 {
    key(TAG_TOKEN, &[pool_id.as_slice(), token.as_slice()])
}

pub fn is_registered(word: U256) -> bool {
    halves(word).1 & FLAG != 0
}

pub fn field(word: U256, high: bool) -> U256 {
    let (lo, hi) = halves(word);
    U256::from(if high { hi } else { lo } & MASK112)
}

pub fn last_change_block(word: U256) -> U256 {
    let (lo, hi) = halves(word);
    U256::from((lo >> 112) | (((hi >> 112) & 0x7fff) << 16))
}

/// A registered word holding `low`, `high` and `block` (mod 2^31); fails if a field
/// exceeds 112 bits.
pub fn pack(low: U256, high: U256, block: u64) -> Res<U256> {
    let block = u128::from(block);
    let lo = narrow(low)? | ((block & 0xffff) << 112);
    let hi = narrow(high)? | (((block >> 16) & 0x7fff) << 112) | FLAG;
    Ok(join(lo, hi))
}

/// Which balance of which cached word.
#[derive(Clone, Copy)]
pub struct BalRef {
    pub slot: usize,
    pub high: bool,
}

struct Entry {
    key: U256,
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
    pub fn load(&mut self, vault: &Vault, key: U256) -> usize {
        if let Some(i) = self.entries.iter().position(|e| e.key == key) {
            return i;
        }
        self.entries.push(Entry { key, word: vault.sload(key), dirty: false });
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
    pub fn commit(&self, vault: &mut Vault) {
        for e in self.entries.iter().filter(|e| e.dirty) {
            vault.sstore(e.key, e.word);
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
        let w = pack(MAX_BALANCE, U256::from(5u8), 0x1234_5678).unwrap();
        assert_eq!(last_change_block(w), U256::from(0x1234_5678u32));
        assert_eq!(field(w, false), MAX_BALANCE);
        assert_eq!(field(w, true), U256::from(5u8));
        assert!(pack(MAX_BALANCE + U256::from(1u8), U256::ZERO, 0).is_err());
        assert!(pack(U256::ZERO, MAX_BALANCE + U256::from(1u8), 0).is_err());
        // block numbers wrap into 31 bits and never touch the flag
        let w = pack(U256::ZERO, U256::ZERO, u64::MAX).unwrap();
        assert_eq!(last_change_block(w), U256::from((1u64 << 31) - 1));
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
