//! Calls the pool makes: to the Vault (registration, balances for view functions), to
//! its tokens (`decimals()` once, at initialize) and to the ecrecover precompile.
//! None of these happen in `onSwap`/`onJoinPool`/`onExitPool`.
//!
//! Calldata and return data are coded with `codec` (selectors from `sol!`); a failed call surfaces as
//! `ExternalCallFailed(target, revertData)`, undecodable return data as
//! `MalformedReturnData(target)`.

use alloc::vec::Vec;

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{sol, SolCall};

use crate::codec::{address_word, put_word, u256_word, usize_word, Reader};
use stylus_sdk::call::{call, static_call};
use stylus_sdk::prelude::*;
use stylus_sdk::stylus_core::calls::errors::Error as CallError;
use stylus_sdk::stylus_core::calls::{CallContext, MutatingCallContext, StaticCallContext};

use crate::errors::{CallFailure, MalformedReturnData, PoolError};

sol! {
    interface IVaultForPool {
        function registerPool(uint8 specialization) external returns (bytes32);
        function registerTokens(bytes32 poolId, address[] tokens, address[] assetManagers) external;
        function getPoolTokens(bytes32 poolId) external view returns (address[] tokens, uint256[] balances, uint256 lastChangeBlock);
    }
    interface IERC20Decimals {
        function decimals() external view returns (uint8);
    }
}

/// Call context: all gas, no value.
#[derive(Clone, Copy)]
struct PlainCall;

impl CallContext for PlainCall {
    fn gas(&self) -> u64 {
        u64::MAX
    }
}

impl StaticCallContext for PlainCall {}

// SAFETY: the pool never sends value, and every mutating call it makes happens at the
// end of `initialize`, after its own storage writes (the SDK flushes them first).
unsafe impl MutatingCallContext for PlainCall {
    fn value(&self) -> U256 {
        U256::ZERO
    }
}

fn failed(target: Address, error: CallError) -> PoolError {
    // Raw calls decode nothing, so a failure is always the callee's revert data. (The SDK's
    // `Vec<u8>::from(Error)` would also link alloy's `Panic` encoder for the other variant.)
    let reason = match error {
        CallError::Revert(data) => data,
        CallError::AbiDecodingFailed(_) => Vec::new(),
    };
    PoolError::ExternalCallFailed(CallFailure { target, reason: reason.into() })
}

fn malformed(target: Address) -> PoolError {
    PoolError::MalformedReturnData(MalformedReturnData { target })
}

fn mutating(host: &impl Host, target: Address, data: &[u8]) -> Result<Vec<u8>, PoolError> {
    call(host, PlainCall, target, data).map_err(|e| failed(target, e))
}

fn view(host: &impl Host, target: Address, data: &[u8]) -> Result<Vec<u8>, PoolError> {
    static_call(host, PlainCall, target, data).map_err(|e| failed(target, e))
}

/// `vault.registerPool(specialization)`; returns the poolId.
pub fn register_pool(host: &impl Host, vault: Address, specialization: u8) -> Result<B256, PoolError> {
    let mut data = IVaultForPool::registerPoolCall::SELECTOR.to_vec();
    put_word(&mut data, u256_word(U256::from(specialization)));
    let out = mutating(host, vault, &data)?;
    Reader::new(&out).b256(0).map_err(|_| malformed(vault))
}

/// `vault.registerTokens(poolId, tokens, zeros)`.
pub fn register_tokens(host: &impl Host, vault: Address, pool_id: B256, tokens: &[Address]) -> Result<(), PoolError> {
    let n = tokens.len();
    let mut data = IVaultForPool::registerTokensCall::SELECTOR.to_vec();
    put_word(&mut data, pool_id.0);
    put_word(&mut data, usize_word(96));
    put_word(&mut data, usize_word(n.saturating_add(4).saturating_mul(32)));
    put_word(&mut data, usize_word(n));
    for t in tokens {
        put_word(&mut data, address_word(*t));
    }
    put_word(&mut data, usize_word(n));
    for _ in tokens {
        put_word(&mut data, [0u8; 32]);
    }
    mutating(host, vault, &data).map(|_| ())
}

/// The pool's balances as the Vault holds them, in registration order.
pub fn pool_balances(host: &impl Host, vault: Address, pool_id: B256) -> Result<Vec<U256>, PoolError> {
    let mut data = IVaultForPool::getPoolTokensCall::SELECTOR.to_vec();
    put_word(&mut data, pool_id.0);
    let out = view(host, vault, &data)?;
    Reader::new(&out).uints(1).map_err(|_| malformed(vault))
}

/// `token.decimals()`, read as a full word so a token answering uint256 (or garbage
/// above 255) is rejected by the caller's range check rather than truncated.
pub fn decimals(host: &impl Host, token: Address) -> Result<U256, PoolError> {
    let out = view(host, token, &IERC20Decimals::decimalsCall::SELECTOR)?;
    Reader::new(&out).uint(0).map_err(|_| malformed(token))
}

/// The ecrecover precompile (0x01): the signer of `digest`, or `None` when the
/// signature does not recover (the precompile then returns no data).
pub fn ecrecover(host: &impl Host, digest: B256, v: u8, r: B256, s: B256) -> Result<Option<Address>, PoolError> {
    let precompile = Address::with_last_byte(1);
    let mut input = Vec::with_capacity(128);
    input.extend_from_slice(digest.as_slice());
    input.extend_from_slice(&U256::from(v).to_be_bytes::<32>());
    input.extend_from_slice(r.as_slice());
    input.extend_from_slice(s.as_slice());
    let out = view(host, precompile, &input)?;
    Ok(out.get(..32).map(|w| Address::from_word(B256::from_slice(w))).filter(|a| !a.is_zero()))
}
