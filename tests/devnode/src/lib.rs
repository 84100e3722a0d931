//! A local JSON-RPC dev node over the stylus-testbed world: real Stylus programs (wasmi)
//! and EVM bytecode (revm) over one state, served the way an Arbitrum (Nitro) node serves
//! them, so `cast`, foundry scripts and alloy clients deploy, activate and call the
//! contracts without a Nitro node.
//!
//! Layers: [`backend`] is what the node needs from an execution engine (one
//! implementation, [`testbed_backend`], over `stylus_testbed::World`); [`node`] keeps the
//! chain (blocks, transactions, receipts, logs, fees, dev accounts); [`rpc`] maps JSON-RPC
//! requests onto it; [`server`] serves HTTP.
pub mod accounts;
pub mod backend;
pub mod initcode;
pub mod node;
pub mod rpc;
pub mod server;
pub mod testbed_backend;

pub use node::{Node, NodeConfig};
pub use server::{spawn, RunningServer};
