//! Storage of the BPT's name and symbol as 32-byte chunks.
//!
//! The SDK's `StorageString` (Solidity's string layout) computes slot offsets with
//! ruint's general 256-bit division, which alone costs ~8 KB of wasm. These strings are
//! written once and only read by getters, so a plain layout does: under key
//! `(id << 64) | 0` the byte length, under `(id << 64) | (k + 1)` the k-th chunk.

use alloc::vec::Vec;

use alloy_primitives::{B256, U256};
use stylus_sdk::storage::{StorageB256, StorageMap};

use crate::errors::{overflow, PoolError};

pub type TextStore = StorageMap<U256, StorageB256>;

/// Identifies one string in the store.
#[derive(Clone, Copy)]
pub enum TextId {
    Name = 1,
    Symbol = 2,
}

fn key(id: TextId, index: usize) -> U256 {
    (U256::from(id as u8) << 64) | U256::from(index)
}

pub fn write(store: &mut TextStore, id: TextId, bytes: &[u8]) -> Result<(), PoolError> {
    store.setter(key(id, 0)).set(B256::from(U256::from(bytes.len())));
    for (k, chunk) in bytes.chunks(32).enumerate() {
        let mut word = [0u8; 32];
        word.get_mut(..chunk.len()).ok_or_else(overflow)?.copy_from_slice(chunk);
        store.setter(key(id, k.checked_add(1).ok_or_else(overflow)?)).set(B256::from(word));
    }
    Ok(())
}

pub fn read(store: &TextStore, id: TextId) -> Vec<u8> {
    let len_word = U256::from_be_bytes(store.get(key(id, 0)).0);
    // Written by `write`, so the length is the real (small) one.
    let len = usize::try_from(len_word).unwrap_or(0);
    let mut bytes = Vec::with_capacity(len);
    let mut k = 1;
    while bytes.len() < len {
        let word = store.get(key(id, k));
        let take = len.saturating_sub(bytes.len()).min(32);
        bytes.extend_from_slice(word.get(..take).unwrap_or_default());
        k = k.saturating_add(1);
    }
    bytes
}
