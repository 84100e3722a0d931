//! Activation-time checks and cost predictions, mirroring Nitro's `prover::binary::parse`
//! and `WasmBinary::{instrument, parse_user}`.
//!
//! Accepted wasm features (Nitro's `WasmFeatures`): mutable-global, sign-extension,
//! multi-value, saturating float-to-int (decoded but floats are then refused), and
//! bulk-memory restricted to `memory.copy` / `memory.fill`. Refused: reference-types,
//! SIMD, threads, tail calls, multi-memory, memory64, extended-const, exceptions, GC,
//! every floating-point instruction, start functions, and imports other than `vm_hooks`.

use super::{
    error::ProgramError,
    hooks::catalog::{format_signature, Hook, HOOK_MODULE},
    memory_model::PAGE_LIMIT,
};
use std::collections::BTreeSet;
use wasmparser::{
    BlockType, CompositeInnerType, ExternalKind, FuncType, Operator, Parser, Payload, TypeRef,
    Validator, WasmFeatures,
};

/// The name Stylus calls.
pub const ENTRYPOINT: &str = "user_entrypoint";
/// Largest deployment code (prefix + compressed wasm) of a classic, unfragmented
/// program: the EVM's 24 KiB contract size limit.
pub const MAX_CODE_SIZE: usize = 24_576;
/// Largest decompressed wasm Nitro accepts (`MaxWasmSize`, 128 KiB).
pub const MAX_WASM_SIZE: usize = 128 * 1024;
/// Globals Nitro's instrumentation adds (ink left, ink status, dynamic-meter scratch,
/// stack left); they count in the entry-cost formula.
const INSTRUMENTATION_GLOBALS: u64 = 4;

/// Limits applied when loading a program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest deployment code, prefix included (24,576 by default).
    pub max_code_size: usize,
    /// Largest decompressed wasm (131,072 by default).
    pub max_wasm_size: usize,
    /// Largest initial memory in 64 KiB pages (128 by default).
    pub page_limit: u16,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_code_size: MAX_CODE_SIZE, max_wasm_size: MAX_WASM_SIZE, page_limit: PAGE_LIMIT }
    }
}

/// What activation learns about a program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramInfo {
    /// Uncompressed wasm size in bytes.
    pub wasm_size: usize,
    /// Deployment code size: 4-byte prefix + brotli(wasm) at cargo-stylus settings.
    pub code_size: usize,
    /// Post-MVP wasm features the code actually uses (e.g. "bulk-memory", "sign-extension").
    pub features: BTreeSet<&'static str>,
    /// Functions defined by the module (imports excluded).
    pub function_count: u32,
    /// Host functions imported, by name.
    pub hooks: BTreeSet<&'static str>,
    /// Initial memory, in 64 KiB pages (Nitro's "footprint").
    pub footprint_pages: u16,
    /// Nitro's `initCost` (uncached entry, beyond the 8,832-gas minimum).
    pub init_cost: u16,
    /// Nitro's `cachedInitCost` (every entry, beyond the 352-gas minimum).
    pub cached_init_cost: u16,
    /// Nitro's predicted native code size in bytes (drives activation data fees).
    pub asm_estimate: u32,
}

/// Gas minimum of an uncached entry: 69 units of 128 gas (Stylus v2 `MinInitGas`).
pub const MIN_INIT_GAS: u64 = 69 * 128;
/// Gas minimum of every entry: 11 units of 32 gas (`MinCachedInitGas`).
pub const MIN_CACHED_INIT_GAS: u64 = 11 * 32;

impl ProgramInfo {
    /// Whether the deployment code fits the classic 24 KiB limit (no fragments).
    pub fn fits_code_limit(&self) -> bool {
        self.code_size <= MAX_CODE_SIZE
    }

    /// Gas charged on entry for program initialisation (memory excluded), as Nitro's
    /// `CallProgram` for Stylus v2 with the default 100% cost scalars: every call pays
    /// `352 + cached_init_cost`; a program not in the cache also pays `8,832 + init_cost`.
    pub fn init_gas(&self, cached: bool) -> u64 {
        let cached_gas = MIN_CACHED_INIT_GAS + u64::from(self.cached_init_cost);
        if cached {
            cached_gas
        } else {
            cached_gas + MIN_INIT_GAS + u64::from(self.init_cost)
        }
    }
}

