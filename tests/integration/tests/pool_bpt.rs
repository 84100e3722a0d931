//! The pool token (BPT) of a WeightedPool clone: ERC-20 behaviour and typed errors,
//! EIP-2612 permit signed with k256 (domain bound to the clone's address and chain id).
//! Run `bash deploy/build-contracts.sh` and `node tests/solidity/build.mjs` first.

use alloy_primitives::{keccak256, Address, B256, U256};
use alloy_sol_types::SolValue;
use integration::pool_fixture::*;
use k256::ecdsa::SigningKey;

#[test]
fn erc20_transfers_allowances_and_errors() {
    let mut f = PoolFixture::new();
    let pool = f.funded_80_20();
    let a = pool.address;
    let (alice, bob) = (f.vf.alice, f.vf.bob);
    let carol = f.vf.bed.account("carol");
    let start = f.bpt_balance(&pool, alice);

    let r = f.call_pool(alice, a, &wp::transferCall { to: bob, value: e(1, 18) });
    assert!(r.success);
    assert_eq!(r.events_from::<Transfer>(a).len(), 1);
    assert_eq!(f.bpt_balance(&pool, bob), e(1, 18));
    assert_eq!(f.bpt_balance(&pool, alice), start - e(1, 18));

    let r = f.call_pool(bob, a, &wp::transferCall { to: carol, value: e(2, 18) });
    let err = expect_error::<pe::ERC20InsufficientBalance>(&r);
    assert_eq!((err.sender, err.balance, err.needed), (bob, e(1, 18), e(2, 18)));
    let r = f.call_pool(bob, a, &wp::transferCall { to: Address::ZERO, value: U256::from(1) });
    expect_error::<pe::ERC20InvalidReceiver>(&r);

    // Self-transfer keeps the balance.
    assert!(f.call_pool(bob, a, &wp::transferCall { to: bob, value: e(1, 18) }).success);
    assert_eq!(f.bpt_balance(&pool, bob), e(1, 18));

    // transferFrom: finite allowance decreases; infinite stays.
    assert!(f.call_pool(alice, a, &wp::approveCall { spender: carol, value: e(3, 18) }).success);
    let r = f.call_pool(carol, a, &wp::transferFromCall { from: alice, to: bob, value: e(4, 18) });
    expect_error::<pe::ERC20InsufficientAllowance>(&r);
    assert!(f.call_pool(carol, a, &wp::transferFromCall { from: alice, to: bob, value: e(2, 18) }).success);
    assert_eq!(f.view(a, &wp::allowanceCall { owner: alice, spender: carol }), e(1, 18));
    assert!(f.call_pool(alice, a, &wp::approveCall { spender: carol, value: U256::MAX }).success);
    assert!(f.call_pool(carol, a, &wp::transferFromCall { from: alice, to: bob, value: e(2, 18) }).success);
    assert_eq!(f.view(a, &wp::allowanceCall { owner: alice, spender: carol }), U256::MAX);
    assert_eq!(f.bpt_balance(&pool, bob), e(5, 18));

    let r = f.call_pool(alice, a, &wp::approveCall { spender: Address::ZERO, value: U256::from(1) });
    expect_error::<pe::ERC20InvalidSpender>(&r);
    assert!(f.call_pool(alice, a, &wp::approveCall { spender: bob, value: U256::from(10) }).success);
    assert!(f.call_pool(alice, a, &wp::increaseAllowanceCall { spender: bob, addedValue: U256::from(5) }).success);
    assert!(f.call_pool(alice, a, &wp::decreaseAllowanceCall { spender: bob, subtractedValue: U256::from(15) }).success);
    assert_eq!(f.view(a, &wp::allowanceCall { owner: alice, spender: bob }), U256::ZERO);
    let r = f.call_pool(alice, a, &wp::decreaseAllowanceCall { spender: bob, subtractedValue: U256::from(1) });
    expect_error::<pe::ERC20InsufficientAllowance>(&r);
}

fn address_of(key: &SigningKey) -> Address {
    let point = key.verifying_key().to_encoded_point(false);
    Address::from_slice(&keccak256(&point.as_bytes()[1..])[12..])
}

