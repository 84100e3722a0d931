//! A Stylus frame: checks activation, builds the [`FrameContext`], runs the program in the
//! Stylus runtime and serves its `vm_hooks` requests ([`StylusHost`]) from the world,
//! with gas as Nitro charges it (arbos/programs/api.go and geth's `Wasm*Cost`).

use alloy_primitives::{Address, Bytes, Log, LogData, B256, U256};
use alloy_sol_types::SolError;
use revm::{
    context::JournalTr,
    context_interface::{Block, Cfg, Transaction},
    interpreter::{
        CallScheme, CallValue, CreateInputs, CreateScheme, Gas, InstructionResult, InterpreterResult,
        SharedMemory,
    },
};

use super::{
    arbos::{self, ArbWasm},
    exec::{call_inputs, halt, Exec},
    runtime,
};
use crate::stylus::{CallKind, FrameContext, HostError, StylusHost, StylusPages, SubcallOutcome};

/// EIP-2929 / EIP-150 constants as Nitro's `WasmCallCost` and `WasmAccountTouchCost` use them.
const WARM_ACCESS: u64 = 100;
const COLD_ACCOUNT_EXTRA: u64 = 2_500;
const COLD_ACCOUNT: u64 = 2_600;
const COLD_SLOAD: u64 = 2_100;
const VALUE_TRANSFER: u64 = 9_000;
const NEW_ACCOUNT: u64 = 25_000;
const CALL_STIPEND: u64 = 2_300;
const EXTCODE_COST: u64 = 700;
const CREATE_GAS: u64 = 32_000;
const KECCAK_WORD: u64 = 6;

/// The message that enters a Stylus program.
pub(crate) struct StylusCall {
    /// Acting address (storage owner; the proxy for a delegate call).
    pub address: Address,
    pub caller: Address,
    pub value: U256,
    pub input: Bytes,
    pub gas_limit: u64,
    pub is_static: bool,
    /// The program's code (prefixed, compressed WASM) and its hash.
    pub code: Bytes,
    pub code_hash: B256,
}

/// Runs a Stylus frame to completion; state changes are kept or rolled back by the caller
/// ([`Exec::call`]) according to the result.
pub(crate) fn run(exec: &mut Exec<'_>, call: StylusCall, depth: usize, memory: SharedMemory) -> InterpreterResult {
    let Some(activation) = arbos::activation(exec, call.code_hash) else {
        return InterpreterResult {
            result: InstructionResult::Revert,
            gas: Gas::new(call.gas_limit),
            output: ArbWasm::ProgramNotActivated {}.abi_encode().into(),
        };
    };
    let program = match exec.programs.get_or_compile(call.code_hash, &call.code) {
        Ok(program) => program,
        Err(_) => return halt(InstructionResult::PrecompileError, call.gas_limit),
    };
    let frame = FrameContext {
        address: call.address,
        caller: call.caller,
        value: call.value,
        input: call.input,
        gas_limit: call.gas_limit,
        is_static: call.is_static,
        reentrant: exec.spans.get(&call.address).copied().unwrap_or(0) > 1,
        cached: activation.cached,
        tx_origin: exec.ctx.tx.caller(),
        tx_gas_price: U256::from(exec.ctx.tx.effective_gas_price(u128::from(exec.ctx.block.basefee()))),
        block_number: saturating_u64(exec.ctx.block.number()),
        block_timestamp: saturating_u64(exec.ctx.block.timestamp()),
        block_basefee: U256::from(exec.ctx.block.basefee()),
        block_coinbase: exec.ctx.block.beneficiary(),
        block_gas_limit: exec.ctx.block.gas_limit(),
        chain_id: exec.ctx.cfg.chain_id(),
    };
    let mut host = WorldHost { exec, address: call.address, caller: call.caller, value: call.value, is_static: call.is_static, depth, memory, refund: 0 };
    let outcome = runtime::execute(&program, &mut host, &frame);
    let refund = host.refund;
    // More gas used than given would be a runtime bug: fail the frame rather than trust it.
    // (revm panics on `FatalExternalError` in a child result, so report a plain halt.)
    let mut gas = Gas::new(call.gas_limit);
    if !gas.record_regular_cost(outcome.gas_used) {
        return halt(InstructionResult::PrecompileError, call.gas_limit);
    }
    if outcome.result.is_ok() {
        gas.record_refund(refund);
    }
    InterpreterResult { result: outcome.result, gas, output: outcome.output }
}

