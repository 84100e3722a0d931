//! Every way a factory call can fail, as Solidity custom errors.
//!
//! A failure inside the new pool's `initialize` (bad tokens, weights, fee, a token
//! without `decimals()`, the Vault refusing the registration) is NOT wrapped: `create`
//! reverts with the pool's own revert data, byte for byte, so callers decode the
//! pool's typed error (abi/IWeightedPoolErrors.sol) directly.

use alloc::vec::Vec;
use alloy_sol_types::sol;
use stylus_sdk::prelude::*;

sol! {
    #![sol(all_derives)]
    /// `initialize` was already called.
    error FactoryAlreadyInitialized();
    /// `create` before `initialize`.
    error FactoryNotInitialized();
    /// `initialize` with the zero address as Vault or as a facet.
    error ZeroAddress();
    /// `initialize` with a facet address that has no code.
    error FacetHasNoCode(address facet);
    /// `initialize` with a facet list of the wrong length (see `getFacets`).
    error FacetCountMismatch(uint256 expected, uint256 given);
    /// The pool proxy could not be deployed at `pool`: the same sender already used this
    /// salt (the address is taken; checked before deploying), or the deployment ran
    /// out of gas.
    error PoolAddressInUse(address pool);
    /// The factory accepts no ETH.
    error EthNotSupported();
    /// Calldata too short for the function, or an address argument with dirty high bytes.
    error MalformedCalldata();
    /// No function has this selector.
    error UnknownFunction();
}

/// The factory's typed errors (ABI-encoded as custom errors when they revert a call).
#[derive(SolidityError, Debug)]
pub enum FactoryError {
    FactoryAlreadyInitialized(FactoryAlreadyInitialized),
    FactoryNotInitialized(FactoryNotInitialized),
    ZeroAddress(ZeroAddress),
    FacetHasNoCode(FacetHasNoCode),
    FacetCountMismatch(FacetCountMismatch),
    PoolAddressInUse(PoolAddressInUse),
    EthNotSupported(EthNotSupported),
    MalformedCalldata(MalformedCalldata),
    UnknownFunction(UnknownFunction),
}

/// Revert data: a [`FactoryError`], or the new pool's revert data passed on unchanged.
#[derive(Debug)]
pub struct Revert(pub Vec<u8>);

impl From<FactoryError> for Revert {
    fn from(e: FactoryError) -> Self {
        Revert(e.into())
    }
}

impl From<Revert> for Vec<u8> {
    fn from(r: Revert) -> Vec<u8> {
        r.0
    }
}

/// The exported ABI lists every [`FactoryError`] for functions that return [`Revert`].
#[cfg(feature = "export-abi")]
impl stylus_sdk::abi::export::internal::InnerTypes for Revert {
    fn inner_types() -> Vec<stylus_sdk::abi::export::internal::InnerType> {
        <FactoryError as stylus_sdk::abi::export::internal::InnerTypes>::inner_types()
    }
}
