//! Stylus programs: loading, validation and execution with wasmi.
pub mod host;
