//! A PoolFactory (release wasm) wired to a real Vault and the WeightedPool facets, for
//! `tests/factory_*.rs`, `tests/gas_report.rs` and `tests/abi_consistency.rs`.
//!
//! The factory is called through the ABI declared in abi/json/IWeightedPoolFactory.json
//! (so the tests check what integrators use); its errors are the crate's `sol!` types.
//! Expected pool addresses are computed here from the CREATE2 rule (alloy's, not the
//! factory crate's) and the proxy creation code (`pool_factory::proxy`, the one place
//! that bytecode is written).

use alloy_primitives::{keccak256, Address, B256, U256};
use alloy_sol_types::{sol, SolCall, SolValue};
use stylus_testbed::{release_wasm_path, CallResult};

use crate::pool_fixture::{wp, Pool, PoolFixture};

pub use pool_factory::errors as fe;

sol!(
    #[sol(all_derives)]
    IWeightedPoolFactory,
    "../../abi/json/IWeightedPoolFactory.json"
);

pub use IWeightedPoolFactory as wf;

/// A Vault, the WeightedPool facets and an initialised factory.
pub struct FactoryFixture {
    pub pf: PoolFixture,
    pub factory: Address,
}

impl FactoryFixture {
    /// Deploys the factory (release wasm) and wires it (`initialize` as the admin).
    pub fn new() -> Self {
        let mut pf = PoolFixture::new();
        let factory = deploy_factory(&mut pf);
        let admin = pf.vf.admin;
        let init = wf::initializeCall { vault: pf.vf.vault, facets: pf.facets.to_vec() };
        let r = pf.vf.bed.call(admin, factory, init.abi_encode(), U256::ZERO);
        assert!(r.success, "factory initialize reverted: 0x{}", alloy_primitives::hex::encode(&r.output));
        Self { pf, factory }
    }

    pub fn call<C: SolCall>(&mut self, from: Address, call: &C) -> CallResult {
        self.pf.vf.bed.call(from, self.factory, call.abi_encode(), U256::ZERO)
    }

    pub fn view<C: SolCall>(&mut self, call: &C) -> C::Return {
        self.pf.vf.bed.view_sol(self.factory, call).expect("factory view")
    }

    /// `create` arguments with a fixed name and owner.
    pub fn create_call(&self, tokens: &[Address], weights: &[U256], fee: U256, salt: B256) -> wf::createCall {
        wf::createCall {
            name: "Factory Weighted Pool".into(),
            symbol: "FWP".into(),
            tokens: tokens.to_vec(),
            weights: weights.to_vec(),
            swapFeePercentage: fee,
            owner: self.pf.owner,
            salt,
        }
    }

    /// Sends `create` from `from` (committed even if it reverts).
    pub fn create(&mut self, from: Address, tokens: &[Address], weights: &[U256], fee: U256, salt: B256) -> CallResult {
        let call = self.create_call(tokens, weights, fee, salt);
        self.call(from, &call)
    }

    /// Creates a pool (asserts success) and returns it with its receipt.
    pub fn create_pool(&mut self, from: Address, tokens: &[Address], weights: &[U256], fee: U256, salt: B256) -> (Pool, CallResult) {
        let r = self.create(from, tokens, weights, fee, salt);
        assert!(r.success, "create reverted: 0x{}", alloy_primitives::hex::encode(&r.output));
        let address = wf::createCall::abi_decode_returns(&r.output).expect("create returns an address");
        let pool_id = self.pf.view(address, &wp::getPoolIdCall {});
        let decimals = tokens.iter().map(|t| self.pf.decimals_of(*t)).collect();
        (Pool { address, pool_id, tokens: tokens.to_vec(), weights: weights.to_vec(), decimals }, r)
    }

    /// Where `sender`'s `create` with `salt` deploys: CREATE2 by the factory with salt
    /// `keccak256(abi.encode(sender, salt))` and the pool proxy's creation code.
    pub fn predicted_address(&self, sender: Address, salt: B256) -> Address {
        let final_salt = keccak256((sender, salt).abi_encode());
        let code_hash = keccak256(pool_factory::proxy::creation_code(&self.pf.facets));
        self.factory.create2(final_salt, code_hash)
    }

    /// `n` tokens, sorted ascending: the Vault fixture's three first (18, 6 and 18
    /// decimals), then new ones with the given decimals (cycled).
    pub fn tokens(&mut self, n: usize, decimals: &[u8]) -> Vec<Address> {
        let mut tokens = self.pf.vf.tokens.clone();
        tokens.truncate(n);
        let more = n - tokens.len();
        tokens.extend(self.new_tokens(more, decimals));
        tokens.sort();
        tokens
    }

    /// `n` new TestERC20s with the given decimals (cycled), minted to and approved for
    /// the Vault by alice and bob; sorted ascending.
    pub fn new_tokens(&mut self, n: usize, decimals: &[u8]) -> Vec<Address> {
        let mut tokens = Vec::with_capacity(n);
        for i in 0..n {
            let d = decimals[i % decimals.len()];
            let t = self.pf.vf.bed.deploy_test_token(&format!("T{i}"), d).expect("deploy TestERC20");
            for user in [self.pf.vf.alice, self.pf.vf.bob] {
                self.pf.vf.fund(t, user, U256::from(10u8).pow(U256::from(30u8)));
            }
            tokens.push(t);
        }
        tokens.sort();
        tokens
    }
}

impl Default for FactoryFixture {
    fn default() -> Self {
        Self::new()
    }
}

/// Deploys pool_factory.wasm (not initialised).
pub fn deploy_factory(pf: &mut PoolFixture) -> Address {
    let path = release_wasm_path("pool_factory");
    assert!(path.exists(), "{} missing: run `bash deploy/build-contracts.sh` first", path.display());
    pf.vf.bed.deploy_wasm_file(&path).expect("deploy pool_factory.wasm")
}

/// Equal weights summing exactly to 1e18 (the first token takes the remainder).
pub fn equal_weights(n: usize) -> Vec<U256> {
    let one = U256::from(10u8).pow(U256::from(18u8));
    let w = one / U256::from(n);
    let mut weights = vec![w; n];
    weights[0] = one - w * U256::from(n - 1);
    weights
}

/// A salt from a small number.
pub fn salt(n: u64) -> B256 {
    B256::from(U256::from(n))
}
