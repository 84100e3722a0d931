//! The per-frame storage cache of Stylus (Nitro `arbutil::evm::storage::StorageCache`).
//!
//! Reads fill the cache from the world; writes only update the cache. Dirty slots
//! (value differs from what the world holds) reach the world on `storage_flush_cache`;
//! a flush with `clear` also forgets every slot, so later reads go back to the world
//! (and see what callees wrote). Nothing is written back on failure: the world rolls the
//! frame back. Slots are kept in key order so flushes are deterministic.

use alloy_primitives::U256;
use std::collections::BTreeMap;

/// One cached slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Slot {
    pub value: U256,
    /// The value the world holds, when known.
    pub known: Option<U256>,
}

impl Slot {
    fn dirty(&self) -> bool {
        self.known != Some(self.value)
    }
}

/// Slots of the running frame's account.
#[derive(Debug, Default)]
pub(crate) struct StorageCache {
    slots: BTreeMap<U256, Slot>,
}

impl StorageCache {
    /// Nitro's extra gas per access: one per slot already cached.
    pub fn access_gas(&self) -> u64 {
        self.slots.len() as u64
    }

    pub fn get(&self, key: &U256) -> Option<U256> {
        self.slots.get(key).map(|s| s.value)
    }

    /// Records a value read from the world.
    pub fn insert_known(&mut self, key: U256, value: U256) {
        self.slots.insert(key, Slot { value, known: Some(value) });
    }

    /// Records a write by the program.
    pub fn write(&mut self, key: U256, value: U256) {
        self.slots.entry(key).and_modify(|s| s.value = value).or_insert(Slot { value, known: None });
    }

    /// Dirty slots in key order, marked clean (their values now being the world's).
    pub fn take_dirty(&mut self) -> Vec<(U256, U256)> {
        let mut dirty = Vec::new();
        for (key, slot) in self.slots.iter_mut() {
            if slot.dirty() {
                dirty.push((*key, slot.value));
                slot.known = Some(slot.value);
            }
        }
        dirty
    }

    pub fn clear(&mut self) {
        self.slots.clear();
    }
}