/// The feature set Nitro validates user wasm with.
fn stylus_features() -> WasmFeatures {
    WasmFeatures::MUTABLE_GLOBAL
        | WasmFeatures::SATURATING_FLOAT_TO_INT
        | WasmFeatures::SIGN_EXTENSION
        | WasmFeatures::MULTI_VALUE
        | WasmFeatures::BULK_MEMORY
        | WasmFeatures::FLOATS
}

fn invalid(e: impl std::fmt::Display) -> ProgramError {
    ProgramError::InvalidWasm(e.to_string())
}

/// The variant name of an operator (`F64Add`, `MemoryCopy`...).
fn op_name(op: &Operator) -> String {
    let debug = format!("{op:?}");
    debug.split([' ', '{', '(']).next().unwrap_or_default().to_string()
}

/// Counts accumulated while walking the module.
#[derive(Default)]
struct Walk {
    types: Vec<FuncType>,
    imported_funcs: u32,
    local_func_types: Vec<u32>,
    entry: Option<(ExternalKind, u32)>,
    memory_exported: bool,
    memories: Vec<u64>,
    globals: u64,
    data_len: u64,
    datas: usize,
    elements: usize,
    elem_len: usize,
    exports: usize,
    table_entries: u64,
    code_index: u32,
    hooks: BTreeSet<&'static str>,
    features: BTreeSet<&'static str>,
}

/// Validates `wasm` as Nitro's activation does and predicts its costs. `code_size` is
/// the deployment-code size to report.
pub fn validate(wasm: &[u8], code_size: usize, limits: &Limits) -> Result<ProgramInfo, ProgramError> {
    if wasm.len() > limits.max_wasm_size {
        return Err(ProgramError::WasmTooLarge { limit: limits.max_wasm_size });
    }
    Validator::new_with_features(stylus_features()).validate_all(wasm).map_err(|e| {
        let message = e.to_string();
        if message.contains("zero byte expected") {
            // rustc >= 1.82 links std's call_indirect with a padded table index.
            ProgramError::InvalidWasm(format!(
                "{message} (rustc's reference-types call_indirect encoding: deploy through \
                 process_wasm / deployment_code_from_wasm, as cargo stylus does)"
            ))
        } else {
            ProgramError::InvalidWasm(message)
        }
    })?;

    let mut walk = Walk::default();
    for payload in Parser::new(0).parse_all(wasm) {
        walk.payload(payload.map_err(invalid)?)?;
    }
    walk.finish(wasm.len(), code_size, limits)
}

