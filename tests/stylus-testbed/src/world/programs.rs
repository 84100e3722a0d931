//! Compiled Stylus programs, keyed by code hash (as Nitro keys activations). Pure cache,
//! shared by every world of the process (tests create many worlds with the same code);
//! whether a program is *activated* is world state (see `arbos`), not this map.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, OnceLock},
};

use alloy_primitives::B256;

use super::runtime::{self, Program};
use crate::stylus::Limits;

/// A compiled program is valid only under the limits it was validated against, so a world
/// with Nitro's limits never reuses a program another world accepted under lifted ones.
type Key = (B256, usize, usize, u16);

/// One code's compiled program (`None` until compiled; failures are not kept). Each key
/// has its own lock, so threads compiling different codes run in parallel while threads
/// asking for the same code wait for one compilation.
type Slot = Arc<Mutex<Option<Arc<Program>>>>;

fn compiled() -> &'static Mutex<HashMap<Key, Slot>> {
    static COMPILED: OnceLock<Mutex<HashMap<Key, Slot>>> = OnceLock::new();
    COMPILED.get_or_init(Default::default)
}

/// Forgets every compiled program (benchmarks of cold start-up).
pub fn clear_compiled() {
    if let Ok(mut map) = compiled().lock() {
        map.clear();
    }
}

fn key(code_hash: B256, limits: &Limits) -> Key {
    (code_hash, limits.max_code_size, limits.max_wasm_size, limits.page_limit)
}

/// The validated program for `code` (whose hash is `code_hash`) under `limits`, compiling
/// it on first use. Callable from any thread.
pub(crate) fn get_or_compile(code_hash: B256, code: &[u8], limits: &Limits) -> Result<Arc<Program>, runtime::ProgramError> {
    let slot = match compiled().lock() {
        Ok(mut map) => map.entry(key(code_hash, limits)).or_default().clone(),
        Err(_) => return runtime::compile(code, limits).map(Arc::new),
    };
    let Ok(mut program) = slot.lock() else {
        return runtime::compile(code, limits).map(Arc::new);
    };
    if let Some(program) = program.as_ref() {
        return Ok(program.clone());
    }
    let compiled = Arc::new(runtime::compile(code, limits)?);
    *program = Some(compiled.clone());
    Ok(compiled)
}

/// The program already compiled for `code_hash` under `limits`, if any (never compiles).
fn lookup(code_hash: B256, limits: &Limits) -> Option<Arc<Program>> {
    let slot = compiled().lock().ok()?.get(&key(code_hash, limits))?.clone();
    let program = slot.lock().ok()?.clone();
    program
}

/// The world's view of the process-wide cache, with the activation limits of its chain.
#[derive(Default, Clone)]
pub(crate) struct ProgramCache {
    limits: Limits,
}

impl ProgramCache {
    pub fn with_limits(limits: Limits) -> Self {
        Self { limits }
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// The validated program for `code` (whose hash is `code_hash`), compiling it on first use.
    pub fn get_or_compile(&mut self, code_hash: B256, code: &[u8]) -> Result<Arc<Program>, runtime::ProgramError> {
        get_or_compile(code_hash, code, &self.limits)
    }

    /// The program compiled for `code_hash` under this world's limits, if any.
    pub fn compiled(&self, code_hash: B256) -> Option<Arc<Program>> {
        lookup(code_hash, &self.limits)
    }
}
