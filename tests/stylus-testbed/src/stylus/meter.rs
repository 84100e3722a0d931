//! Nitro's ink meter, as wasm instrumentation (`prover::programs::{meter, dynamic}`).
//!
//! Every function body is cut into basic blocks exactly where Nitro cuts them (after
//! `end`, `else`, `return`, `loop`, `br`, `br_if`, `br_table`, `if`, `call`,
//! `call_indirect`). Before each block the program checks and burns the block's price:
//! the sum of its opcodes' `pricing_v1` ink plus the 2,450-ink header. `memory.copy` and
//! `memory.fill` also burn 100 ink per byte at run time. Ink lives in an exported i64
//! global the host hooks read and write; running out sets the status global and traps.

use super::{error::ProgramError, pricing::op_ink};
use std::convert::Infallible;
use wasm_encoder::{
    reencode::{Error as ReencodeError, Reencode},
    BlockType, ConstExpr, ExportKind, GlobalType, Instruction, SectionId, ValType,
};
use wasmparser::Operator;

/// Export name of the ink-left global (i64).
pub const INK_GLOBAL: &str = "stylus_ink_left";
/// Export name of the ink status global (i32, 1 once ink ran out).
pub const STATUS_GLOBAL: &str = "stylus_ink_status";
/// Ink of the ink-left check that starts every basic block.
pub const BLOCK_HEADER_INK: u64 = 2_450;
/// Ink per byte of `memory.copy` / `memory.fill` (800 / 8).
pub const MEMORY_BYTE_INK: i64 = 100;

/// Whether Nitro ends a basic block after `op`.
fn ends_basic_block(op: &Operator) -> bool {
    matches!(
        op,
        Operator::End
            | Operator::Else
            | Operator::Return
            | Operator::Loop { .. }
            | Operator::Br { .. }
            | Operator::BrTable { .. }
            | Operator::BrIf { .. }
            | Operator::If { .. }
            | Operator::Call { .. }
            | Operator::CallIndirect { .. }
    )
}

struct Meter {
    /// Parameter count of each type, for `call_indirect` pricing.
    type_params: Vec<u32>,
    /// Globals defined by the module before instrumentation.
    module_globals: u32,
    globals_emitted: bool,
    func: u32,
    error: Option<ProgramError>,
}

impl Meter {
    fn ink(&self) -> u32 {
        self.module_globals
    }
    fn status(&self) -> u32 {
        self.module_globals + 1
    }
    fn scratch(&self) -> u32 {
        self.module_globals + 2
    }

    fn add_globals(&mut self, globals: &mut wasm_encoder::GlobalSection) {
        let global = |val_type| GlobalType { val_type, mutable: true, shared: false };
        globals.global(global(ValType::I64), &ConstExpr::i64_const(0));
        globals.global(global(ValType::I32), &ConstExpr::i32_const(0));
        globals.global(global(ValType::I32), &ConstExpr::i32_const(0));
        self.globals_emitted = true;
    }

    /// `if ink < cost { status = 1; unreachable }; ink -= cost`
    fn header(&self, f: &mut wasm_encoder::Function, cost: u64) {
        let cost = i64::try_from(cost).unwrap_or(i64::MAX);
        f.instruction(&Instruction::GlobalGet(self.ink()));
        f.instruction(&Instruction::I64Const(cost));
        f.instruction(&Instruction::I64LtU);
        self.fail_if(f);
        f.instruction(&Instruction::GlobalGet(self.ink()));
        f.instruction(&Instruction::I64Const(cost));
        f.instruction(&Instruction::I64Sub);
        f.instruction(&Instruction::GlobalSet(self.ink()));
    }

    fn fail_if(&self, f: &mut wasm_encoder::Function) {
        f.instruction(&Instruction::If(BlockType::Empty));
        f.instruction(&Instruction::I32Const(1));
        f.instruction(&Instruction::GlobalSet(self.status()));
        f.instruction(&Instruction::Unreachable);
        f.instruction(&Instruction::End);
    }

