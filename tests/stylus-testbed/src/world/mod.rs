//! The world: committed state, block environment, and transactions that run EVM and
//! Stylus frames over one journal (see `exec`).
//!
//! State between transactions lives in a revm `CacheDB`; a transaction runs on revm's
//! journal (EIP-2929 warm sets, checkpoints per frame, logs, transient storage) and is
//! committed at the end, so snapshots are plain copies of the committed state.

pub mod arbos;
mod exec;
pub(crate) mod programs;
mod runtime;
mod stylus_frame;
mod tx;
mod types;

use alloy_primitives::{Address, Bytes, B256, U256};
use revm::{
    bytecode::Bytecode,
    context::{JournalTr, LocalContextTr},
    database::DbAccount,
    handler::{instructions::EthInstructions, EthPrecompiles},
    primitives::{hardfork::SpecId, AddressSet},
    state::AccountInfo,
    Context,
};

pub use exec::{is_stylus_code, STYLUS_PREFIX};
pub use tx::{Halt, TxError, TxOutcome, TxRequest, TxStatus};
use types::{Ctx, Db, Instructions};

/// Chain parameters of the simulated Arbitrum chain.
#[derive(Clone, Debug)]
pub struct ChainConfig {
    pub chain_id: u64,
    /// EIP-170 limit on deployed code (Arbitrum's default is Ethereum's 24,576 bytes); for
    /// Stylus code it is also activation's limit on the compressed program.
    pub max_code_size: usize,
    /// Activation's limit on the decompressed WASM (Nitro: 128 KiB).
    pub max_wasm_size: usize,
    pub block_gas_limit: u64,
}

impl ChainConfig {
    /// Nitro's rules with the two code-size limits lifted to 1 MiB: for functional tests of a
    /// program that does not fit yet. Size budgets are checked separately against Nitro's limits.
    pub fn oversized_code_allowed() -> Self {
        Self { max_code_size: 1 << 20, max_wasm_size: 1 << 20, ..Self::default() }
    }
}

impl Default for ChainConfig {
    fn default() -> Self {
        // 412346 is the chain id of Nitro's local dev node (nitro-testnode).
        Self {
            chain_id: 412_346,
            max_code_size: crate::stylus::validate::MAX_CODE_SIZE,
            max_wasm_size: crate::stylus::validate::MAX_WASM_SIZE,
            block_gas_limit: 1 << 50,
        }
    }
}

/// Committed state plus block, captured by [`World::snapshot`].
#[derive(Clone)]
pub struct Snapshot {
    db: Db,
    block: revm::context::BlockEnv,
}

/// A simulated Arbitrum chain: accounts, EVM and Stylus code, activations, blocks.
pub struct World {
    ctx: Ctx,
    instructions: Instructions,
    precompiles: EthPrecompiles,
    programs: programs::ProgramCache,
    config: ChainConfig,
}

/// EVM rules of the simulated chain (Arbitrum ArbOS 32+ runs Cancun's EVM).
const SPEC: SpecId = SpecId::CANCUN;

impl World {
    pub fn new(config: ChainConfig) -> Self {
        let mut ctx: Ctx = Context::new(Db::default(), SPEC);
        ctx.cfg.chain_id = config.chain_id;
        ctx.cfg.limit_contract_code_size = Some(config.max_code_size);
        ctx.block.gas_limit = config.block_gas_limit;
        ctx.block.number = U256::from(1);
        ctx.block.timestamp = U256::from(1_700_000_000u64);
        ctx.block.basefee = 0;
        // Arbitrum reports difficulty 1 and PREVRANDAO 1.
        ctx.block.difficulty = U256::from(1);
        ctx.block.prevrandao = Some(B256::with_last_byte(1));
        let precompiles = EthPrecompiles::new(SPEC);
        let mut warm: AddressSet = precompiles.warm_addresses().clone();
        warm.insert(arbos::ARB_WASM);
        warm.insert(arbos::ARB_WASM_CACHE);
        ctx.journaled_state.warm_precompiles(&warm);
        Self {
            ctx,
            instructions: EthInstructions::new_mainnet_with_spec(SPEC),
            precompiles,
            programs: programs::ProgramCache::with_limits(crate::stylus::Limits {
                max_code_size: config.max_code_size,
                max_wasm_size: config.max_wasm_size,
                ..Default::default()
            }),
            config,
        }
    }

    pub fn config(&self) -> &ChainConfig {
        &self.config
    }

    fn db(&self) -> &Db {
        self.ctx.journaled_state.db()
    }

    fn db_mut(&mut self) -> &mut Db {
        self.ctx.journaled_state.db_mut()
    }

    fn account(&self, address: Address) -> Option<&DbAccount> {
        self.db().cache.accounts.get(&address)
    }

    pub fn balance(&self, address: Address) -> U256 {
        self.account(address).map(|a| a.info.balance).unwrap_or_default()
    }

