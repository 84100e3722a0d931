//! The test API: a world with named funded accounts, deployment of Solidity artifacts and
//! Stylus programs (deploy + activate, as on chain), calls with ABI coding via alloy
//! `sol!` types, snapshots, and the cache switch for gas figures.

use std::{
    collections::HashMap,
    path::Path,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex, OnceLock,
    },
};

use alloy_primitives::{keccak256, Address, Bytes, B256, U256};
use alloy_sol_types::{sol, SolCall, SolValue};

use crate::{
    artifacts::{self, Artifact},
    result::{BedError, CallError, CallResult},
    stylus::deploy_code,
    world::{arbos, ChainConfig, Snapshot, TxError, TxRequest, World},
};

sol! {
    /// The faucet of a mintable test ERC-20 (tests/solidity TestERC20).
    interface IMintable {
        function mint(address to, uint256 amount) external;
    }
}

/// Gas limit of test transactions (Arbitrum's per-transaction cap is 32M).
pub const DEFAULT_GAS_LIMIT: u64 = 32_000_000;
/// Balance of every named account: 1,000,000 ETH.
pub const ACCOUNT_FUNDS: u128 = 1_000_000 * 10u128.pow(18);

/// A deployed and activated Stylus program with its two receipts.
#[derive(Clone, Debug)]
pub struct DeployedProgram {
    pub address: Address,
    /// The deployment transaction (EVM init code returning the Stylus code).
    pub deploy: CallResult,
    /// The `ArbWasm.activateProgram` transaction; `None` when the same code was already
    /// activated (activation is per code hash, as `cargo stylus deploy` finds it).
    pub activate: Option<CallResult>,
}

/// A local Arbitrum chain for tests. See the crate README for what it models.
pub struct TestBed {
    world: World,
    names: HashMap<Address, String>,
    /// Gas limit used by `call`, `call_sol`, deployments.
    pub gas_limit: u64,
}

impl Default for TestBed {
    fn default() -> Self {
        Self::new()
    }
}

impl TestBed {
    pub fn new() -> Self {
        Self::with_config(ChainConfig::default())
    }

    pub fn with_config(config: ChainConfig) -> Self {
        Self { world: World::new(config), names: HashMap::new(), gas_limit: DEFAULT_GAS_LIMIT }
    }

    pub fn world(&self) -> &World {
        &self.world
    }

    pub fn world_mut(&mut self) -> &mut World {
        &mut self.world
    }

    /// A deterministic address for `name` (keccak of it), funded with [`ACCOUNT_FUNDS`] the
    /// first time it is asked for.
    pub fn account(&mut self, name: &str) -> Address {
        let address = Address::from_word(keccak256(format!("stylus-testbed account {name}")));
        if let std::collections::hash_map::Entry::Vacant(entry) = self.names.entry(address) {
            entry.insert(name.to_string());
            self.world.set_balance(address, U256::from(ACCOUNT_FUNDS));
        }
        address
    }

    /// The name an address was created with, for messages.
    pub fn name_of(&self, address: Address) -> Option<&str> {
        self.names.get(&address).map(String::as_str)
    }

    /// Adds `wei` to an account's balance.
    pub fn fund(&mut self, address: Address, wei: U256) {
        let balance = self.world.balance(address).saturating_add(wei);
        self.world.set_balance(address, balance);
    }

    pub fn balance(&self, address: Address) -> U256 {
        self.world.balance(address)
    }

    fn deployer(&mut self) -> Address {
        self.account("deployer")
    }

    /// Runs a transaction and commits it.
    pub fn call(&mut self, from: Address, to: Address, calldata: impl Into<Bytes>, value: U256) -> CallResult {
        self.transact(from, Some(to), calldata.into(), value, false, true)
    }