    /// Burns 100 ink per byte of the length on top of the stack, keeping the stack.
    fn per_byte(&self, f: &mut wasm_encoder::Function) {
        f.instruction(&Instruction::GlobalSet(self.scratch()));
        f.instruction(&Instruction::GlobalGet(self.ink()));
        f.instruction(&Instruction::GlobalGet(self.ink()));
        f.instruction(&Instruction::GlobalGet(self.scratch()));
        f.instruction(&Instruction::I64ExtendI32U);
        f.instruction(&Instruction::I64Const(MEMORY_BYTE_INK));
        f.instruction(&Instruction::I64Mul);
        f.instruction(&Instruction::I64Sub);
        f.instruction(&Instruction::GlobalSet(self.ink()));
        f.instruction(&Instruction::GlobalGet(self.ink()));
        // old < new: the subtraction wrapped, so the program could not pay.
        f.instruction(&Instruction::I64LtU);
        self.fail_if(f);
        f.instruction(&Instruction::GlobalGet(self.scratch()));
    }
}

type Error = ReencodeError<Infallible>;

impl Reencode for Meter {
    type Error = Infallible;

    fn parse_global_section(
        &mut self,
        globals: &mut wasm_encoder::GlobalSection,
        section: wasmparser::GlobalSectionReader<'_>,
    ) -> Result<(), Error> {
        wasm_encoder::reencode::utils::parse_global_section(self, globals, section)?;
        self.add_globals(globals);
        Ok(())
    }

    fn intersperse_section_hook(
        &mut self,
        module: &mut wasm_encoder::Module,
        _after: Option<SectionId>,
        before: Option<SectionId>,
    ) -> Result<(), Error> {
        let past_globals = matches!(
            before,
            None | Some(SectionId::Export | SectionId::Start | SectionId::Element | SectionId::DataCount | SectionId::Code | SectionId::Data)
        );
        if past_globals && !self.globals_emitted {
            let mut globals = wasm_encoder::GlobalSection::new();
            self.add_globals(&mut globals);
            module.section(&globals);
        }
        Ok(())
    }

    fn parse_export_section(
        &mut self,
        exports: &mut wasm_encoder::ExportSection,
        section: wasmparser::ExportSectionReader<'_>,
    ) -> Result<(), Error> {
        wasm_encoder::reencode::utils::parse_export_section(self, exports, section)?;
        exports.export(INK_GLOBAL, ExportKind::Global, self.ink());
        exports.export(STATUS_GLOBAL, ExportKind::Global, self.status());
        Ok(())
    }

    fn parse_function_body(
        &mut self,
        code: &mut wasm_encoder::CodeSection,
        body: wasmparser::FunctionBody<'_>,
    ) -> Result<(), Error> {
        let func = self.func;
        self.func += 1;
        let mut f = self.new_function_with_parsed_locals(&body)?;
        let mut reader = body.get_operators_reader()?;
        let mut block: Vec<Operator<'_>> = Vec::new();
        let mut block_cost = 0u64;
        while !reader.eof() {
            let op = reader.read()?;
            let Some(ink) = op_ink(&op, &self.type_params) else {
                self.error.get_or_insert(ProgramError::UnsupportedInstruction { func, op: format!("{op:?}") });
                return Ok(());
            };
            block_cost = block_cost.saturating_add(ink);
            let end = ends_basic_block(&op);
            block.push(op);
            if end {
                self.header(&mut f, block_cost.saturating_add(BLOCK_HEADER_INK));
                for op in block.drain(..) {
                    if matches!(op, Operator::MemoryCopy { .. } | Operator::MemoryFill { .. }) {
                        self.per_byte(&mut f);
                    }
                    f.instruction(&self.instruction(op)?);
                }
                block_cost = 0;
            }
        }
        code.function(&f);
        Ok(())
    }
}

/// Instruments validated Stylus wasm with Nitro's ink meter.
pub(crate) fn instrument(wasm: &[u8]) -> Result<Vec<u8>, ProgramError> {
    let invalid = |e: &dyn std::fmt::Display| ProgramError::InvalidWasm(e.to_string());
    let mut type_params = Vec::new();
    let mut module_globals = 0u32;
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        match payload.map_err(|e| invalid(&e))? {
            wasmparser::Payload::TypeSection(reader) => {
                for ty in reader.into_iter_err_on_gc_types() {
                    type_params.push(ty.map_err(|e| invalid(&e))?.params().len() as u32);
                }
            }
            wasmparser::Payload::GlobalSection(reader) => module_globals = reader.count(),
            _ => {}
        }
    }
    let mut meter = Meter { type_params, module_globals, globals_emitted: false, func: 0, error: None };
    let mut module = wasm_encoder::Module::new();
    meter
        .parse_core_module(&mut module, wasmparser::Parser::new(0), wasm)
        .map_err(|e| ProgramError::InvalidWasm(format!("instrumentation: {e}")))?;
    if let Some(error) = meter.error {
        return Err(error);
    }
    Ok(module.finish())
}
