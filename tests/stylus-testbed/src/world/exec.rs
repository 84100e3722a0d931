//! The call stack of one transaction: every CALL/CREATE, from the EVM or from a Stylus
//! program, goes through [`Exec::call`] / [`Exec::create`], which pick the callee's VM
//! and run it to completion (recursively), so both VMs share one journal and one stack.
//!
//! The frame rules mirror revm's own handler (`EthFrame::make_call_frame`,
//! `make_create_frame`, `return_create`), with the Arbitrum differences: code starting
//! with the Stylus prefix runs in the Stylus runtime, may be deployed despite EIP-3541,
//! and the ArbOS precompiles ArbWasm/ArbWasmCache are served here.

use std::collections::HashMap;

use alloy_primitives::{Address, Bytes, B256};
use revm::{
    bytecode::Bytecode,
    context::JournalTr,
    context_interface::{journaled_state::account::JournaledAccountTr, Cfg},
    handler::{
        CallFrame, EthFrame, EthPrecompiles, FrameData,
        FrameResult, PrecompileProvider,
    },
    interpreter::{
        interpreter::ExtBytecode, CallInput, CallInputs, CallOutcome, CallScheme, CallValue,
        CreateInputs, CreateOutcome, FrameInput, Gas, InputsImpl, InstructionResult,
        InterpreterAction, InterpreterResult, SharedMemory,
    },
    primitives::{constants::CALL_STACK_LIMIT, hardfork::SpecId},
};

use super::{
    arbos,
    programs::ProgramCache,
    types::{Ctx, FrameError, Instructions},
};

/// First bytes of every Stylus program's code (EIP-3541 reserves 0xEF; Arbitrum uses
/// 0xEFF000 followed by a dictionary byte and the compressed WASM).
pub const STYLUS_PREFIX: [u8; 3] = [0xEF, 0xF0, 0x00];

/// Whether deployed code is a Stylus program.
pub fn is_stylus_code(code: &[u8]) -> bool {
    code.starts_with(&STYLUS_PREFIX)
}

/// Everything a running transaction needs; lives for one transaction.
pub(crate) struct Exec<'a> {
    pub ctx: &'a mut Ctx,
    pub instructions: &'a Instructions,
    pub precompiles: &'a mut EthPrecompiles,
    pub programs: &'a mut ProgramCache,
    /// Open non-delegate frames per acting address (Nitro's `TxProcessor.Programs`),
    /// the source of `msg_reentrant`.
    pub spans: HashMap<Address, u32>,
    /// Stylus memory pages open in the call stack / ever open (Nitro `GetStylusPages`).
    pub pages: crate::stylus::StylusPages,
    /// Largest deployable code (EIP-170 as configured on the chain).
    pub max_code_size: usize,
}

/// Stack left before a frame grows a new segment, and the segment size. Frames recurse on
/// the Rust stack (EVM -> Stylus -> EVM ...); a 1,024-deep stack needs far more than a
/// test thread's 2 MiB.
const STACK_RED_ZONE: usize = 256 * 1024;
const STACK_SEGMENT: usize = 8 * 1024 * 1024;