fn saturating_u64(v: U256) -> u64 {
    u64::try_from(v).unwrap_or(u64::MAX)
}

/// The world as one Stylus frame sees it.
struct WorldHost<'e, 'a> {
    exec: &'e mut Exec<'a>,
    address: Address,
    caller: Address,
    value: U256,
    is_static: bool,
    depth: usize,
    /// Memory context of the EVM frame below (if any); sub-calls take child contexts of it.
    memory: SharedMemory,
    /// SSTORE refunds of this frame and its successful sub-calls (EIP-3529).
    refund: i64,
}

impl WorldHost<'_, '_> {
    /// Loads an account, returning (is_cold, is_empty).
    fn touch(&mut self, account: Address) -> (bool, bool) {
        let Ok(load) = self.exec.ctx.journaled_state.load_account(account);
        (load.is_cold, load.data.is_empty())
    }

    fn remaining(result: &InterpreterResult) -> u64 {
        if result.result.is_ok_or_revert() {
            result.gas.remaining()
        } else {
            0
        }
    }
}

impl StylusHost for WorldHost<'_, '_> {
    fn sload(&mut self, key: U256) -> (U256, u64) {
        let Ok(load) = self.exec.ctx.journaled_state.sload(self.address, key);
        (load.data, if load.is_cold { COLD_SLOAD } else { WARM_ACCESS })
    }

    fn sstore(&mut self, key: U256, value: U256) -> Result<u64, HostError> {
        if self.is_static {
            return Err(HostError::WriteInStaticContext);
        }
        let Ok(load) = self.exec.ctx.journaled_state.sstore(self.address, key, value);
        let params = self.exec.ctx.cfg.gas_params();
        let gas = params
            .sstore_static_gas()
            .saturating_add(params.sstore_dynamic_gas(true, &load.data, load.is_cold));
        self.refund = self.refund.saturating_add(params.sstore_refund(true, &load.data));
        Ok(gas)
    }

    fn tload(&mut self, key: U256) -> U256 {
        self.exec.ctx.journaled_state.tload(self.address, key)
    }

    fn tstore(&mut self, key: U256, value: U256) -> Result<(), HostError> {
        if self.is_static {
            return Err(HostError::WriteInStaticContext);
        }
        self.exec.ctx.journaled_state.tstore(self.address, key, value);
        Ok(())
    }

    fn call(&mut self, kind: CallKind, to: Address, value: U256, gas: u64, input: &[u8]) -> SubcallOutcome {
        self.call_with_gas_left(kind, to, value, gas, gas, input)
    }

    /// Nitro's `doCall`: base cost (`WasmCallCost`), then
    /// `min((gas_left - base) * 63/64, gas_req)` forwarded, plus the stipend with value.
    fn call_with_gas_left(
        &mut self,
        kind: CallKind,
        to: Address,
        value: U256,
        gas_left: u64,
        gas_req: u64,
        input: &[u8],
    ) -> SubcallOutcome {
        if self.is_static && !value.is_zero() && kind == CallKind::Call {
            return SubcallOutcome { success: false, ..Default::default() };
        }
        let (cold, empty) = self.touch(to);
        let mut base = WARM_ACCESS;
        if cold {
            base += COLD_ACCOUNT_EXTRA;
        }
        let transfers = kind == CallKind::Call && !value.is_zero();
        if transfers {
            if empty {
                base += NEW_ACCOUNT;
            }
            base += VALUE_TRANSFER;
        }
        if base > gas_left {
            return SubcallOutcome { success: false, base_gas: gas_left, ..Default::default() };
        }
        // Nitro computes `* 63 / 64` (not geth's `x - x/64`); u128 cannot overflow.
        let available = u64::try_from(u128::from(gas_left - base) * 63 / 64).unwrap_or(u64::MAX);
        let mut forwarded = available.min(gas_req);
        if transfers {
            forwarded = forwarded.saturating_add(CALL_STIPEND);
        }
        let (scheme, caller, target, call_value, is_static) = match kind {
            CallKind::Call => (CallScheme::Call, self.address, to, CallValue::Transfer(value), self.is_static),
            CallKind::StaticCall => (CallScheme::StaticCall, self.address, to, CallValue::Transfer(U256::ZERO), true),
            CallKind::DelegateCall => {
                (CallScheme::DelegateCall, self.caller, self.address, CallValue::Apparent(self.value), self.is_static)
            }
        };
        let inputs = call_inputs(self.exec, scheme, caller, target, to, call_value, Bytes::copy_from_slice(input), forwarded, is_static);
        let memory = self.memory.new_child_context();
        let outcome = self.exec.call(inputs, self.depth + 1, memory);
        self.memory.free_child_context();
        let result = outcome.result;
        if result.result.is_ok() {
            self.refund = self.refund.saturating_add(result.gas.refunded());
        }
        let returned = Self::remaining(&result);
        SubcallOutcome {
            success: result.result.is_ok(),
            output: result.output,
            gas_used: forwarded.saturating_sub(returned),
            base_gas: base,
            created: None,
        }
    }

