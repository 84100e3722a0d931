//! Compiled Stylus programs, keyed by code hash (as Nitro keys activations). Pure cache,
//! shared by every world of the process (tests create many worlds with the same code);
//! whether a program is *activated* is world state (see `arbos`), not this map.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, OnceLock},
};

use alloy_primitives::B256;

use super::runtime::{self, Program};

fn compiled() -> &'static Mutex<HashMap<B256, Arc<Program>>> {
    static COMPILED: OnceLock<Mutex<HashMap<B256, Arc<Program>>>> = OnceLock::new();
    COMPILED.get_or_init(Default::default)
}

/// Forgets every compiled program (benchmarks of cold start-up).
pub fn clear_compiled() {
    if let Ok(mut map) = compiled().lock() {
        map.clear();
    }
}

#[derive(Default, Clone)]
pub(crate) struct ProgramCache;

impl ProgramCache {
    /// The validated program for `code` (whose hash is `code_hash`), compiling it on first use.
    pub fn get_or_compile(&mut self, code_hash: B256, code: &[u8]) -> Result<Arc<Program>, runtime::ProgramError> {
        // Held while compiling, so parallel tests wait for one compilation.
        let Ok(mut map) = compiled().lock() else {
            return runtime::compile(code).map(Arc::new);
        };
        if let Some(program) = map.get(&code_hash) {
            return Ok(program.clone());
        }
        let program = Arc::new(runtime::compile(code)?);
        map.insert(code_hash, program.clone());
        Ok(program)
    }
}
