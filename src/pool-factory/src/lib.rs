//! pool-factory contract.