    /// Like [`Self::call`], but a transaction that is invalid before execution (funds,
    /// intrinsic gas) is an error instead of a failed [`CallResult`].
    pub fn try_call(&mut self, from: Address, to: Address, calldata: impl Into<Bytes>, value: U256) -> Result<CallResult, TxError> {
        let request = TxRequest { from, to: Some(to), value, data: calldata.into(), gas_limit: self.gas_limit, is_static: false, commit: true };
        self.world.transact(&request).map(CallResult::from)
    }

    /// Runs a call without keeping its state changes (like `eth_call`, not static).
    pub fn simulate(&mut self, from: Address, to: Address, calldata: impl Into<Bytes>, value: U256) -> CallResult {
        self.transact(from, Some(to), calldata.into(), value, false, false)
    }

    /// A STATICCALL at top level; never changes state.
    pub fn static_call(&mut self, from: Address, to: Address, calldata: impl Into<Bytes>) -> CallResult {
        self.transact(from, Some(to), calldata.into(), U256::ZERO, true, false)
    }

    fn transact(&mut self, from: Address, to: Option<Address>, data: Bytes, value: U256, is_static: bool, commit: bool) -> CallResult {
        let request = TxRequest { from, to, value, data, gas_limit: self.gas_limit, is_static, commit };
        match self.world.transact(&request) {
            Ok(outcome) => outcome.into(),
            Err(err) => CallResult {
                success: false,
                status: crate::world::TxStatus::Halt(crate::world::Halt { reason: err.to_string() }),
                output: Bytes::new(),
                gas_used: 0,
                gas_refunded: 0,
                logs: Vec::new(),
                created: None,
            },
        }
    }

    /// Sends `call` (committed) and decodes its return value.
    pub fn call_sol<C: SolCall>(&mut self, from: Address, to: Address, call: &C) -> Result<C::Return, CallError> {
        self.call(from, to, call.abi_encode(), U256::ZERO).into_result()?.decode::<C>()
    }

    /// Sends `call` with `value` (committed); returns the decoded value and the receipt.
    pub fn send_sol<C: SolCall>(&mut self, from: Address, to: Address, call: &C, value: U256) -> Result<(C::Return, CallResult), CallError> {
        let result = self.call(from, to, call.abi_encode(), value).into_result()?;
        Ok((result.decode::<C>()?, result))
    }

    /// Reads through a STATICCALL from the zero address.
    pub fn view_sol<C: SolCall>(&mut self, to: Address, call: &C) -> Result<C::Return, CallError> {
        self.static_call(Address::ZERO, to, call.abi_encode()).into_result()?.decode::<C>()
    }

    /// Deploys EVM creation code with ABI-encoded constructor arguments appended.
    pub fn deploy_evm(&mut self, bytecode: &[u8], ctor_args: &[u8]) -> Result<Address, BedError> {
        let deployer = self.deployer();
        self.deploy_evm_from(deployer, bytecode, ctor_args).map(|r| r.0)
    }

    /// [`Self::deploy_evm`] from a chosen account, returning the receipt too.
    pub fn deploy_evm_from(&mut self, from: Address, bytecode: &[u8], ctor_args: &[u8]) -> Result<(Address, CallResult), BedError> {
        let mut init = bytecode.to_vec();
        init.extend_from_slice(ctor_args);
        let result = self.transact(from, None, init.into(), U256::ZERO, false, true);
        let result = result.into_result().map_err(BedError::Deploy)?;
        match result.created {
            Some(address) => Ok((address, result)),
            None => Err(BedError::Deploy(CallError::Decode("no contract created".into()))),
        }
    }

    /// Loads the Solidity artifact `name` (see [`artifacts::load_artifact`]).
    pub fn artifact(&self, name: &str) -> Result<Artifact, BedError> {
        artifacts::load_artifact(name)
    }

    /// Deploys the Solidity contract `name` from its artifact.
    pub fn deploy_artifact(&mut self, name: &str, ctor_args: &[u8]) -> Result<Address, BedError> {
        let artifact = self.artifact(name)?;
        self.deploy_evm(&artifact.bytecode, ctor_args)
    }

