//! The factory's storage and its functions (abi/IWeightedPoolFactory.sol).
//!
//! Storage: the Vault (slot 0), the facet programs (a `StorageArray` from slot 1, in
//! [`crate::proxy::FACETS`] order) and the `isPoolFromFactory` set (mapping after them).
//! The Vault being set is what "initialised" means. Each pool's own state lives in its proxy.
//!
//! `create` never decodes the pool parameters: the head of `create`'s arguments
//! `(string name, string symbol, address[] tokens, uint256[] weights, uint256 fee,
//! address owner, bytes32 salt)` and of the pool's `initialize(address vault, string
//! name, string symbol, address[] tokens, uint256[] weights, uint256 fee, address owner)`
//! are both 7 words long, so the tail (strings and arrays) keeps its offsets and the
//! initialize calldata is `selector ++ vault ++ create's words 0..6 ++ create's tail`.
//! The pool decodes and validates everything; the factory stays a few KB of wasm.

use alloc::string::String;
use alloc::vec::Vec;

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{sol, SolCall};
use stylus_sdk::deploy::RawDeploy;
use stylus_sdk::prelude::*;
use stylus_sdk::storage::{StorageAddress, StorageArray, StorageBool, StorageMap};

use crate::create2;
use crate::errors::*;
use crate::pool_call;
use crate::proxy::{self, FACET_COUNT};

sol! {
    /// The factory's ABI (abi/IWeightedPoolFactory.sol); selectors for the router.
    interface IWeightedPoolFactory {
        function create(string name, string symbol, address[] tokens, uint256[] weights, uint256 swapFeePercentage, address owner, bytes32 salt) external returns (address);
        function isPoolFromFactory(address pool) external view returns (bool);
        function getVault() external view returns (address);
        function initialize(address vault, address[] facets) external;
        function getFacets() external view returns (address[]);
    }

    /// Balancer V2's BasePoolFactory event.
    event PoolCreated(address indexed pool);
}

/// Head words of `create`'s arguments (the salt is the last one).
pub const CREATE_HEAD_WORDS: usize = 7;

#[storage]
pub struct PoolFactory {
    vault: StorageAddress,
    facets: StorageArray<StorageAddress, FACET_COUNT>,
    is_pool: StorageMap<Address, StorageBool>,
}

impl PoolFactory {
    /// See [`PoolFactory::initialize`]. All checks come before any write.
    pub fn do_initialize(&mut self, vault: Address, facets: &[Address]) -> Result<(), Revert> {
        if !self.vault.get().is_zero() {
            return Err(FactoryError::FactoryAlreadyInitialized(FactoryAlreadyInitialized {}).into());
        }
        if facets.len() != FACET_COUNT {
            let e = FacetCountMismatch { expected: U256::from(FACET_COUNT), given: U256::from(facets.len()) };
            return Err(FactoryError::FacetCountMismatch(e).into());
        }
        if vault.is_zero() || facets.iter().any(|f| f.is_zero()) {
            return Err(FactoryError::ZeroAddress(ZeroAddress {}).into());
        }
        if let Some(facet) = facets.iter().find(|f| self.vm().code_size(**f) == 0) {
            return Err(FactoryError::FacetHasNoCode(FacetHasNoCode { facet: *facet }).into());
        }
        self.vault.set(vault);
        for (i, facet) in facets.iter().enumerate() {
            if let Some(mut slot) = self.facets.setter(i) {
                slot.set(*facet);
            }
        }
        Ok(())
    }

