//! Shared helpers for the integration tests.
pub mod vault_fixture;
