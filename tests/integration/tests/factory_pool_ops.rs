//! A factory-made pool works end to end: INIT join, swaps both ways, exact amounts.

use alloy_primitives::U256;
use alloy_sol_types::SolValue;
use integration::factory_fixture::{equal_weights, salt, FactoryFixture};
use integration::pool_fixture::{e, oracle, wp, GIVEN_IN, GIVEN_OUT, MINIMUM_BPT};

#[test]
fn init_join_and_swaps_on_a_factory_pool() {
    let mut f = FactoryFixture::new();
    // An 18-decimal and a 6-decimal token.
    let (t18, t6) = f.pf.token_pair_18_6();
    let mut tokens = vec![t18, t6];
    tokens.sort();
    let alice = f.pf.vf.alice;
    let bob = f.pf.vf.bob;
    let (pool, _) = f.create_pool(alice, &tokens, &equal_weights(2), e(3, 15), salt(5));
    let amounts: Vec<U256> = tokens.iter().map(|t| if *t == t18 { e(1_000, 18) } else { e(1_000, 6) }).collect();

    // INIT: BPT = invariant * n, MINIMUM_BPT locked.
    f.pf.init_join(&pool, alice, &amounts);
    assert_eq!(f.pf.balances(&pool), amounts);
    let invariant = oracle::invariant(&pool.weights, &amounts, &pool.factors());
    let supply = f.pf.supply(&pool);
    assert_eq!(supply, invariant * U256::from(2));
    assert_eq!(f.pf.bpt_balance(&pool, alice), supply - U256::from(MINIMUM_BPT));

    // GIVEN_IN swap 18 -> 6: exact amount from the independent oracle.
    let factors = pool.factors();
    let (i18, i6) = if tokens[0] == t18 { (0, 1) } else { (1, 0) };
    let balances = f.pf.balances(&pool);
    let amount_in = e(10, 18);
    let expected_out = oracle::out_given_in(
        balances[i18], factors[i18], pool.weights[i18], balances[i6], factors[i6], pool.weights[i6], amount_in, e(3, 15),
    );
    let before = f.pf.vf.balance_of(t6, bob);
    let r = f.pf.swap(&pool, bob, GIVEN_IN, t18, t6, amount_in);
    assert!(r.success, "swap reverted: 0x{}", alloy_primitives::hex::encode(&r.output));
    assert_eq!(f.pf.vf.balance_of(t6, bob) - before, expected_out);
    assert_eq!(f.pf.balances(&pool)[i6], balances[i6] - expected_out);

    // GIVEN_OUT swap 6 -> 18.
    let balances = f.pf.balances(&pool);
    let amount_out = e(5, 18);
    let expected_in = oracle::in_given_out(
        balances[i6], factors[i6], pool.weights[i6], balances[i18], factors[i18], pool.weights[i18], amount_out, e(3, 15),
    );
    let before = f.pf.vf.balance_of(t6, bob);
    let r = f.pf.swap(&pool, bob, GIVEN_OUT, t6, t18, amount_out);
    assert!(r.success, "swap reverted: 0x{}", alloy_primitives::hex::encode(&r.output));
    assert_eq!(before - f.pf.vf.balance_of(t6, bob), expected_in);

    // A proportional exit gives bob's tokens back through the proxy too.
    let bpt = f.pf.bpt_balance(&pool, alice) / U256::from(10);
    let r = f.pf.exit(&pool, alice, (U256::from(1), bpt).abi_encode_params());
    assert!(r.success, "exit reverted: 0x{}", alloy_primitives::hex::encode(&r.output));
    assert_eq!(f.pf.view(pool.address, &wp::totalSupplyCall {}), supply - bpt);
}
