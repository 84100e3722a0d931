//! Shared helpers for the integration tests.
pub mod vault_fixture;
pub mod pool_fixture;
pub mod factory_fixture;
pub mod sizes;
