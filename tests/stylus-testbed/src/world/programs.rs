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

fn compiled() -> &'static Mutex<HashMap<Key, Arc<Program>>> {
    static COMPILED: OnceLock<Mutex<HashMap<Key, Arc<Program>>>> = OnceLock::new();
    COMPILED.get_or_init(Default::default)
}

/// Forgets every compiled program (benchmarks of cold start-up).
pub fn clear_compiled() {
    if let Ok(mut map) = compiled().lock() {
        map.clear();
    }
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

    /// The validated program for `code` (whose hash is `code_hash`), compiling it on first use.
    pub fn get_or_compile(&mut self, code_hash: B256, code: &[u8]) -> Result<Arc<Program>, runtime::ProgramError> {
        // Held while compiling, so parallel tests wait for one compilation.
        let Ok(mut map) = compiled().lock() else {
            return runtime::compile(code, &self.limits).map(Arc::new);
        };
        let key = (code_hash, self.limits.max_code_size, self.limits.max_wasm_size, self.limits.page_limit);
        if let Some(program) = map.get(&key) {
            return Ok(program.clone());
        }
        let program = Arc::new(runtime::compile(code, &self.limits)?);
        map.insert(key, program.clone());
        Ok(program)
    }
}