impl Exec<'_> {
    /// Runs a message call (any scheme) to completion.
    pub fn call(&mut self, inputs: Box<CallInputs>, depth: usize, memory: SharedMemory) -> CallOutcome {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || self.call_frame(inputs, depth, memory))
    }

    fn call_frame(&mut self, inputs: Box<CallInputs>, depth: usize, memory: SharedMemory) -> CallOutcome {
        let memory_range = inputs.return_memory_offset.clone();
        let gas_limit = inputs.gas_limit;
        let early = |result: InstructionResult| {
            CallOutcome::new(
                InterpreterResult { result, gas: Gas::new(gas_limit), output: Bytes::new() },
                memory_range.clone(),
            )
        };
        if depth > CALL_STACK_LIMIT as usize {
            return early(InstructionResult::CallTooDeep);
        }
        let checkpoint = self.ctx.journaled_state.checkpoint();
        if let CallValue::Transfer(value) = inputs.value {
            match self.ctx.journaled_state.transfer(inputs.caller, inputs.target_address, value) {
                Ok(None) => {}
                Ok(Some(err)) => {
                    self.ctx.journaled_state.checkpoint_revert(checkpoint);
                    return early(err.into());
                }
                Err(never) => match never {},
            }
        }

        let result = if arbos::is_arbos_precompile(&inputs.bytecode_address) {
            arbos::run(self, &inputs)
        } else {
            let precompiled = <EthPrecompiles as PrecompileProvider<Ctx>>::run(self.precompiles, self.ctx, &inputs);
            match precompiled {
                Ok(Some(result)) => result,
                Ok(None) => self.run_code(inputs, depth, memory),
                Err(_) => InterpreterResult {
                    result: InstructionResult::PrecompileError,
                    gas: spent(gas_limit),
                    output: Bytes::new(),
                },
            }
        };

        if result.result.is_ok() {
            self.ctx.journaled_state.checkpoint_commit();
        } else {
            self.ctx.journaled_state.checkpoint_revert(checkpoint);
        }
        CallOutcome::new(result, memory_range)
    }

    /// Runs the code at `inputs.bytecode_address` (EVM or Stylus) in the callee's context.
    fn run_code(&mut self, inputs: Box<CallInputs>, depth: usize, memory: SharedMemory) -> InterpreterResult {
        let (code_hash, code) = inputs.known_bytecode.clone();
        if code.is_empty() {
            return InterpreterResult { result: InstructionResult::Stop, gas: Gas::new(inputs.gas_limit), output: Bytes::new() };
        }
        let counted = !matches!(inputs.scheme, CallScheme::DelegateCall | CallScheme::CallCode);
        let acting = inputs.target_address;
        if counted {
            *self.spans.entry(acting).or_insert(0) += 1;
        }
        let result = if is_stylus_code(code.original_byte_slice()) {
            let frame = super::stylus_frame::StylusCall {
                address: inputs.target_address,
                caller: inputs.caller,
                value: inputs.value.get(),
                input: inputs.input.bytes(&*self.ctx),
                gas_limit: inputs.gas_limit,
                is_static: inputs.is_static,
                code: code.original_bytes(),
                code_hash,
            };
            super::stylus_frame::run(self, frame, depth, memory)
        } else {
            self.run_evm_call(inputs, code, code_hash, depth, memory)
        };
        if counted {
            if let Some(n) = self.spans.get_mut(&acting) {
                *n = n.saturating_sub(1);
            }
        }
        result
    }

    fn run_evm_call(
        &mut self,
        inputs: Box<CallInputs>,
        code: Bytecode,
        code_hash: B256,
        depth: usize,
        memory: SharedMemory,
    ) -> InterpreterResult {
        let interpreter_input = InputsImpl {
            target_address: inputs.target_address,
            caller_address: inputs.caller,
            bytecode_address: Some(inputs.bytecode_address),
            input: inputs.input.clone(),
            call_value: inputs.value.get(),
            depth,
        };
        let is_static = inputs.is_static;
        let gas_limit = inputs.gas_limit;
        let mut frame = EthFrame::invalid();
        frame.clear(
            FrameData::Call(CallFrame { return_memory_range: inputs.return_memory_offset.clone() }),
            FrameInput::Call(inputs),
            depth,
            memory,
            ExtBytecode::new_with_hash(code, code_hash),
            interpreter_input,
            is_static,
            self.spec(),
            gas_limit,
            0,
            // Unused: `Exec::call` owns the checkpoint of this frame.
            Default::default(),
        );
        self.drive(&mut frame, depth)
    }

    /// Steps an EVM frame until it returns, running every sub-call it asks for.
    fn drive(&mut self, frame: &mut EthFrame, depth: usize) -> InterpreterResult {
        loop {
            let action = frame.interpreter.run_plain(
                self.instructions.instruction_table(),
                self.instructions.gas_table(),
                self.ctx,
            );
            let sub = match action {
                InterpreterAction::Return(result) => return result,
                InterpreterAction::NewFrame(FrameInput::Call(inputs)) => {
                    let memory = frame.interpreter.memory.new_child_context();
                    FrameResult::Call(self.call(inputs, depth + 1, memory))
                }
                InterpreterAction::NewFrame(FrameInput::Create(inputs)) => {
                    let memory = frame.interpreter.memory.new_child_context();
                    FrameResult::Create(self.create(inputs, depth + 1, memory))
                }
                // Neither happens with revm's own instructions. A plain halt, not
                // `FatalExternalError`: revm panics when a parent frame receives that one.
                InterpreterAction::NewFrame(FrameInput::Empty) => {
                    return halt(InstructionResult::PrecompileError, frame.interpreter.gas.limit());
                }
            };
            if frame.return_result::<Ctx, FrameError>(self.ctx, sub).is_err() {
                return halt(InstructionResult::PrecompileError, frame.interpreter.gas.limit());
            }
        }
    }

    /// Runs CREATE/CREATE2: new address, nonce bump, init code (EVM; it may return Stylus
    /// code, which Arbitrum allows), code deposit.
    pub fn create(&mut self, inputs: Box<CreateInputs>, depth: usize, memory: SharedMemory) -> CreateOutcome {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || self.create_frame(inputs, depth, memory))
    }

    fn create_frame(&mut self, inputs: Box<CreateInputs>, depth: usize, memory: SharedMemory) -> CreateOutcome {
        let gas_limit = inputs.gas_limit();
        let early = |result: InstructionResult| {
            CreateOutcome::new(InterpreterResult { result, gas: Gas::new(gas_limit), output: Bytes::new() }, None)
        };
        if depth > CALL_STACK_LIMIT as usize {
            return early(InstructionResult::CallTooDeep);
        }
        let spec = self.spec();
        let journal = &mut self.ctx.journaled_state;
        let old_nonce = {
            let Ok(mut caller) = journal.load_account_mut(inputs.caller());
            if *caller.balance() < inputs.value() {
                return early(InstructionResult::OutOfFunds);
            }
            let nonce = caller.nonce();
            if !caller.bump_nonce() {
                return early(InstructionResult::Return);
            }
            nonce
        };
        let created = inputs.created_address(old_nonce);
        let Ok(_) = journal.load_account(created);
        let checkpoint = match journal.create_account_checkpoint(inputs.caller(), created, inputs.value(), spec) {
            Ok(checkpoint) => checkpoint,
            Err(err) => return early(err.into()),
        };

        *self.spans.entry(created).or_insert(0) += 1;
        let interpreter_input = InputsImpl {
            target_address: created,
            caller_address: inputs.caller(),
            bytecode_address: None,
            input: CallInput::Bytes(Bytes::new()),
            call_value: inputs.value(),
            depth,
        };
        let init_code = Bytecode::new_legacy(inputs.init_code().clone());
        let mut frame = EthFrame::invalid();
        frame.clear(
            FrameData::Create(revm::handler::CreateFrame { created_address: created }),
            FrameInput::Create(inputs),
            depth,
            memory,
            ExtBytecode::new(init_code),
            interpreter_input,
            false,
            spec,
            gas_limit,
            0,
            checkpoint,
        );
        let mut result = self.drive(&mut frame, depth);
        if let Some(n) = self.spans.get_mut(&created) {
            *n = n.saturating_sub(1);
        }
        self.finish_create(checkpoint, &mut result, created);
        let address = result.result.is_ok().then_some(created);
        CreateOutcome::new(result, address)
    }

    /// revm's `return_create` with Arbitrum's exception to EIP-3541 for Stylus code.
    fn finish_create(
        &mut self,
        checkpoint: revm::context_interface::journaled_state::JournalCheckpoint,
        result: &mut InterpreterResult,
        address: Address,
    ) {
        let journal = &mut self.ctx.journaled_state;
        if !result.result.is_ok() {
            journal.checkpoint_revert(checkpoint);
            return;
        }
        if result.output.len() > self.max_code_size {
            journal.checkpoint_revert(checkpoint);
            result.result = InstructionResult::CreateContractSizeLimit;
            return;
        }
        if result.output.first() == Some(&0xEF) && !is_stylus_code(&result.output) {
            journal.checkpoint_revert(checkpoint);
            result.result = InstructionResult::CreateContractStartingWithEF;
            return;
        }
        let deposit = self.ctx.cfg.gas_params().code_deposit_cost(result.output.len());
        if !result.gas.record_regular_cost(deposit) {
            self.ctx.journaled_state.checkpoint_revert(checkpoint);
            result.result = InstructionResult::OutOfGas;
            return;
        }
        let journal = &mut self.ctx.journaled_state;
        journal.checkpoint_commit();
        journal.set_code(address, Bytecode::new_legacy(result.output.clone()));
        result.result = InstructionResult::Return;
    }

    pub fn spec(&self) -> SpecId {
        *self.ctx.cfg.spec()
    }

    /// Code and code hash of an account, loading (and warming) it.
    pub fn load_code(&mut self, address: Address) -> (B256, Bytecode) {
        let Ok(account) = self.ctx.journaled_state.load_account_with_code(address);
        let code = account.info.code.clone().unwrap_or_default();
        (account.info.code_hash, code)
    }
}

/// A result that consumed all of `gas_limit`.
pub fn halt(result: InstructionResult, gas_limit: u64) -> InterpreterResult {
    InterpreterResult { result, gas: spent(gas_limit), output: Bytes::new() }
}

/// Gas with everything spent.
pub fn spent(gas_limit: u64) -> Gas {
    let mut gas = Gas::new(gas_limit);
    gas.spend_all();
    gas
}

/// Builds the inputs of a call made outside the EVM (top level or from Stylus).
#[allow(clippy::too_many_arguments)]
pub fn call_inputs(
    exec: &mut Exec<'_>,
    scheme: CallScheme,
    caller: Address,
    target: Address,
    code_address: Address,
    value: CallValue,
    input: Bytes,
    gas_limit: u64,
    is_static: bool,
) -> Box<CallInputs> {
    let known_bytecode = exec.load_code(code_address);
    Box::new(CallInputs {
        input: CallInput::Bytes(input),
        return_memory_offset: 0..0,
        gas_limit,
        reservoir: 0,
        bytecode_address: code_address,
        known_bytecode,
        target_address: target,
        caller,
        value,
        scheme,
        is_static,
        charged_new_account_state_gas: false,
    })
}
