//! The chain the node serves: the backend's world state plus blocks, transactions,
//! receipts and logs, with automine (one transaction per block) and dev accounts.

mod block;
mod error;
mod simulate;
pub mod transact;

use std::collections::HashMap;

use alloy_consensus::TxEnvelope;
use alloy_eips::{BlockId, BlockNumberOrTag};
use alloy_primitives::{Address, Bytes, Log, B256, U256};
use alloy_signer_local::PrivateKeySigner;

pub use block::BlockRecord;
pub use error::{revert_message, NodeError};
pub use simulate::CallRequest;

use crate::{
    accounts,
    backend::{Backend, BlockEnv},
};

/// Node parameters.
#[derive(Clone, Debug)]
pub struct NodeConfig {
    /// 412346: the Nitro dev node's chain id.
    pub chain_id: u64,
    /// Base fee of every block. 0.1 gwei, the Nitro dev node's (ArbOS minimum there).
    pub base_fee: u64,
    /// Arbitrum reports 2^50 as the block gas limit.
    pub block_gas_limit: u64,
    /// Gas limit of eth_call / eth_estimateGas when the request gives none (geth's RPC cap).
    pub call_gas_cap: u64,
    /// Prefund and unlock the dev accounts.
    pub dev_accounts: bool,
}

impl Default for NodeConfig {
    fn default() -> Self {
        Self {
            chain_id: 412_346,
            base_fee: 100_000_000,
            block_gas_limit: 1 << 50,
            call_gas_cap: 50_000_000,
            dev_accounts: true,
        }
    }
}

/// A mined transaction and its receipt.
#[derive(Clone, Debug)]
pub struct TxRecord {
    pub hash: B256,
    pub envelope: TxEnvelope,
    pub from: Address,
    pub block_number: u64,
    pub block_hash: B256,
    pub block_timestamp: u64,
    /// Position in its block (always 0 with automine).
    pub index: u64,
    pub success: bool,
    pub gas_used: u64,
    /// What the sender paid per gas (the block's base fee: Arbitrum ignores tips).
    pub effective_gas_price: u128,
    pub logs: Vec<Log>,
    /// Index in the block of this transaction's first log.
    pub first_log_index: u64,
    /// The created contract's address for creations (also when the creation failed, as geth).
    pub contract_address: Option<Address>,
    /// Return or revert data (not part of a receipt; kept for the node's log output).
    pub output: Bytes,
}

/// What evm_snapshot saved.
struct SavedState {
    backend: Box<dyn std::any::Any>,
    blocks: usize,
    time_offset: u64,
}

/// The node: world state behind a [`Backend`], plus chain history.
pub struct Node {
    backend: Box<dyn Backend>,
    config: NodeConfig,
    blocks: Vec<BlockRecord>,
    block_numbers: HashMap<B256, u64>,
    transactions: HashMap<B256, TxRecord>,
    signers: Vec<PrivateKeySigner>,
    /// Seconds added to the wall clock (evm_increaseTime).
    time_offset: u64,
    /// evm_snapshot states; the id is the index.
    snapshots: Vec<SavedState>,
    /// Print one line per mined transaction on stderr.
    pub verbose: bool,
}

/// Wall-clock seconds since the Unix epoch.
fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

impl Node {
    pub fn new(mut backend: Box<dyn Backend>, config: NodeConfig) -> Self {
        let signers = if config.dev_accounts { accounts::dev_signers() } else { Vec::new() };
        for signer in &signers {
            backend.set_balance(signer.address(), accounts::dev_balance());
        }
        let genesis = block::genesis(now(), config.base_fee, config.block_gas_limit);
        backend.set_block_env(BlockEnv { number: 0, timestamp: genesis.timestamp(), base_fee: config.base_fee });
        let mut block_numbers = HashMap::new();
        block_numbers.insert(genesis.hash, 0);
        Self {
            backend,
            config,
            blocks: vec![genesis],
            block_numbers,
            transactions: HashMap::new(),
            signers,
            time_offset: 0,
            snapshots: Vec::new(),
            verbose: false,
        }
    }

    pub fn config(&self) -> &NodeConfig {
        &self.config
    }

    pub fn chain_id(&self) -> u64 {
        self.config.chain_id
    }

    /// The dev accounts' addresses (eth_accounts).
    pub fn accounts(&self) -> Vec<Address> {
        self.signers.iter().map(PrivateKeySigner::address).collect()
    }

    pub fn latest(&self) -> &BlockRecord {
        // `blocks` always holds at least the genesis block.
        &self.blocks[self.blocks.len() - 1]
    }

    pub fn block_number(&self) -> u64 {
        self.latest().number()
    }

    pub fn base_fee(&self) -> u64 {
        self.config.base_fee
    }

    pub fn block(&self, number: u64) -> Option<&BlockRecord> {
        usize::try_from(number).ok().and_then(|n| self.blocks.get(n))
    }

