//! weighted-pool contract.