impl Walk {
    fn payload(&mut self, payload: Payload<'_>) -> Result<(), ProgramError> {
        match payload {
            Payload::TypeSection(reader) => {
                for group in reader {
                    for sub in group.map_err(invalid)?.into_types() {
                        match sub.composite_type.inner {
                            CompositeInnerType::Func(f) => {
                                if f.results().len() > 1 {
                                    self.features.insert("multi-value");
                                }
                                self.types.push(f);
                            }
                            _ => return Err(invalid("non-function type")),
                        }
                    }
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader {
                    let import = import.map_err(invalid)?;
                    self.import(import.module, import.name, import.ty)?;
                }
            }
            Payload::FunctionSection(reader) => {
                for ty in reader {
                    self.local_func_types.push(ty.map_err(invalid)?);
                }
            }
            Payload::TableSection(reader) => {
                for table in reader {
                    self.table_entries = self.table_entries.saturating_add(table.map_err(invalid)?.ty.initial);
                }
            }
            Payload::MemorySection(reader) => {
                for memory in reader {
                    self.memories.push(memory.map_err(invalid)?.initial);
                }
            }
            Payload::GlobalSection(reader) => {
                for global in reader {
                    if global.map_err(invalid)?.ty.mutable {
                        self.features.insert("mutable-global");
                    }
                    self.globals += 1;
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export.map_err(invalid)?;
                    self.exports += 1;
                    if export.name.len() > 512 || export.name.rsplit("__").next().is_some_and(|n| n.starts_with("stylus")) {
                        return Err(ProgramError::ReservedName(export.name.to_string()));
                    }
                    if export.name == ENTRYPOINT {
                        self.entry = Some((export.kind, export.index));
                    }
                    if export.name == "memory" && export.kind == ExternalKind::Memory {
                        self.memory_exported = true;
                    }
                }
            }
            Payload::StartSection { .. } => return Err(ProgramError::StartFunction),
            Payload::ElementSection(reader) => {
                for element in reader {
                    self.elem_len = self.elem_len.saturating_add(element.map_err(invalid)?.range.len());
                    self.elements += 1;
                }
            }
            Payload::DataSection(reader) => {
                for data in reader {
                    self.data_len = self.data_len.saturating_add(data.map_err(invalid)?.range.len() as u64);
                    self.datas += 1;
                }
            }
            Payload::CodeSectionEntry(body) => self.code(body)?,
            _ => {}
        }
        Ok(())
    }

    fn import(&mut self, module: &str, name: &str, ty: TypeRef) -> Result<(), ProgramError> {
        let foreign = || ProgramError::ForeignImport { module: module.to_string(), name: name.to_string() };
        let TypeRef::Func(type_index) = ty else { return Err(foreign()) };
        if module != HOOK_MODULE {
            return Err(foreign());
        }
        let hook = Hook::from_name(name).ok_or_else(foreign)?;
        let found = self.types.get(type_index as usize).ok_or_else(|| invalid("bad import type"))?;
        let (params, results) = hook.signature();
        if found.params() != params || found.results() != results {
            return Err(ProgramError::ImportSignature {
                name: name.to_string(),
                found: format_signature(found.params(), found.results()),
                expected: format_signature(params, results),
            });
        }
        self.hooks.insert(hook.name());
        self.imported_funcs += 1;
        Ok(())
    }

    fn code(&mut self, body: wasmparser::FunctionBody<'_>) -> Result<(), ProgramError> {
        let func = self.code_index;
        self.code_index += 1;
        let mut locals = 0u64;
        for local in body.get_locals_reader().map_err(invalid)? {
            locals = locals.saturating_add(u64::from(local.map_err(invalid)?.0));
        }
        if locals > 348 {
            return Err(ProgramError::TooMany { what: "locals", count: locals as usize, limit: 348 });
        }
        let mut ops = body.get_operators_reader().map_err(invalid)?;
        let mut count = 0usize;
        while !ops.eof() {
            let op = ops.read().map_err(invalid)?;
            count += 1;
            self.operator(func, &op)?;
        }
        if count > 65_536 {
            return Err(ProgramError::TooMany { what: "opcodes in func body", count, limit: 65_536 });
        }
        Ok(())
    }

    fn operator(&mut self, func: u32, op: &Operator<'_>) -> Result<(), ProgramError> {
        match op {
            Operator::MemoryCopy { .. } | Operator::MemoryFill { .. } => {
                self.features.insert("bulk-memory");
            }
            Operator::I32Extend8S
            | Operator::I32Extend16S
            | Operator::I64Extend8S
            | Operator::I64Extend16S
            | Operator::I64Extend32S => {
                self.features.insert("sign-extension");
            }
            Operator::Block { blockty } | Operator::Loop { blockty } | Operator::If { blockty } => {
                if let BlockType::FuncType(_) = blockty {
                    self.features.insert("multi-value");
                }
            }
            Operator::MemoryInit { .. }
            | Operator::DataDrop { .. }
            | Operator::TableInit { .. }
            | Operator::ElemDrop { .. }
            | Operator::TableCopy { .. }
            | Operator::TableFill { .. }
            | Operator::TableGet { .. }
            | Operator::TableSet { .. }
            | Operator::TableGrow { .. }
            | Operator::TableSize { .. } => {
                return Err(ProgramError::UnsupportedInstruction { func, op: op_name(op) });
            }
            _ => {
                let name = op_name(op);
                if name.contains("F32") || name.contains("F64") {
                    return Err(ProgramError::FloatInstruction { func, op: name });
                }
            }
        }
        Ok(())
    }

    fn finish(self, wasm_len: usize, code_size: usize, limits: &Limits) -> Result<ProgramInfo, ProgramError> {
        let too_many = |what, count: usize, limit: usize| {
            if count > limit { Err(ProgramError::TooMany { what, count, limit }) } else { Ok(()) }
        };
        too_many("memories", self.memories.len(), 1)?;
        too_many("datas", self.datas, 128)?;
        too_many("elements", self.elements, 128)?;
        too_many("exports", self.exports, 1024)?;
        too_many("functions", self.local_func_types.len(), 4096)?;
        too_many("globals", self.globals as usize, 32_768)?;
        too_many("table entries", self.table_entries as usize, 4096)?;
        too_many("element entries", self.elem_len, 4096)?;

        let pages = *self.memories.first().ok_or(ProgramError::MissingMemory)?;
        if !self.memory_exported {
            return Err(ProgramError::MissingMemory);
        }
        if pages > u64::from(limits.page_limit) {
            return Err(ProgramError::MemoryTooLarge { pages, limit: limits.page_limit });
        }
        let footprint = u16::try_from(pages).map_err(|_| ProgramError::MemoryTooLarge { pages, limit: limits.page_limit })?;

        match self.entry {
            Some((ExternalKind::Func, index)) => {
                let local = index.checked_sub(self.imported_funcs).ok_or_else(|| ProgramError::BadEntrypointType("an import".into()))?;
                let ty = self
                    .local_func_types
                    .get(local as usize)
                    .and_then(|t| self.types.get(*t as usize))
                    .ok_or_else(|| invalid("bad entrypoint type index"))?;
                if ty.params() != [wasmparser::ValType::I32] || ty.results() != [wasmparser::ValType::I32] {
                    return Err(ProgramError::BadEntrypointType(format_signature(ty.params(), ty.results())));
                }
            }
            Some((kind, _)) => return Err(ProgramError::BadEntrypointType(format!("{kind:?}"))),
            None => return Err(ProgramError::MissingEntrypoint),
        }

        let funcs = self.local_func_types.len() as u64;
        let mut type_len = 0u64;
        for ty in &self.local_func_types {
            let f = self.types.get(*ty as usize).ok_or_else(|| invalid("bad function type index"))?;
            type_len += (f.params().len() + f.results().len()) as u64;
        }
        let globals = self.globals + INSTRUMENTATION_GLOBALS;
        let wasm_len = wasm_len as u64;
        let data_len = self.data_len.saturating_add(self.elem_len as u64);

        let cached_init = funcs.saturating_mul(13_420) / 100_000
            + type_len.saturating_mul(89) / 100_000
            + wasm_len.saturating_mul(122) / 100_000
            + globals.saturating_mul(1_628) / 1_000
            + data_len.saturating_mul(75_244) / 100_000
            + u64::from(footprint) * 5;
        let init = funcs.saturating_mul(8_252) / 1_000
            + type_len.saturating_mul(1_059) / 1_000
            + wasm_len.saturating_mul(1_286) / 10_000;
        let asm_estimate = 512_000
            + funcs.saturating_mul(996_829) / 1_000
            + type_len.saturating_mul(11_416) / 1_000
            + wasm_len.saturating_mul(62_628) / 10_000;

        let fit16 = |what, value: u64| u16::try_from(value).map_err(|_| ProgramError::CostOverflow { what, value });
        Ok(ProgramInfo {
            wasm_size: wasm_len as usize,
            code_size,
            features: self.features,
            function_count: funcs as u32,
            hooks: self.hooks,
            footprint_pages: footprint,
            init_cost: fit16("init cost", init)?,
            cached_init_cost: fit16("cached init cost", cached_init)?,
            asm_estimate: u32::try_from(asm_estimate).map_err(|_| ProgramError::CostOverflow { what: "asm estimate", value: asm_estimate })?,
        })
    }
}
