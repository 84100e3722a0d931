//! The deployed contract's dispatcher: selector -> the [`PoolFactory`] function.
//! Selectors are alloy's `SolCall::SELECTOR` of the declarations in [`crate::contract`].
//! Hand-written (not the SDK's `#[public]` router) so that `create` forwards its
//! arguments without decoding them (see [`crate::contract`]): the wasm stays small.
//!
//! Nothing is payable: a call with value fails with `EthNotSupported`.

use alloc::vec::Vec;
use alloy_primitives::Address;
use alloy_sol_types::SolCall;
use stylus_sdk::prelude::*;

use crate::contract::IWeightedPoolFactory::*;
use crate::contract::PoolFactory;
use crate::errors::*;

fn malformed() -> Revert {
    FactoryError::MalformedCalldata(MalformedCalldata {}).into()
}

/// The `i`-th argument word as an address; its 12 high bytes must be zero.
fn address_arg(args: &[u8], i: usize) -> Result<Address, Revert> {
    let word = args.get(i * 32..(i + 1) * 32).ok_or_else(malformed)?;
    let (high, low) = word.split_at(12);
    if high.iter().any(|b| *b != 0) {
        return Err(malformed());
    }
    Ok(Address::from_slice(low))
}

fn word(a: Address) -> Vec<u8> {
    a.into_word().to_vec()
}

/// Routes one call; `Err` is revert data.
pub fn route(f: &mut PoolFactory, input: &[u8]) -> Result<Vec<u8>, Revert> {
    if !f.vm().msg_value().is_zero() {
        return Err(FactoryError::EthNotSupported(EthNotSupported {}).into());
    }
    let Some((selector, args)) = input.split_first_chunk::<4>() else {
        return Err(FactoryError::UnknownFunction(UnknownFunction {}).into());
    };
    match *selector {
        createCall::SELECTOR => f.create_from_args(args).map(word),
        isPoolFromFactoryCall::SELECTOR => {
            let pool = address_arg(args, 0)?;
            let mut out = vec![0u8; 32];
            if let Some(last) = out.last_mut() {
                *last = u8::from(f.is_pool_from_factory(pool));
            }
            Ok(out)
        }
        getVaultCall::SELECTOR => Ok(word(f.get_vault())),
        initializeCall::SELECTOR => {
            f.do_initialize(address_arg(args, 0)?, address_arg(args, 1)?).map(|()| Vec::new())
        }
        getPoolImplementationCall::SELECTOR => Ok(word(f.get_pool_implementation())),
        _ => Err(FactoryError::UnknownFunction(UnknownFunction {}).into()),
    }
}
