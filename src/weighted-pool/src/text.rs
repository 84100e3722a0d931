//! Storage of the BPT's name and symbol as 32-byte chunks.
//!
//! The SDK's `StorageString` (Solidity's string layout) computes slot offsets with
//! ruint's general 256-bit division, which alone costs ~8 KB of wasm. These strings are
//! written once and only read by getters, so a plain layout does: in the text map
//! (`storage::text`), under key `(id << 64) | 0` the byte length, under
//! `(id << 64) | (k + 1)` the k-th chunk.

use alloc::vec::Vec;

use alloy_primitives::U256;

use crate::codec::{u256_word, word_u256};
use crate::contract::WeightedPool;
use crate::errors::{overflow, PoolError};
use crate::storage;

/// Identifies one string in the store.
#[derive(Clone, Copy)]
pub enum TextId {
    Name = 1,
    Symbol = 2,
}

fn key(id: TextId, index: usize) -> U256 {
    (U256::from(id as u8) << 64) | U256::from(index)
}

pub fn write(pool: &mut WeightedPool, id: TextId, bytes: &[u8]) -> Result<(), PoolError> {
    pool.sstore(storage::text(key(id, 0)), U256::from(bytes.len()));
    for (k, chunk) in bytes.chunks(32).enumerate() {
        let mut word = [0u8; 32];
        word.get_mut(..chunk.len()).ok_or_else(overflow)?.copy_from_slice(chunk);
        pool.sstore(storage::text(key(id, k.checked_add(1).ok_or_else(overflow)?)), word_u256(word));
    }
    Ok(())
}

pub fn read(pool: &WeightedPool, id: TextId) -> Vec<u8> {
    let len_word = pool.sload(storage::text(key(id, 0)));
    // Written by `write`, so the length is the real (small) one.
    let len = usize::try_from(len_word).unwrap_or(0);
    let mut bytes = Vec::with_capacity(len);
    let mut k = 1;
    while bytes.len() < len {
        let word = u256_word(pool.sload(storage::text(key(id, k))));
        let take = len.saturating_sub(bytes.len()).min(32);
        bytes.extend_from_slice(word.get(..take).unwrap_or_default());
        k = k.saturating_add(1);
    }
    bytes
}
