//! The deployed program's dispatcher: selector -> `codec` argument decoding -> the
//! `WeightedPool` method -> `codec` result encoding. Replaces the SDK's generic
//! `#[public]` router (kept for the typed API and export-abi), whose alloy token code
//! alone exceeded the 24 KiB compressed budget.
//!
//! No function accepts ETH (`NonPayable`).
//!
//! Facets (size: the whole pool does not fit Stylus' 24 KiB compressed limit). The deployed
//! wasm is built three times from this crate, one storage layout for all; each build keeps
//! only its arms (the rest is unreachable and LTO drops it), and a per-pool proxy will
//! DELEGATECALL the right facet by selector (not built yet: the factory still clones the
//! one-program pool):
//! * `facet-swap`: `onSwap`;
//! * `facet-liquidity`: `onJoinPool`, `onExitPool`, `getInvariant`, `getSpotPrice`, `getSpotPriceSansFee`;
//! * `facet-token`: every other selector.
//!
//! No facet feature: every selector (the one-program pool deployed today, and host builds:
//! tests, export-abi). `build.rs` turns the features into the `arm_*` cfgs.
#![cfg_attr(feature = "contract", allow(unused_imports, unused_variables, dead_code))]

use alloc::vec::Vec;

use alloy_primitives::{Bytes, U256};
use alloy_sol_types::SolCall;
use stylus_sdk::prelude::*;

use crate::abi::IWeightedPoolAbi::*;
use crate::codec::{
    address_word, encode_bytes, encode_two_uints, encode_uints, u256_word, Dec, Malformed, Reader,
};
use crate::contract::{SwapRequest, WeightedPool};
use crate::errors::{MalformedCalldata, NonPayable, PoolError, UnknownSelector};

fn calldata<T>(d: Dec<T>) -> Result<T, PoolError> {
    d.map_err(|_: Malformed| PoolError::MalformedCalldata(MalformedCalldata {}))
}

fn word(w: [u8; 32]) -> Vec<u8> {
    w.to_vec()
}

fn uint(x: U256) -> Vec<u8> {
    word(u256_word(x))
}

fn boolean(b: bool) -> Vec<u8> {
    uint(U256::from(u8::from(b)))
}