    pub fn block_by_hash(&self, hash: &B256) -> Option<&BlockRecord> {
        self.block_numbers.get(hash).and_then(|n| self.block(*n))
    }

    pub fn transaction(&self, hash: &B256) -> Option<&TxRecord> {
        self.transactions.get(hash)
    }

    /// The block a tag names: latest/pending/safe/finalized are the head (automine leaves
    /// nothing pending), earliest is genesis.
    pub fn resolve_tag(&self, tag: BlockNumberOrTag) -> u64 {
        match tag {
            BlockNumberOrTag::Number(n) => n,
            BlockNumberOrTag::Earliest => 0,
            _ => self.block_number(),
        }
    }

    /// The block a [`BlockId`] names, if it exists.
    pub fn resolve_block(&self, id: BlockId) -> Option<&BlockRecord> {
        match id {
            BlockId::Hash(hash) => self.block_by_hash(&hash.block_hash),
            BlockId::Number(tag) => self.block(self.resolve_tag(tag)),
        }
    }

    /// State is kept for the head only: other blocks are refused, not silently answered
    /// with the head's state.
    fn require_latest_state(&self, id: Option<BlockId>) -> Result<(), NodeError> {
        let Some(id) = id else { return Ok(()) };
        let head = self.block_number();
        match self.resolve_block(id) {
            Some(block) if block.number() == head => Ok(()),
            Some(block) => Err(NodeError::Unavailable(format!(
                "state of block {} is not kept: this dev node serves the latest block ({head}) only",
                block.number()
            ))),
            None => Err(NodeError::Unavailable("header not found".into())),
        }
    }

    pub fn balance(&self, address: Address, at: Option<BlockId>) -> Result<U256, NodeError> {
        self.require_latest_state(at)?;
        Ok(self.backend.balance(address))
    }

    pub fn nonce(&self, address: Address, at: Option<BlockId>) -> Result<u64, NodeError> {
        self.require_latest_state(at)?;
        Ok(self.backend.nonce(address))
    }

    pub fn code(&self, address: Address, at: Option<BlockId>) -> Result<Bytes, NodeError> {
        self.require_latest_state(at)?;
        Ok(self.backend.code(address))
    }

    pub fn storage(&self, address: Address, slot: U256, at: Option<BlockId>) -> Result<U256, NodeError> {
        self.require_latest_state(at)?;
        Ok(self.backend.storage(address, slot))
    }

    /// Sets an account's balance (anvil_setBalance), outside any transaction.
    pub fn set_balance(&mut self, address: Address, balance: U256) {
        self.backend.set_balance(address, balance);
    }

    /// Moves the clock forward (evm_increaseTime); returns the total offset.
    pub fn increase_time(&mut self, seconds: u64) -> u64 {
        self.time_offset = self.time_offset.saturating_add(seconds);
        self.time_offset
    }

    /// Saves the state and chain (evm_snapshot); returns the snapshot id.
    pub fn snapshot(&mut self) -> u64 {
        self.snapshots.push(SavedState {
            backend: self.backend.snapshot(),
            blocks: self.blocks.len(),
            time_offset: self.time_offset,
        });
        (self.snapshots.len() - 1) as u64
    }

    /// Returns to snapshot `id` (evm_revert): state, blocks, transactions and clock offset.
    /// That snapshot and later ones are used up, as in anvil/hardhat. False for unknown ids.
    pub fn revert_to(&mut self, id: u64) -> bool {
        let Some(index) = usize::try_from(id).ok().filter(|i| *i < self.snapshots.len()) else {
            return false;
        };
        self.snapshots.truncate(index + 1);
        let Some(saved) = self.snapshots.pop() else { return false };
        if !self.backend.restore(saved.backend.as_ref()) {
            return false;
        }
        for block in self.blocks.drain(saved.blocks..) {
            self.block_numbers.remove(&block.hash);
            for hash in &block.transactions {
                self.transactions.remove(hash);
            }
        }
        self.time_offset = saved.time_offset;
        let env = self.head_env();
        self.backend.set_block_env(env);
        true
    }

    /// Timestamp of the next block: the (offset) clock, never before the parent's.
    fn next_timestamp(&self) -> u64 {
        now().saturating_add(self.time_offset).max(self.latest().timestamp())
    }

    /// The environment of the block a transaction sent now is mined in.
    fn pending_env(&self) -> BlockEnv {
        BlockEnv { number: self.block_number() + 1, timestamp: self.next_timestamp(), base_fee: self.config.base_fee }
    }

    /// The execution environment of the head block (eth_call at latest).
    fn head_env(&self) -> BlockEnv {
        let head = self.latest();
        BlockEnv { number: head.number(), timestamp: head.timestamp(), base_fee: head.base_fee() }
    }
}
