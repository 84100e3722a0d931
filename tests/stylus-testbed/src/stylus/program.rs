//! A validated, compiled Stylus program: validation and wasmi compilation happen once,
//! when the program is loaded ("activated"); every run instantiates it afresh.

use super::{
    deploy_code::{compress_wasm, process_wasm, wasm_from_deployment_code},
    error::ProgramError,
    hooks::catalog::{Hook, HOOK_MODULE},
    meter::instrument,
    validate::{validate, Limits, ProgramInfo},
};
use std::sync::{Arc, OnceLock};
use wasmi::{CompilationMode, Config, Engine, Module};

/// The engine every program compiles with: Stylus's wasm feature set and eager
/// compilation. Ink is metered by the instrumentation (`meter`), not by wasmi fuel.
pub(crate) fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut config = Config::default();
        config
            .consume_fuel(false)
            .compilation_mode(CompilationMode::Eager)
            .wasm_mutable_global(true)
            .wasm_sign_extension(true)
            .wasm_saturating_float_to_int(true)
            .wasm_multi_value(true)
            .wasm_bulk_memory(true)
            .wasm_reference_types(false)
            .wasm_tail_call(false)
            .wasm_extended_const(false)
            .wasm_multi_memory(false)
            .wasm_memory64(false)
            .wasm_wide_arithmetic(false)
            .wasm_custom_page_sizes(false);
        Engine::new(&config)
    })
}

struct Inner {
    module: Module,
    info: ProgramInfo,
    /// The module's imports, in import order.
    hooks: Vec<Hook>,
}

/// A Stylus program ready to run. Cheap to clone (shared).
#[derive(Clone)]
pub struct Program {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Program {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Program").field("info", &self.inner.info).finish()
    }
}

impl Program {
    /// Loads a compiled wasm as `cargo stylus deploy` would deploy it ([`process_wasm`]:
    /// canonical re-encoding, custom sections stripped), under the default chain limits.
    /// The code size is that of the resulting deployment code.
    pub fn from_wasm(wasm: &[u8]) -> Result<Program, ProgramError> {
        Program::from_wasm_with(wasm, &Limits::default())
    }

    /// [`Program::from_wasm`] under `limits`.
    pub fn from_wasm_with(wasm: &[u8], limits: &Limits) -> Result<Program, ProgramError> {
        let processed = process_wasm(wasm)?;
        let code_size = compress_wasm(&processed).len() + 4;
        Program::load(&processed, code_size, limits)
    }

    /// Loads wasm exactly as given (no cargo-stylus processing), as activation would see
    /// code deployed by other tooling.
    pub fn from_raw_wasm_with(wasm: &[u8], limits: &Limits) -> Result<Program, ProgramError> {
        let code_size = compress_wasm(wasm).len() + 4;
        Program::load(wasm, code_size, limits)
    }

    /// Loads deployment code (`0xEFF000` + dictionary byte + brotli wasm) under the
    /// default limits.
    pub fn from_deployment_code(code: &[u8]) -> Result<Program, ProgramError> {
        Program::from_deployment_code_with(code, &Limits::default())
    }

    /// Loads deployment code under `limits`.
    pub fn from_deployment_code_with(code: &[u8], limits: &Limits) -> Result<Program, ProgramError> {
        if code.len() > limits.max_code_size {
            return Err(ProgramError::CodeTooLarge { size: code.len(), limit: limits.max_code_size });
        }
        let wasm = wasm_from_deployment_code(code, limits.max_wasm_size)?;
        Program::load(&wasm, code.len(), limits)
    }

    fn load(wasm: &[u8], code_size: usize, limits: &Limits) -> Result<Program, ProgramError> {
        if code_size > limits.max_code_size {
            return Err(ProgramError::CodeTooLarge { size: code_size, limit: limits.max_code_size });
        }
        let info = validate(wasm, code_size, limits)?;
        let metered = instrument(wasm)?;
        let module = Module::new(engine(), &metered).map_err(|e| ProgramError::Compile(e.to_string()))?;
        let mut hooks = Vec::new();
        for import in module.imports() {
            let hook = (import.module() == HOOK_MODULE)
                .then(|| Hook::from_name(import.name()))
                .flatten()
                .ok_or_else(|| ProgramError::ForeignImport {
                    module: import.module().to_string(),
                    name: import.name().to_string(),
                })?;
            hooks.push(hook);
        }
        Ok(Program { inner: Arc::new(Inner { module, info, hooks }) })
    }

    /// What activation learnt: sizes, features, entry costs.
    pub fn info(&self) -> &ProgramInfo {
        &self.inner.info
    }

    pub(crate) fn module(&self) -> &Module {
        &self.inner.module
    }

    pub(crate) fn hooks(&self) -> &[Hook] {
        &self.inner.hooks
    }
}

/// Programs are shared across threads by the world's program cache.
const _: fn() = || {
    fn shareable<T: Send + Sync>() {}
    shareable::<Program>();
};
