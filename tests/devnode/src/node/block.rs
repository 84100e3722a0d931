//! Blocks: one per transaction (automine), each sealed with a real header hash.

use alloy_consensus::{Header, EMPTY_OMMER_ROOT_HASH, EMPTY_ROOT_HASH};
use alloy_primitives::{Bloom, B256, U256};

/// A mined block and the hashes of its transactions.
#[derive(Clone, Debug)]
pub struct BlockRecord {
    pub header: Header,
    pub hash: B256,
    pub transactions: Vec<B256>,
}

impl BlockRecord {
    pub fn number(&self) -> u64 {
        self.header.number
    }

    pub fn timestamp(&self) -> u64 {
        self.header.timestamp
    }

    pub fn base_fee(&self) -> u64 {
        self.header.base_fee_per_gas.unwrap_or_default()
    }
}

/// What goes into a new block header.
pub struct BlockContents {
    pub parent_hash: B256,
    pub number: u64,
    pub timestamp: u64,
    pub base_fee: u64,
    pub gas_limit: u64,
    pub gas_used: u64,
    pub logs_bloom: Bloom,
    pub transactions_root: B256,
    pub receipts_root: B256,
}

/// Seals a block. The state root is not computed (the world keeps no trie), so it is
/// zero; every other field is what an Ethereum header carries, the hash is its keccak.
pub fn seal(contents: BlockContents, transactions: Vec<B256>) -> BlockRecord {
    let header = Header {
        parent_hash: contents.parent_hash,
        ommers_hash: EMPTY_OMMER_ROOT_HASH,
        transactions_root: contents.transactions_root,
        receipts_root: contents.receipts_root,
        logs_bloom: contents.logs_bloom,
        // Arbitrum reports difficulty 1.
        difficulty: U256::from(1),
        number: contents.number,
        gas_limit: contents.gas_limit,
        gas_used: contents.gas_used,
        timestamp: contents.timestamp,
        base_fee_per_gas: Some(contents.base_fee),
        ..Header::default()
    };
    let hash = header.hash_slow();
    BlockRecord { header, hash, transactions }
}

/// The genesis block (number 0, no transactions).
pub fn genesis(timestamp: u64, base_fee: u64, gas_limit: u64) -> BlockRecord {
    seal(
        BlockContents {
            parent_hash: B256::ZERO,
            number: 0,
            timestamp,
            base_fee,
            gas_limit,
            gas_used: 0,
            logs_bloom: Bloom::ZERO,
            transactions_root: EMPTY_ROOT_HASH,
            receipts_root: EMPTY_ROOT_HASH,
        },
        Vec::new(),
    )
}