    fn create(&mut self, init_code: &[u8], value: U256, salt: Option<B256>, gas: u64) -> SubcallOutcome {
        if self.is_static {
            return SubcallOutcome { success: false, ..Default::default() };
        }
        let mut base = CREATE_GAS;
        if salt.is_some() {
            base += KECCAK_WORD * (init_code.len() as u64).div_ceil(32);
        }
        if gas < base {
            return SubcallOutcome { success: false, base_gas: gas, ..Default::default() };
        }
        let available = gas - base;
        let kept = available / 64;
        let forwarded = available - kept;
        let scheme = match salt {
            Some(salt) => CreateScheme::Create2 { salt: salt.into() },
            None => CreateScheme::Create,
        };
        let inputs = Box::new(CreateInputs::new(self.address, scheme, value, Bytes::copy_from_slice(init_code), forwarded, 0));
        let memory = self.memory.new_child_context();
        let outcome = self.exec.create(inputs, self.depth + 1, memory);
        self.memory.free_child_context();
        let result = outcome.result;
        if result.result.is_ok() {
            self.refund = self.refund.saturating_add(result.gas.refunded());
        }
        let returned = Self::remaining(&result);
        SubcallOutcome {
            success: result.result.is_ok(),
            output: if result.result == InstructionResult::Revert { result.output } else { Bytes::new() },
            gas_used: forwarded.saturating_sub(returned),
            base_gas: base,
            created: outcome.address,
        }
    }

    fn emit_log(&mut self, topics: &[B256], data: &[u8]) -> Result<(), HostError> {
        if self.is_static {
            return Err(HostError::WriteInStaticContext);
        }
        let data = LogData::new_unchecked(topics.to_vec(), Bytes::copy_from_slice(data));
        self.exec.ctx.journaled_state.log(Log { address: self.address, data });
        Ok(())
    }

    fn balance(&mut self, account: Address) -> (U256, u64) {
        let Ok(load) = self.exec.ctx.journaled_state.load_account(account);
        let gas = if load.is_cold { COLD_ACCOUNT } else { WARM_ACCESS };
        (load.data.info.balance, gas)
    }

    fn code(&mut self, account: Address) -> (Bytes, u64) {
        let Ok(load) = self.exec.ctx.journaled_state.code(account);
        // Nitro charges for the largest possible code: MaxCodeSize / 24,576 * 700.
        let code_cost = (self.exec.max_code_size / 24_576) as u64 * EXTCODE_COST;
        let gas = code_cost + if load.is_cold { COLD_ACCOUNT } else { WARM_ACCESS };
        (load.data, gas)
    }

    fn stylus_pages(&self) -> StylusPages {
        self.exec.pages
    }

    fn set_stylus_pages(&mut self, pages: StylusPages) {
        self.exec.pages = pages;
    }

    fn code_hash(&mut self, account: Address) -> (B256, u64) {
        let Ok(load) = self.exec.ctx.journaled_state.code_hash(account);
        (load.data, if load.is_cold { COLD_ACCOUNT } else { WARM_ACCESS })
    }
}
