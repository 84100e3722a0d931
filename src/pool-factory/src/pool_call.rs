//! The one call the factory makes: `initialize` on a freshly deployed pool proxy.

use alloc::vec::Vec;

use alloy_primitives::{Address, U256};
use alloy_sol_types::{sol, SolCall};
use stylus_sdk::call::call;
use stylus_sdk::prelude::*;
use stylus_sdk::stylus_core::calls::{CallContext, MutatingCallContext};

sol! {
    /// The WeightedPool's one-time initialiser (abi/IWeightedPool.sol).
    interface IWeightedPoolInit {
        function initialize(address vault, string name, string symbol, address[] tokens, uint256[] normalizedWeights, uint256 swapFeePercentage, address owner) external;
    }
}

/// All gas, no value.
#[derive(Clone, Copy)]
struct PlainCall;

impl CallContext for PlainCall {
    fn gas(&self) -> u64 {
        u64::MAX
    }
}

// SAFETY: no value is sent, and the factory writes its own storage only after the call
// returns.
unsafe impl MutatingCallContext for PlainCall {
    fn value(&self) -> U256 {
        U256::ZERO
    }
}

/// `initialize`'s calldata: selector, `vault`, then `create`'s first six head words
/// (`head`: name/symbol/tokens/weights offsets, fee, owner) and its tail unchanged (see
/// [`crate::contract`] for why the offsets stay valid).
pub fn initialize_calldata(vault: Address, head: &[u8], tail: &[u8]) -> Vec<u8> {
    let mut data = Vec::with_capacity(4 + 32 + head.len() + tail.len());
    data.extend_from_slice(&IWeightedPoolInit::initializeCall::SELECTOR);
    data.extend_from_slice(vault.into_word().as_slice());
    data.extend_from_slice(head);
    data.extend_from_slice(tail);
    data
}

/// Calls `pool.initialize(vault, ...)`. `Err` is the pool's revert data, unchanged.
pub fn initialize_pool(host: &impl Host, pool: Address, vault: Address, head: &[u8], tail: &[u8]) -> Result<(), Vec<u8>> {
    let data = initialize_calldata(vault, head, tail);
    call(host, PlainCall, pool, &data).map(|_| ()).map_err(Vec::<u8>::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::IWeightedPoolFactory::createCall;
    use alloy_primitives::{address, b256};

    /// Forwarding create's words gives exactly alloy's encoding of `initialize`.
    #[test]
    fn forwarded_calldata_equals_the_initialize_encoding() {
        let vault = address!("00000000000000000000000000000000000000aa");
        let tokens = vec![address!("0000000000000000000000000000000000000001"), address!("0000000000000000000000000000000000000002")];
        let weights = vec![U256::from(7u64), U256::from(9u64)];
        let owner = address!("00000000000000000000000000000000000000bb");
        let create = createCall {
            name: "Weighted Pool With A Name Longer Than 32 Bytes".into(),
            symbol: "WP".into(),
            tokens: tokens.clone(),
            weights: weights.clone(),
            swapFeePercentage: U256::from(3u64),
            owner,
            salt: b256!("1111111111111111111111111111111111111111111111111111111111111111"),
        }
        .abi_encode();
        let args = &create[4..];
        let got = initialize_calldata(vault, &args[..192], &args[224..]);
        let expected = IWeightedPoolInit::initializeCall {
            vault,
            name: "Weighted Pool With A Name Longer Than 32 Bytes".into(),
            symbol: "WP".into(),
            tokens,
            normalizedWeights: weights,
            swapFeePercentage: U256::from(3u64),
            owner,
        }
        .abi_encode();
        assert_eq!(got, expected);
    }
}
