//! Local Stylus + EVM execution environment (see README): real Stylus `.wasm` programs
//! (wasmi, `stylus`) and EVM bytecode (revm, `world`) over one world state, with a gas model.
pub mod artifacts;
pub mod result;
pub mod stylus;
pub mod testbed;
pub mod world;

pub use artifacts::{load_artifact, release_wasm_path, Artifact};
pub use result::{BedError, CallError, CallResult};
pub use testbed::{DeployedProgram, TestBed};
pub use world::{ChainConfig, Snapshot, World};
