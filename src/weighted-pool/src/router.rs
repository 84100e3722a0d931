//! The deployed program's dispatcher: selector -> `codec` argument decoding -> the
//! `WeightedPool` method -> `codec` result encoding. Replaces the SDK's generic
//! `#[public]` router (kept for the typed API and export-abi), whose alloy token code
//! alone exceeded the 24 KiB compressed budget.
//!
//! No function accepts ETH (`NonPayable`).
//!
//! Facets (size: the whole pool does not fit Stylus' 24 KiB compressed limit). The deployed
//! wasm is built four times from this crate, one storage layout for all (`storage.rs`);
//! each build keeps only its arms (the rest is unreachable and LTO drops it), and the
//! per-pool proxy DELEGATECALLs the right facet by selector. THE FACET TABLE:
//!
//! | selector | function | feature | wasm |
//! |---|---|---|---|
//! | 0x9d2c110c | `onSwap` | `facet-swap` | `weighted_pool_swap.wasm` |
//! | 0x15e84af9 | `getSpotPrice` | `facet-swap` | `weighted_pool_swap.wasm` |
//! | 0x1446a7ff | `getSpotPriceSansFee` | `facet-swap` | `weighted_pool_swap.wasm` |
//! | 0xc0ff1a15 | `getInvariant` | `facet-swap` | `weighted_pool_swap.wasm` |
//! | 0xd5c096c4 | `onJoinPool` | `facet-join` | `weighted_pool_join.wasm` |
//! | 0x74f3b009 | `onExitPool` | `facet-exit` | `weighted_pool_exit.wasm` |
//! | every other selector | | `facet-token` | `weighted_pool_token.wasm` |
//!
//! Join and exit are separate facets because each carries the whole weighted math
//! (logs/powers): together they exceed 24 KiB. The views that read the Vault's balances
//! (`getInvariant`, `getSpotPrice*`) sit with `onSwap`, which already has the power kernel
//! and the room for the Vault-call code. A facet answers another facet's selector with
//! `UnknownSelector(bytes4)`.
//!
//! No facet feature: every selector (host builds: tests, export-abi; and the one-program
//! pool, which is over 24 KiB and not deployed). `build.rs` turns the features into the `arm_*` cfgs.
#![cfg_attr(feature = "contract", allow(unused_imports, unused_variables, dead_code))]

use alloc::vec::Vec;

use alloy_primitives::U256;
use alloy_sol_types::SolCall;
use stylus_sdk::prelude::*;

use crate::abi::IWeightedPoolAbi::*;
use crate::codec::{
    address_word, encode_bytes, encode_two_uints, encode_uints, u256_word, Dec, Malformed, Reader,
};
use crate::contract::WeightedPool;
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
            let sides = (calldata(s.address(1))?, u(1)?, calldata(s.address(2))?, u(2)?);
            uint(pool.swap(kind, calldata(s.b256(4))?, sides, calldata(s.uint(3))?)?)
        }
        #[cfg(arm_join)]
        onJoinPoolCall::SELECTOR => {
            // (poolId, sender, recipient, balances, lastChangeBlock, protocolSwapFeePercentage, userData)
            let (pool_id, balances, user_data) = (calldata(r.b256(0))?, calldata(r.uints(3))?, calldata(r.bytes(6))?);
            let (amounts, fees) = pool.join_pool(pool_id, a(2)?, balances, u(5)?, user_data)?;
            encode_two_uints(&amounts, &fees)
        }
        #[cfg(arm_exit)]
        onExitPoolCall::SELECTOR => {
            let (pool_id, balances, user_data) = (calldata(r.b256(0))?, calldata(r.uints(3))?, calldata(r.bytes(6))?);
            let (amounts, fees) = pool.exit_pool(pool_id, a(1)?, balances, u(5)?, user_data)?;
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
        #[cfg(arm_swap)]
        getInvariantCall::SELECTOR => uint(pool.get_invariant()?),
        #[cfg(arm_swap)]
        getSpotPriceCall::SELECTOR => uint(pool.get_spot_price(a(0)?, a(1)?)?),
        #[cfg(arm_swap)]
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
