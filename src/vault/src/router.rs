//! The deployed contract's dispatcher: selector → lean argument decoding → the
//! [`Vault`] method → lean result encoding (see [`crate::codec`] for why not the SDK's
//! generic router). Selectors are alloy's `SolCall::SELECTOR` of the V2 signatures
//! declared in [`crate::abi`]; a unit test pins them to Balancer V2's values.
//!
//! No function accepts ETH: any call value is refused with `EthNotSupported`.

use alloc::vec::Vec;
use alloy_sol_types::SolCall;
use stylus_sdk::prelude::*;

use crate::abi::*;
use crate::codec::{array, encode, word, Reader, ToWord};
use crate::batch::Step;
use crate::errors::Res;
use crate::joins_exits::PoolBalanceChange;
use crate::swaps::{Funds, Single};
use crate::{bail, ensure, Vault};

fn funds(r: &Reader, i: usize) -> Res<Funds> {
    Ok(Funds {
        sender: r.address(i)?,
        from_internal: r.boolean(i + 1)?,
        recipient: r.address(i + 2)?,
        to_internal: r.boolean(i + 3)?,
    })
}

fn steps<'a>(r: &Reader<'a>, i: usize) -> Res<Vec<Step<'a>>> {
    let mut out = Vec::new();
    for s in r.tuples(i)? {
        out.push(Step {
            pool_id: s.b256(0)?,
            asset_in: s.uint(1)?,
            asset_out: s.uint(2)?,
            amount: s.uint(3)?,
            user_data: s.bytes(4)?,
        });
    }
    Ok(out)
}

fn ops(r: &Reader, i: usize) -> Res<Vec<UserBalanceOp>> {
    let mut out = Vec::new();
    for e in r.static_tuples(i, 5)? {
        out.push(UserBalanceOp {
            kind: e.small(0, 3)?,
            asset: e.address(1)?,
            amount: e.uint(2)?,
            sender: e.address(3)?,
            recipient: e.address(4)?,
        });
    }
    Ok(out)
}

fn one<T: ToWord>(v: T) -> Vec<u8> {
    v.to_word().to_vec()
}