    /// Deploys and activates a Stylus program from raw `.wasm` bytes or deployment code
    /// (`0xEFF000..`). Malformed programs are refused with [`BedError::Program`] before
    /// anything is deployed.
    pub fn deploy_wasm(&mut self, wasm_or_code: &[u8]) -> Result<Address, BedError> {
        let deployer = self.deployer();
        self.deploy_wasm_from(deployer, wasm_or_code).map(|d| d.address)
    }

    /// Deploys and activates several programs (raw `.wasm` or deployment code), in order.
    /// The distinct programs are first processed, compressed and compiled in parallel (one
    /// thread per core), so a world with many programs starts faster than with one
    /// [`TestBed::deploy_wasm`] after another; the chain sees the same transactions.
    /// Stops at the first program that fails (the ones before it stay deployed).
    pub fn deploy_wasms(&mut self, programs: &[&[u8]]) -> Result<Vec<Address>, BedError> {
        prepare_in_parallel(programs, &self.world.program_limits());
        programs.iter().map(|program| self.deploy_wasm(program)).collect()
    }

    /// Reads a `.wasm` (or deployment code) file and deploys + activates it.
    pub fn deploy_wasm_file(&mut self, path: impl AsRef<Path>) -> Result<Address, BedError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| BedError::Io { path: path.display().to_string(), source })?;
        self.deploy_wasm(&bytes)
    }

    /// Deploy + activate from `from`, returning both receipts (for gas figures).
    pub fn deploy_wasm_from(&mut self, from: Address, wasm_or_code: &[u8]) -> Result<DeployedProgram, BedError> {
        let code = stylus_code(wasm_or_code);
        self.world.validate_program(&code)?;
        let (address, deploy) = self.deploy_stylus_code_from(from, &code)?;
        let up_to_date = self.world.activation(address).is_some_and(|a| a.version == arbos::STYLUS_VERSION);
        let activate = if up_to_date {
            None
        } else {
            Some(self.activate_from(from, address).into_result().map_err(BedError::Activation)?)
        };
        Ok(DeployedProgram { address, deploy, activate })
    }

    /// Deploys Stylus code without activating it (calls to it fail until activated).
    pub fn deploy_wasm_unactivated(&mut self, wasm_or_code: &[u8]) -> Result<Address, BedError> {
        let deployer = self.deployer();
        let code = stylus_code(wasm_or_code);
        self.deploy_stylus_code_from(deployer, &code).map(|r| r.0)
    }

    fn deploy_stylus_code_from(&mut self, from: Address, code: &[u8]) -> Result<(Address, CallResult), BedError> {
        self.deploy_evm_from(from, &init_code_returning(code), &[])
    }

    /// Calls `ArbWasm.activateProgram(program)` paying the data fee (excess is refunded).
    pub fn activate_from(&mut self, from: Address, program: Address) -> CallResult {
        let call = arbos::ArbWasm::activateProgramCall { program };
        let fee = self.world.activation_fee(program);
        self.call(from, arbos::ARB_WASM, call.abi_encode(), fee)
    }

    /// Puts an activated program in (or out of) the ArbOS cache; false if not activated.
    pub fn set_cached(&mut self, program: Address, cached: bool) -> bool {
        self.world.set_cached(program, cached)
    }

    pub fn set_block(&mut self, number: u64, timestamp: u64) {
        self.world.set_block(number, timestamp);
    }

    /// Moves time forward by `seconds` and the block number by one.
    pub fn advance_time(&mut self, seconds: u64) {
        let (number, timestamp) = (self.world.block_number(), self.world.block_timestamp());
        self.world.set_block(number.saturating_add(1), timestamp.saturating_add(seconds));
    }

    pub fn block_timestamp(&self) -> u64 {
        self.world.block_timestamp()
    }

    pub fn snapshot(&self) -> Snapshot {
        self.world.snapshot()
    }

    pub fn revert_to(&mut self, snapshot: &Snapshot) {
        self.world.restore(snapshot);
    }

    /// Deploys tests/solidity's `TestERC20` (anyone may mint) named after `symbol`.
    pub fn deploy_test_token(&mut self, symbol: &str, decimals: u8) -> Result<Address, BedError> {
        let args = (symbol.to_string(), symbol.to_string(), U256::from(decimals)).abi_encode_params();
        self.deploy_artifact("TestERC20", &args)
    }

    /// Mints test tokens through a mintable ERC-20's `mint(address,uint256)`.
    pub fn mint(&mut self, token: Address, to: Address, amount: U256) -> Result<(), CallError> {
        let minter = self.account("minter");
        self.call_sol(minter, token, &IMintable::mintCall { to, amount }).map(|_| ())
    }
}

