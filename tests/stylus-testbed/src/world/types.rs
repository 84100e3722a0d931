//! revm types the world is built from, fixed in one place.

use revm::{
    context::{BlockEnv, CfgEnv, Context, TxEnv},
    database::{CacheDB, EmptyDB},
    handler::instructions::EthInstructions,
    interpreter::interpreter::EthInterpreter,
};

/// Committed state between transactions (accounts, code, storage).
pub type Db = CacheDB<EmptyDB>;
/// revm context: block/tx/cfg environment plus the journaled state of the running transaction.
pub type Ctx = Context<BlockEnv, TxEnv, CfgEnv, Db>;
/// The EVM opcode table run by revm's interpreter, with `Ctx` as its host.
pub type Instructions = EthInstructions<EthInterpreter, Ctx>;
/// The error type revm's frame helpers want; the in-memory database cannot fail.
pub type FrameError = revm::context::result::EVMError<core::convert::Infallible>;
