//! The ArbOS precompiles a Stylus deployment needs: ArbWasm (0x71: activation and program
//! queries) and ArbWasmCache (0x72: cache status). Activation records live in the world
//! state (storage of the ArbWasm account, keyed by code hash, as Nitro keys them), so they
//! roll back with a reverted transaction and are captured by snapshots.

use alloy_primitives::{address, keccak256, Address, Bytes, Log, B256, U256};
use alloy_sol_types::{sol, SolCall, SolError, SolEvent};
use revm::{
    context::JournalTr,
    interpreter::{CallInputs, Gas, InstructionResult, InterpreterResult},
};

use super::exec::{halt, is_stylus_code, Exec};

/// ArbWasm precompile address.
pub const ARB_WASM: Address = address!("0000000000000000000000000000000000000071");
/// ArbWasmCache precompile address.
pub const ARB_WASM_CACHE: Address = address!("0000000000000000000000000000000000000072");
/// Stylus version activated by the test bed (Nitro's current `params.Version`).
pub const STYLUS_VERSION: u16 = 2;
/// Nitro's data pricer floor (`initialMinPrice`, wei per byte of native code estimate).
pub const DATA_PRICE_WEI_PER_BYTE: u64 = 82_928_201;

sol! {
    /// ArbWasm as Nitro's precompiles/ArbWasm.sol declares it (the subset served here).
    interface ArbWasm {
        function activateProgram(address program) external payable returns (uint16 version, uint256 dataFee);
        function stylusVersion() external view returns (uint16 version);
        function codehashVersion(bytes32 codehash) external view returns (uint16 version);
        function programVersion(address program) external view returns (uint16 version);
        event ProgramActivated(bytes32 indexed codehash, bytes32 moduleHash, address program, uint256 dataFee, uint16 version);
        error ProgramNotWasm();
        error ProgramNotActivated();
        error ProgramNeedsUpgrade(uint16 version, uint16 stylusVersion);
        error ProgramExpired(uint64 ageInSeconds);
        error ProgramUpToDate();
        error ProgramKeepaliveTooSoon(uint64 ageInSeconds);
        error ProgramInsufficientValue(uint256 have, uint256 want);
    }

    /// ArbWasmCache queries (managing the cache is done through the test API).
    interface ArbWasmCache {
        function codehashIsCached(bytes32 codehash) external view returns (bool);
    }
}

/// An activated program's record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Activation {
    pub version: u16,
    /// In the ArbOS cache (cheaper entry).
    pub cached: bool,
}

impl Activation {
    const CACHED_BIT: u64 = 1 << 16;

    pub fn encode(self) -> U256 {
        let cached = if self.cached { Self::CACHED_BIT } else { 0 };
        U256::from(u64::from(self.version) | cached)
    }

    pub fn decode(word: U256) -> Option<Self> {
        if word.is_zero() {
            return None;
        }
        let bits = u64::try_from(word).ok()?;
        Some(Self { version: (bits & 0xFFFF) as u16, cached: bits & Self::CACHED_BIT != 0 })
    }
}

/// Storage slot of a code hash's activation record in the ArbWasm account.
pub fn activation_slot(code_hash: B256) -> U256 {
    U256::from_be_bytes(code_hash.0)
}

pub fn is_arbos_precompile(address: &Address) -> bool {
    *address == ARB_WASM || *address == ARB_WASM_CACHE
}

/// The activation record of `code_hash` in the running transaction's state.
pub(crate) fn activation(exec: &mut Exec<'_>, code_hash: B256) -> Option<Activation> {
    let journal = &mut exec.ctx.journaled_state;
    let Ok(_) = journal.load_account(ARB_WASM);
    let Ok(word) = journal.sload(ARB_WASM, activation_slot(code_hash));
    Activation::decode(word.data)
}

/// Flat gas of an ArbOS precompile call (Nitro charges its storage work; the test bed
/// charges one warm storage read per call and documents activation as unmetered).
const PRECOMPILE_GAS: u64 = 800;

/// Serves a call to ArbWasm or ArbWasmCache.
pub(crate) fn run(exec: &mut Exec<'_>, inputs: &CallInputs) -> InterpreterResult {
    let mut gas = Gas::new(inputs.gas_limit);
    if !gas.record_regular_cost(PRECOMPILE_GAS) {
        return halt(InstructionResult::PrecompileOOG, inputs.gas_limit);
    }
    let input = inputs.input.bytes(&*exec.ctx);
    let reply = if inputs.bytecode_address == ARB_WASM {
        arb_wasm(exec, inputs, &input)
    } else {
        arb_wasm_cache(exec, &input)
    };
    match reply {
        Reply::Return(output) => InterpreterResult { result: InstructionResult::Return, gas, output },
        Reply::Revert(output) => InterpreterResult { result: InstructionResult::Revert, gas, output },
        Reply::BurnOut => halt(InstructionResult::PrecompileError, inputs.gas_limit),
    }
}

enum Reply {
    Return(Bytes),
    Revert(Bytes),
    /// Nitro burns all gas when activation itself fails (invalid WASM).
    BurnOut,
}