/// Routes one call; `Err` becomes the revert data.
pub fn route(pool: &mut WeightedPool, input: &[u8]) -> Result<Vec<u8>, PoolError> {
    if !pool.vm().msg_value().is_zero() {
        return Err(PoolError::NonPayable(NonPayable {}));
    }
    let Some((selector, args)) = input.split_first_chunk::<4>() else {
        return Err(PoolError::UnknownSelector(UnknownSelector { selector: Default::default() }));
    };
    let r = Reader::new(args);
    let a = |i| calldata(r.address(i));
    let u = |i| calldata(r.uint(i));
    Ok(match *selector {
        #[cfg(arm_swap)]
        onSwapCall::SELECTOR => {
            let s = calldata(r.tail(0))?;
            // SwapKind has two values (GIVEN_IN = 0, GIVEN_OUT = 1).
            let kind = calldata(s.uint8(0).and_then(|k| if k <= 1 { Ok(k) } else { Err(Malformed) }))?;
            let request = SwapRequest {
                kind,
                tokenIn: calldata(s.address(1))?,
                tokenOut: calldata(s.address(2))?,
                amount: calldata(s.uint(3))?,
                poolId: calldata(s.b256(4))?,
                lastChangeBlock: U256::ZERO,
                from: Default::default(),
                to: Default::default(),
                userData: Bytes::new(),
            };
            uint(pool.on_swap(request, u(1)?, u(2)?)?)
        }
        #[cfg(arm_liquidity)]
        onJoinPoolCall::SELECTOR | onExitPoolCall::SELECTOR => {
            let pool_id = calldata(r.b256(0))?;
            let balances = calldata(r.uints(3))?;
            let user_data = Bytes::copy_from_slice(calldata(r.bytes(6))?);
            let (amounts, fees) = if *selector == onJoinPoolCall::SELECTOR {
                pool.on_join_pool(pool_id, a(1)?, a(2)?, balances, U256::ZERO, u(5)?, user_data)?
            } else {
                pool.on_exit_pool(pool_id, a(1)?, a(2)?, balances, U256::ZERO, u(5)?, user_data)?
            };
            encode_two_uints(&amounts, &fees)
        }
        #[cfg(arm_token)]
        initializeCall::SELECTOR => {
            let name = calldata(r.bytes(1))?;
            let symbol = calldata(r.bytes(2))?;
            pool.initialize_raw(a(0)?, name, symbol, calldata(r.addresses(3))?, calldata(r.uints(4))?, u(5)?, a(6)?)?;
            Vec::new()
        }
        #[cfg(arm_token)]
        getPoolIdCall::SELECTOR => word(pool.get_pool_id().0),
        #[cfg(arm_token)]
        getVaultCall::SELECTOR => word(address_word(pool.get_vault())),
        #[cfg(arm_token)]
        getOwnerCall::SELECTOR => word(address_word(pool.get_owner())),
        #[cfg(arm_token)]
        getSwapFeePercentageCall::SELECTOR => uint(pool.get_swap_fee_percentage()),
        #[cfg(arm_token)]
        getNormalizedWeightsCall::SELECTOR => encode_uints(&pool.get_normalized_weights()),
        #[cfg(arm_token)]
        getScalingFactorsCall::SELECTOR => encode_uints(&pool.get_scaling_factors()?),
        #[cfg(arm_token)]
        getLastInvariantCall::SELECTOR => uint(pool.get_last_invariant()),
        #[cfg(arm_liquidity)]
        getInvariantCall::SELECTOR => uint(pool.get_invariant()?),
        #[cfg(arm_liquidity)]
        getSpotPriceCall::SELECTOR => uint(pool.get_spot_price(a(0)?, a(1)?)?),
        #[cfg(arm_liquidity)]
        getSpotPriceSansFeeCall::SELECTOR => uint(pool.get_spot_price_sans_fee(a(0)?, a(1)?)?),
        #[cfg(arm_token)]
        getPausedStateCall::SELECTOR => {
            let (paused, window, buffer) = pool.get_paused_state();
            let mut out = boolean(paused);
            out.extend_from_slice(&u256_word(window));
            out.extend_from_slice(&u256_word(buffer));
            out
        }
        #[cfg(arm_token)]
        setSwapFeePercentageCall::SELECTOR => {
            pool.set_swap_fee_percentage(u(0)?)?;
            Vec::new()
        }
        #[cfg(arm_token)]
        pauseCall::SELECTOR => {
            pool.pause()?;
            Vec::new()
        }
        #[cfg(arm_token)]
        unpauseCall::SELECTOR => {
            pool.unpause()?;
            Vec::new()
        }
        #[cfg(arm_token)]
        nameCall::SELECTOR => encode_bytes(&pool.name_bytes()),
        #[cfg(arm_token)]
        symbolCall::SELECTOR => encode_bytes(&pool.symbol_bytes()),
        #[cfg(arm_token)]
        decimalsCall::SELECTOR => uint(U256::from(pool.decimals())),
        #[cfg(arm_token)]
        totalSupplyCall::SELECTOR => uint(pool.total_supply()),
        #[cfg(arm_token)]
        balanceOfCall::SELECTOR => uint(pool.balance_of(a(0)?)),
        #[cfg(arm_token)]
        allowanceCall::SELECTOR => uint(pool.allowance(a(0)?, a(1)?)),
        #[cfg(arm_token)]
        transferCall::SELECTOR => boolean(pool.transfer(a(0)?, u(1)?)?),
        #[cfg(arm_token)]
        approveCall::SELECTOR => boolean(pool.approve(a(0)?, u(1)?)?),
        #[cfg(arm_token)]
        transferFromCall::SELECTOR => boolean(pool.transfer_from(a(0)?, a(1)?, u(2)?)?),
        #[cfg(arm_token)]
        increaseAllowanceCall::SELECTOR => boolean(pool.increase_allowance(a(0)?, u(1)?)?),
        #[cfg(arm_token)]
        decreaseAllowanceCall::SELECTOR => boolean(pool.decrease_allowance(a(0)?, u(1)?)?),
        #[cfg(arm_token)]
        permitCall::SELECTOR => {
            let v = calldata(r.uint8(4))?;
            pool.permit(a(0)?, a(1)?, u(2)?, u(3)?, v, calldata(r.b256(5))?, calldata(r.b256(6))?)?;
            Vec::new()
        }
        #[cfg(arm_token)]
        noncesCall::SELECTOR => uint(pool.nonces(a(0)?)),
        #[cfg(arm_token)]
        DOMAIN_SEPARATORCall::SELECTOR => word(pool.domain_separator().0),
        other => return Err(PoolError::UnknownSelector(UnknownSelector { selector: other.into() })),
    })
}
