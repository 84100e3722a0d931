//! vault contract.
