//! Balancer-V2-style weighted pool for Arbitrum Stylus.
//!
//! Built as four activated programs (facets, see `router`: swap, join, exit, token), one
//! storage layout (`storage`); each pool is a small EVM proxy created and initialised by
//! `pool-factory` that DELEGATECALLs the facet of the called function. The pool prices
//! swaps and joins/exits for the Vault (which holds the tokens) and is its own ERC-20
//! pool token (BPT) with EIP-2612 permit.
//!
//! Module map: `entrypoint` + `router` + `codec` (the deployed dispatcher), `abi`
//! (selectors), `contract` (storage + typed API, `#[public]` for export-abi), `bpt` (ERC-20 bookkeeping), `swap` and
//! `join_exit` (pure arithmetic, rounding documented there), `scaling` (decimals),
//! `layout` (packed storage words), `storage` (raw slot layout), `user_data` (V2 join/exit encodings), `permit`
//! (EIP-712), `external` (calls to Vault/tokens/ecrecover), `errors`.
#![cfg_attr(not(any(test, feature = "export-abi")), no_std)]
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

extern crate alloc;

pub mod abi;
pub mod bpt;
pub mod codec;
pub mod contract;
#[cfg(feature = "contract")]
pub mod entrypoint;
pub mod errors;
pub mod events;
pub mod external;
pub mod join_exit;
pub mod layout;
pub mod permit;
pub mod router;
pub mod scaling;
pub mod storage;
pub mod swap;
pub mod text;
pub mod user_data;

pub use contract::*;