fn revert(error: impl SolError) -> Reply {
    Reply::Revert(error.abi_encode().into())
}

fn arb_wasm(exec: &mut Exec<'_>, inputs: &CallInputs, input: &[u8]) -> Reply {
    let Some(selector) = input.get(..4) else {
        return Reply::Revert(Bytes::new());
    };
    match <[u8; 4]>::try_from(selector).unwrap_or_default() {
        ArbWasm::activateProgramCall::SELECTOR => match ArbWasm::activateProgramCall::abi_decode(input) {
            Ok(call) => activate(exec, inputs, call.program),
            Err(_) => Reply::Revert(Bytes::new()),
        },
        ArbWasm::stylusVersionCall::SELECTOR => {
            Reply::Return(ArbWasm::stylusVersionCall::abi_encode_returns(&STYLUS_VERSION).into())
        }
        ArbWasm::codehashVersionCall::SELECTOR => match ArbWasm::codehashVersionCall::abi_decode(input) {
            Ok(call) => version_of(exec, call.codehash),
            Err(_) => Reply::Revert(Bytes::new()),
        },
        ArbWasm::programVersionCall::SELECTOR => match ArbWasm::programVersionCall::abi_decode(input) {
            Ok(call) => {
                let (code_hash, _) = exec.load_code(call.program);
                version_of(exec, code_hash)
            }
            Err(_) => Reply::Revert(Bytes::new()),
        },
        _ => Reply::Revert(Bytes::new()),
    }
}

fn version_of(exec: &mut Exec<'_>, code_hash: B256) -> Reply {
    match activation(exec, code_hash) {
        Some(record) => Reply::Return(ArbWasm::codehashVersionCall::abi_encode_returns(&record.version).into()),
        None => revert(ArbWasm::ProgramNotActivated {}),
    }
}

/// The activation data fee of deployment code at the pricer's floor price. Nitro prices
/// its estimate of the native code size; the test bed prices the WASM size.
pub fn data_fee(code: &[u8]) -> U256 {
    let wasm_len = crate::stylus::deploy_code::wasm_from_deployment_code(code, usize::MAX)
        .map(|wasm| wasm.len())
        .unwrap_or(0);
    data_fee_of_wasm_len(wasm_len)
}

/// The data fee of a WASM of `wasm_len` bytes (a compiled program knows its length, so
/// activation need not decompress the code again).
pub fn data_fee_of_wasm_len(wasm_len: usize) -> U256 {
    U256::from(DATA_PRICE_WEI_PER_BYTE).saturating_mul(U256::from(wasm_len))
}

/// `activateProgram`: validates and compiles the program's WASM, records the activation,
/// charges the data fee from `msg.value` and refunds the excess, emits `ProgramActivated`.
fn activate(exec: &mut Exec<'_>, inputs: &CallInputs, program: Address) -> Reply {
    if inputs.is_static {
        return Reply::Revert(Bytes::new());
    }
    let (code_hash, code) = exec.load_code(program);
    let code = code.original_bytes();
    if !is_stylus_code(&code) {
        return revert(ArbWasm::ProgramNotWasm {});
    }
    let previous = activation(exec, code_hash);
    if previous.is_some_and(|p| p.version == STYLUS_VERSION) {
        return revert(ArbWasm::ProgramUpToDate {});
    }
    let Ok(compiled) = exec.programs.get_or_compile(code_hash, &code) else {
        return Reply::BurnOut;
    };
    let data_fee = data_fee_of_wasm_len(compiled.info().wasm_size);
    let paid = inputs.value.get();
    if paid < data_fee {
        return revert(ArbWasm::ProgramInsufficientValue { have: paid, want: data_fee });
    }
    let journal = &mut exec.ctx.journaled_state;
    let excess = paid - data_fee;
    if !excess.is_zero() {
        match journal.transfer(ARB_WASM, inputs.caller, excess) {
            Ok(None) => {}
            Ok(Some(_)) => return Reply::Revert(Bytes::new()),
            Err(never) => match never {},
        }
    }
    let record = Activation { version: STYLUS_VERSION, cached: previous.is_some_and(|p| p.cached) };
    let Ok(_) = journal.sstore(ARB_WASM, activation_slot(code_hash), record.encode());
    let event = ArbWasm::ProgramActivated {
        codehash: code_hash,
        moduleHash: keccak256(&code),
        program,
        dataFee: data_fee,
        version: STYLUS_VERSION,
    };
    journal.log(Log { address: ARB_WASM, data: event.encode_log_data() });
    Reply::Return(ArbWasm::activateProgramCall::abi_encode_returns(&ArbWasm::activateProgramReturn {
        version: STYLUS_VERSION,
        dataFee: data_fee,
    }).into())
}

fn arb_wasm_cache(exec: &mut Exec<'_>, input: &[u8]) -> Reply {
    match ArbWasmCache::codehashIsCachedCall::abi_decode(input) {
        Ok(call) => {
            let cached = activation(exec, call.codehash).is_some_and(|a| a.cached);
            Reply::Return(ArbWasmCache::codehashIsCachedCall::abi_encode_returns(&cached).into())
        }
        Err(_) => Reply::Revert(Bytes::new()),
    }
}