/// Deployment code per raw-wasm hash; each entry has its own lock (see [`stylus_code`]).
type CodeSlot = Arc<OnceLock<Vec<u8>>>;

fn deployment_codes() -> &'static Mutex<HashMap<B256, CodeSlot>> {
    static CODES: OnceLock<Mutex<HashMap<B256, CodeSlot>>> = OnceLock::new();
    CODES.get_or_init(Default::default)
}

/// Empties the per-process caches of deployment code and compiled programs, so the next
/// deployment pays compression and compilation again (cold start-up benchmarks).
pub fn clear_process_caches() {
    if let Ok(mut codes) = deployment_codes().lock() {
        codes.clear();
    }
    crate::world::programs::clear_compiled();
}

/// Deployment code for raw wasm (processed and compressed as cargo-stylus does), or the
/// input unchanged. Memoized per process: brotli at quality 11 takes ~80 ms per 50 KB in
/// release builds and seconds in debug builds. Threads asking for the same wasm wait for
/// one compression; different wasms compress in parallel.
fn stylus_code(wasm_or_code: &[u8]) -> Vec<u8> {
    if !wasm_or_code.starts_with(b"\0asm") {
        return wasm_or_code.to_vec();
    }
    let key = keccak256(wasm_or_code);
    let slot = match deployment_codes().lock() {
        Ok(mut codes) => codes.entry(key).or_default().clone(),
        Err(_) => return deploy_code::deployment_code_from_wasm(wasm_or_code),
    };
    slot.get_or_init(|| deploy_code::deployment_code_from_wasm(wasm_or_code)).clone()
}

/// Processes, compresses and compiles every distinct program of `programs` into the
/// per-process caches, spreading the programs over the machine's cores (scoped threads).
/// Errors are not reported here: deploying the program reports them.
fn prepare_in_parallel(programs: &[&[u8]], limits: &crate::stylus::Limits) {
    let mut distinct: Vec<&[u8]> = Vec::with_capacity(programs.len());
    for program in programs {
        if !distinct.contains(program) {
            distinct.push(program);
        }
    }
    let prepare = |program: &[u8]| {
        let code = stylus_code(program);
        let _ = crate::world::programs::get_or_compile(keccak256(&code), &code, limits);
    };
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(distinct.len());
    if workers <= 1 {
        distinct.iter().for_each(|program| prepare(program));
        return;
    }
    let next = AtomicUsize::new(0);
    let work = || {
        while let Some(program) = distinct.get(next.fetch_add(1, Ordering::Relaxed)) {
            prepare(program);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..workers {
            scope.spawn(work);
        }
        work();
    });
}

/// EVM init code that returns `code` as the deployed code:
/// `PUSH4 len; DUP1; PUSH1 14; PUSH1 0; CODECOPY; PUSH1 0; RETURN` followed by `code`.
pub fn init_code_returning(code: &[u8]) -> Vec<u8> {
    const PRELUDE_LEN: u8 = 14;
    let len = u32::try_from(code.len()).unwrap_or(u32::MAX).to_be_bytes();
    let mut init = vec![0x63, len[0], len[1], len[2], len[3], 0x80, 0x60, PRELUDE_LEN, 0x60, 0x00, 0x39, 0x60, 0x00, 0xf3];
    init.extend_from_slice(code);
    init
}