    pub fn nonce(&self, address: Address) -> u64 {
        self.account(address).map(|a| a.info.nonce).unwrap_or_default()
    }

    /// Deployed code (Stylus code is returned prefixed and compressed, as EXTCODECOPY sees it).
    pub fn code(&self, address: Address) -> Bytes {
        self.account(address)
            .and_then(|a| a.info.code.as_ref())
            .map(|c| c.original_bytes())
            .unwrap_or_default()
    }

    pub fn storage(&self, address: Address, slot: U256) -> U256 {
        self.account(address).and_then(|a| a.storage.get(&slot).copied()).unwrap_or_default()
    }

    pub fn set_balance(&mut self, address: Address, balance: U256) {
        let mut info = self.account(address).map(|a| a.info.clone()).unwrap_or_default();
        info.balance = balance;
        self.db_mut().insert_account_info(address, info);
    }

    /// Writes a storage slot directly (test setup; no gas, no journal).
    pub fn set_storage(&mut self, address: Address, slot: U256, value: U256) {
        // The in-memory database cannot fail.
        let _ = self.db_mut().insert_account_storage(address, slot, value);
    }

    /// Installs code directly (test setup). Stylus code still needs activation.
    pub fn set_code(&mut self, address: Address, code: Bytes) {
        let mut info: AccountInfo = self.account(address).map(|a| a.info.clone()).unwrap_or_default();
        let code = Bytecode::new_legacy(code);
        info.code_hash = code.hash_slow();
        info.code = Some(code);
        self.db_mut().insert_account_info(address, info);
    }

    pub fn code_hash(&self, address: Address) -> B256 {
        self.account(address).map(|a| a.info.code_hash).unwrap_or_default()
    }

    /// The activation record of the program deployed at `program`, if activated.
    pub fn activation(&self, program: Address) -> Option<arbos::Activation> {
        let word = self.storage(arbos::ARB_WASM, arbos::activation_slot(self.code_hash(program)));
        arbos::Activation::decode(word)
    }

    /// Validates (and caches) deployment code as activation would.
    pub fn validate_program(&mut self, code: &[u8]) -> Result<(), runtime::ProgramError> {
        self.programs.get_or_compile(alloy_primitives::keccak256(code), code).map(|_| ())
    }

    /// The data fee `ArbWasm.activateProgram` asks for the code at `program`.
    pub fn activation_fee(&self, program: Address) -> U256 {
        match self.programs.compiled(self.code_hash(program)) {
            Some(compiled) => arbos::data_fee_of_wasm_len(compiled.info().wasm_size),
            None => arbos::data_fee(&self.code(program)),
        }
    }

    /// The activation limits of this chain (what `activateProgram` validates against).
    pub fn program_limits(&self) -> crate::stylus::Limits {
        self.programs.limits()
    }

    /// Marks an activated program as cached (cheaper entry) or not, as ArbWasmCache
    /// managers do on chain. Returns false when the program is not activated.
    pub fn set_cached(&mut self, program: Address, cached: bool) -> bool {
        let Some(mut record) = self.activation(program) else {
            return false;
        };
        record.cached = cached;
        let slot = arbos::activation_slot(self.code_hash(program));
        self.set_storage(arbos::ARB_WASM, slot, record.encode());
        true
    }

    pub fn block_number(&self) -> u64 {
        u64::try_from(self.ctx.block.number).unwrap_or(u64::MAX)
    }

    pub fn block_timestamp(&self) -> u64 {
        u64::try_from(self.ctx.block.timestamp).unwrap_or(u64::MAX)
    }

    pub fn set_block(&mut self, number: u64, timestamp: u64) {
        self.ctx.block.number = U256::from(number);
        self.ctx.block.timestamp = U256::from(timestamp);
    }

    pub fn set_basefee(&mut self, basefee: u64) {
        self.ctx.block.basefee = basefee;
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot { db: self.db().clone(), block: self.ctx.block.clone() }
    }

    pub fn restore(&mut self, snapshot: &Snapshot) {
        *self.db_mut() = snapshot.db.clone();
        self.ctx.block = snapshot.block.clone();
    }

    /// Runs one transaction; see [`TxRequest`].
    pub fn transact(&mut self, request: &TxRequest) -> Result<TxOutcome, TxError> {
        self.ctx.local.clear();
        let mut exec = exec::Exec {
            ctx: &mut self.ctx,
            instructions: &self.instructions,
            precompiles: &mut self.precompiles,
            programs: &mut self.programs,
            spans: Default::default(),
            pages: Default::default(),
            max_code_size: self.config.max_code_size,
        };
        let outcome = tx::run(&mut exec, request);
        let state = self.ctx.journaled_state.finalize();
        if request.commit && outcome.is_ok() {
            use revm::DatabaseCommit;
            self.db_mut().commit(state);
        }
        outcome
    }
}
