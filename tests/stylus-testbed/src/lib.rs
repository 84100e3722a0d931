//! Local Stylus + EVM execution environment (see README).
pub mod stylus;
