//! Compiled Stylus programs, keyed by code hash (as Nitro keys activations). Pure cache:
//! whether a program is *activated* is world state (see `arbos`), not this map.

use std::{collections::HashMap, sync::Arc};

use alloy_primitives::B256;

use super::runtime::{self, Program};

#[derive(Default, Clone)]
pub(crate) struct ProgramCache {
    compiled: HashMap<B256, Arc<Program>>,
}

impl ProgramCache {
    /// The validated program for `code`, compiling it on first use.
    pub fn get_or_compile(&mut self, code_hash: B256, code: &[u8]) -> Result<Arc<Program>, runtime::ProgramError> {
        if let Some(program) = self.compiled.get(&code_hash) {
            return Ok(program.clone());
        }
        let program = Arc::new(runtime::compile(code)?);
        self.compiled.insert(code_hash, program.clone());
        Ok(program)
    }
}