fn sign(key: &SigningKey, digest: B256) -> (u8, B256, B256) {
    let (sig, recid) = key.sign_prehash_recoverable(digest.as_slice()).expect("sign");
    let bytes = sig.to_bytes();
    (27 + recid.to_byte(), B256::from_slice(&bytes[..32]), B256::from_slice(&bytes[32..]))
}

fn permit_digest(separator: B256, owner: Address, spender: Address, value: U256, nonce: U256, deadline: U256) -> B256 {
    let typehash = keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    let struct_hash = keccak256((typehash, owner, spender, value, nonce, deadline).abi_encode());
    let mut m = vec![0x19, 0x01];
    m.extend_from_slice(separator.as_slice());
    m.extend_from_slice(struct_hash.as_slice());
    keccak256(m)
}

#[test]
fn permit_sets_allowance_once_and_rejects_bad_signatures() {
    let mut f = PoolFixture::new();
    let pool = f.funded_80_20();
    let a = pool.address;
    let bob = f.vf.bob;
    let key = SigningKey::from_slice(&[7u8; 32]).expect("key");
    let owner = address_of(&key);

    // The domain is the clone's own (proxy address, chain id), not the implementation's.
    let separator = f.view(a, &wp::DOMAIN_SEPARATORCall {});
    let domain_typehash = keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    let expected = keccak256(
        (domain_typehash, keccak256("Balancer 80 A 20 B"), keccak256("1"), U256::from(412_346u64), a).abi_encode(),
    );
    assert_eq!(separator, expected);

    let deadline = U256::from(f.vf.bed.block_timestamp() + 3600);
    let value = e(42, 18);
    let digest = permit_digest(separator, owner, bob, value, U256::ZERO, deadline);
    let (v, r, s) = sign(&key, digest);

    // Wrong value: recovers someone else.
    let call = wp::permitCall { owner, spender: bob, value: value + U256::from(1), deadline, v, r, s };
    let res = f.call_pool(bob, a, &call);
    assert_eq!(expect_error::<pe::ERC2612InvalidSigner>(&res).owner, owner);
    // Malleable twin (s' = n - s, v flipped) is refused.
    let n = U256::from_be_bytes(alloy_primitives::b256!("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141").0);
    let s_high = B256::from(n - U256::from_be_bytes(s.0));
    let twin = wp::permitCall { owner, spender: bob, value, deadline, v: if v == 27 { 28 } else { 27 }, r, s: s_high };
    expect_error::<pe::ECDSAInvalidSignatureS>(&f.call_pool(bob, a, &twin));
    // Garbage v: nothing recovers.
    let bad_v = wp::permitCall { owner, spender: bob, value, deadline, v: 5, r, s };
    expect_error::<pe::ECDSAInvalidSignature>(&f.call_pool(bob, a, &bad_v));

    let good = wp::permitCall { owner, spender: bob, value, deadline, v, r, s };
    let res = f.call_pool(bob, a, &good);
    assert!(res.success, "permit reverted: 0x{}", alloy_primitives::hex::encode(&res.output));
    assert_eq!(res.events_from::<Approval>(a).len(), 1);
    assert_eq!(f.view(a, &wp::allowanceCall { owner, spender: bob }), value);
    assert_eq!(f.view(a, &wp::noncesCall { owner }), U256::from(1));
    // Replay: the nonce moved on, so the same signature now recovers another address.
    expect_error::<pe::ERC2612InvalidSigner>(&f.call_pool(bob, a, &good));

    // Expired.
    let past = U256::from(f.vf.bed.block_timestamp() - 1);
    let digest = permit_digest(separator, owner, bob, value, U256::from(1), past);
    let (v, r, s) = sign(&key, digest);
    let expired = wp::permitCall { owner, spender: bob, value, deadline: past, v, r, s };
    assert_eq!(expect_error::<pe::ERC2612ExpiredSignature>(&f.call_pool(bob, a, &expired)).deadline, past);
    assert_eq!(f.view(a, &wp::noncesCall { owner }), U256::from(1));
}