/// Routes one call; `Err` is revert data.
pub fn route(v: &mut Vault, input: &[u8]) -> Res<Vec<u8>> {
    ensure!(v.vm().msg_value().is_zero(), EthNotSupported);
    let Some((selector, args)) = input.split_first_chunk::<4>() else { bail!(UnknownFunction) };
    let r = Reader::new(args);
    let out = match *selector {
        swapCall::SELECTOR => {
            let s = r.tail(0)?;
            let single = Single {
                pool_id: s.b256(0)?,
                kind: s.small(1, 1)?,
                asset_in: s.address(2)?,
                asset_out: s.address(3)?,
                amount: s.uint(4)?,
                user_data: s.bytes(5)?,
            };
            one(v.do_swap(single, funds(&r, 1)?, r.uint(5)?, r.uint(6)?)?)
        }
        batchSwapCall::SELECTOR => {
            let deltas =
                v.do_batch_swap(r.small(0, 1)?, steps(&r, 1)?, r.addresses(2)?, funds(&r, 3)?, r.ints(7)?, r.uint(8)?)?;
            encode(None, &[array(&deltas)])
        }
        queryBatchSwapCall::SELECTOR => {
            let deltas = v.do_query_batch_swap(r.small(0, 1)?, steps(&r, 1)?, r.addresses(2)?, funds(&r, 3)?)?;
            encode(None, &[array(&deltas)])
        }
        joinPoolCall::SELECTOR | exitPoolCall::SELECTOR => {
            let q = r.tail(3)?;
            v.do_pool_balance_change(PoolBalanceChange {
                join: *selector == joinPoolCall::SELECTOR,
                pool_id: r.b256(0)?,
                sender: r.address(1)?,
                recipient: r.address(2)?,
                assets: q.addresses(0)?,
                limits: q.uints(1)?,
                user_data: q.bytes(2)?,
                use_internal_balance: q.boolean(3)?,
            })?;
            Vec::new()
        }
        flashLoanCall::SELECTOR => {
            v.do_flash_loan(r.address(0)?, r.addresses(1)?, r.uints(2)?, r.bytes(3)?)?;
            Vec::new()
        }
        manageUserBalanceCall::SELECTOR => {
            v.manage_user_balance(ops(&r, 0)?)?;
            Vec::new()
        }
        getInternalBalanceCall::SELECTOR => {
            let balances = v.get_internal_balance(r.address(0)?, r.addresses(1)?)?;
            encode(None, &[array(&balances)])
        }
        getPoolTokensCall::SELECTOR => {
            let (tokens, balances, block) = v.get_pool_tokens(r.b256(0)?)?;
            encode(None, &[array(&tokens), array(&balances), word(block)])
        }
        getPoolTokenInfoCall::SELECTOR => {
            let (cash, managed, block, manager) = v.get_pool_token_info(r.b256(0)?, r.address(1)?)?;
            [cash.to_word(), managed.to_word(), block.to_word(), manager.to_word()].concat()
        }
        getPoolCall::SELECTOR => {
            let (pool, spec) = v.get_pool(r.b256(0)?)?;
            [pool.to_word(), alloy_primitives::U256::from(spec).to_word()].concat()
        }
        registerPoolCall::SELECTOR => one(v.register_pool(r.small(0, 2)?)?),
        registerTokensCall::SELECTOR => {
            v.register_tokens(r.b256(0)?, r.addresses(1)?, r.addresses(2)?)?;
            Vec::new()
        }
        deregisterTokensCall::SELECTOR => {
            v.deregister_tokens(r.b256(0)?, r.addresses(1)?)?;
            Vec::new()
        }
        setRelayerApprovalCall::SELECTOR => {
            v.set_relayer_approval(r.address(0)?, r.address(1)?, r.boolean(2)?)?;
            Vec::new()
        }
        hasApprovedRelayerCall::SELECTOR => one(v.has_approved_relayer(r.address(0)?, r.address(1)?)),
        initializeCall::SELECTOR => {
            v.initialize(r.address(0)?, r.address(1)?, r.uint(2)?, r.uint(3)?)?;
            Vec::new()
        }
        WETHCall::SELECTOR => one(v.weth()),
        getAuthorizerCall::SELECTOR => one(v.get_authorizer()),
        setAuthorizerCall::SELECTOR => {
            v.set_authorizer(r.address(0)?)?;
            Vec::new()
        }
        getProtocolFeesCollectorCall::SELECTOR => one(v.get_protocol_fees_collector()),
        getSwapFeePercentageCall::SELECTOR => one(v.get_swap_fee_percentage()),
        getFlashLoanFeePercentageCall::SELECTOR => one(v.get_flash_loan_fee_percentage()),
        setSwapFeePercentageCall::SELECTOR => {
            v.set_swap_fee_percentage(r.uint(0)?)?;
            Vec::new()
        }
        setFlashLoanFeePercentageCall::SELECTOR => {
            v.set_flash_loan_fee_percentage(r.uint(0)?)?;
            Vec::new()
        }
        getProtocolFeeRecipientCall::SELECTOR => one(v.get_protocol_fee_recipient()),
        setProtocolFeeRecipientCall::SELECTOR => {
            v.set_protocol_fee_recipient(r.address(0)?)?;
            Vec::new()
        }
        setPausedCall::SELECTOR => {
            v.set_paused(r.boolean(0)?)?;
            Vec::new()
        }
        getPausedStateCall::SELECTOR => {
            let (paused, window_end, buffer_end) = v.get_paused_state();
            [paused.to_word(), window_end.to_word(), buffer_end.to_word()].concat()
        }
        _ => bail!(UnknownFunction),
    };
    Ok(out)
}


#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::hex;

    /// Selectors of Balancer V2's IVault (from its verified ABI).
    #[test]
    fn selectors_are_balancer_v2() {
        let cases: &[([u8; 4], &str)] = &[
            (swapCall::SELECTOR, "52bbbe29"),
            (batchSwapCall::SELECTOR, "945bcec9"),
            (queryBatchSwapCall::SELECTOR, "f84d066e"),
            (flashLoanCall::SELECTOR, "5c38449e"),
            (joinPoolCall::SELECTOR, "b95cac28"),
            (exitPoolCall::SELECTOR, "8bdb3913"),
            (getPoolTokensCall::SELECTOR, "f94d4668"),
            (manageUserBalanceCall::SELECTOR, "0e8e3e84"),
            (getInternalBalanceCall::SELECTOR, "0f5a6efa"),
            (setRelayerApprovalCall::SELECTOR, "fa6e671d"),
            (hasApprovedRelayerCall::SELECTOR, "fec90d72"),
            (registerPoolCall::SELECTOR, "09b2760f"),
            (registerTokensCall::SELECTOR, "66a9c7d2"),
            (getPoolCall::SELECTOR, "f6c00927"),
            (getPoolTokenInfoCall::SELECTOR, "b05f8e48"),
            (deregisterTokensCall::SELECTOR, "7d3aeb96"),
            (getProtocolFeesCollectorCall::SELECTOR, "d2946c2b"),
            (setPausedCall::SELECTOR, "16c38b3c"),
            (getPausedStateCall::SELECTOR, "1c0de051"),
            (WETHCall::SELECTOR, "ad5c4648"),
            (getAuthorizerCall::SELECTOR, "aaabadc5"),
            (setAuthorizerCall::SELECTOR, "058a628f"),
        ];
        for (sel, expected) in cases {
            assert_eq!(hex::encode(sel), *expected);
        }
    }
}