    /// The facet addresses in table order (zero before `initialize`).
    pub fn facets(&self) -> [Address; FACET_COUNT] {
        let mut out = [Address::ZERO; FACET_COUNT];
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = self.facets.get(i).unwrap_or_default();
        }
        out
    }

    /// `create` from its ABI-encoded arguments (calldata without the selector).
    pub fn create_from_args(&mut self, args: &[u8]) -> Result<Address, Revert> {
        let head_len = CREATE_HEAD_WORDS * 32;
        let (Some(head), Some(tail)) = (args.get(..head_len - 32), args.get(head_len..)) else {
            return Err(FactoryError::MalformedCalldata(MalformedCalldata {}).into());
        };
        let user_salt = args.get(head_len - 32..head_len).map(B256::from_slice).unwrap_or_default();
        let vault = self.vault.get();
        if vault.is_zero() {
            return Err(FactoryError::FactoryNotInitialized(FactoryNotInitialized {}).into());
        }
        let salt = create2::pool_salt(self.vm().msg_sender(), user_salt);
        let code = proxy::creation_code(&self.facets());
        // A CREATE2 collision consumes all the gas given to it (EIP-684), so a taken
        // address is refused before deploying: one cold EXTCODESIZE (2,600 gas; the
        // address is then warm for CREATE2, which would have paid that access anyway).
        let predicted = create2::create2_address(self.vm().contract_address(), salt, stylus_sdk::crypto::keccak(code));
        let in_use = || -> Revert { FactoryError::PoolAddressInUse(PoolAddressInUse { pool: predicted }).into() };
        if self.vm().code_size(predicted) != 0 {
            return Err(in_use());
        }
        // SAFETY: no storage reference is held across the deployment; the proxy's
        // creation code makes no calls.
        let deployed = unsafe { RawDeploy::new().salt(salt).deploy(self.vm(), &code, U256::ZERO) };
        // Failure here means out of gas (or a nonce-only account at the address).
        let pool = deployed.map_err(|_| in_use())?;
        pool_call::initialize_pool(self.vm(), pool, vault, head, tail).map_err(Revert)?;
        self.is_pool.setter(pool).set(true);
        self.vm().log(PoolCreated { pool });
        Ok(pool)
    }
}

/// The typed API (also what `export-abi` prints). The deployed wasm reaches the same
/// code through [`crate::router`]; this SDK router is never linked into it.
#[public]
impl PoolFactory {
    /// One-time wiring (a Stylus program has no constructor): the Vault every pool
    /// registers with and the WeightedPool facet programs every pool proxy delegates to,
    /// in the order of [`crate::proxy::FACETS`] (swap, join, exit, token). Each facet must
    /// have code; the same program may be passed more than once (e.g. a one-program pool
    /// on a chain without the size limit).
    ///
    /// Caveat: whoever calls it first wires the factory, so it must be called in the
    /// transaction right after deployment and then checked (deploy/deploy.sh does both
    /// and reads back getVault()/getFacets()). A front-run wiring is visible and puts no
    /// funds at risk (the factory holds none): deploy a new factory.
    pub fn initialize(&mut self, vault: Address, facets: Vec<Address>) -> Result<(), Revert> {
        self.do_initialize(vault, &facets)
    }

    /// Deploys a pool proxy ([`crate::proxy`]: a selector switch DELEGATECALLing the
    /// facets) with CREATE2 at an address fixed by (factory, msg.sender, salt), initialises it (the pool validates its
    /// parameters and registers itself and its tokens with the Vault), records it and
    /// emits `PoolCreated`. A revert of the pool's `initialize` is passed on unchanged,
    /// and then nothing (proxy included) remains.
    #[allow(clippy::too_many_arguments)]
    pub fn create(
        &mut self,
        name: String,
        symbol: String,
        tokens: Vec<Address>,
        weights: Vec<U256>,
        swap_fee_percentage: U256,
        owner: Address,
        salt: B256,
    ) -> Result<Address, Revert> {
        let call = IWeightedPoolFactory::createCall { name, symbol, tokens, weights, swapFeePercentage: swap_fee_percentage, owner, salt };
        let data = call.abi_encode();
        self.create_from_args(data.get(4..).unwrap_or_default())
    }

    /// True iff `pool` was created by this factory.
    pub fn is_pool_from_factory(&self, pool: Address) -> bool {
        self.is_pool.get(pool)
    }

    /// The Vault the factory's pools register with.
    pub fn get_vault(&self) -> Address {
        self.vault.get()
    }

    /// The facet programs every pool proxy delegates to, in table order (swap,
    /// join, exit, token); zero addresses before `initialize`.
    pub fn get_facets(&self) -> Vec<Address> {
        self.facets().to_vec()
    }
}
