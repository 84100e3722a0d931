//! Pool and token registration, and the views that read pool balances.
//!
//! poolId = pool address (20 bytes) ‖ specialization (2 bytes) ‖ nonce (10 bytes), as
//! in V2. Supported specializations: MINIMAL_SWAP_INFO (1) and TWO_TOKEN (2); GENERAL
//! (0) fails with `UnsupportedSpecialization`. Only the pool (the address inside the
//! id) may register or deregister its tokens. Asset managers are not supported.

use alloc::vec::Vec;
use alloy_primitives::{Address, B256, U256};
use stylus_sdk::prelude::*;

use crate::abi::{PoolRegistered, TokensDeregistered, TokensRegistered};
use crate::balances::{self, BalRef, BalanceCache};
use crate::errors::Res;
use crate::{bail, ensure, lock, Vault};

pub const MINIMAL_SWAP_INFO: u16 = 1;
pub const TWO_TOKEN: u16 = 2;
/// Token indices are stored in 8 bits... and no pool needs more.
pub const MAX_TOKENS: usize = 255;

pub fn pool_address(pool_id: B256) -> Address {
    Address::from_slice(&pool_id[..20])
}

pub fn specialization(pool_id: B256) -> u16 {
    u16::from_be_bytes([pool_id[20], pool_id[21]])
}

/// V2 pool id; the nonce is truncated to its 80-bit field (never reached).
pub fn make_pool_id(pool: Address, spec: u16, nonce: U256) -> B256 {
    let mut id = B256::from(nonce);
    id[..20].copy_from_slice(pool.as_slice());
    id[20..22].copy_from_slice(&spec.to_be_bytes());
    id
}

impl Vault {
    pub(crate) fn do_register_pool(&mut self, spec: u8) -> Res<B256> {
        self.config_unpaused()?;
        let spec = u16::from(spec);
        ensure!(spec == MINIMAL_SWAP_INFO || spec == TWO_TOKEN, UnsupportedSpecialization);
        let pool = self.vm().msg_sender();
        let nonce = self.registry.next_nonce.get();
        let pool_id = make_pool_id(pool, spec, nonce);
        self.registry.next_nonce.set(nonce + U256::from(1u8));
        self.registry.registered.insert(pool_id, true);
        self.vm().log(PoolRegistered { poolId: pool_id, poolAddress: pool, specialization: spec as u8 });
        Ok(pool_id)
    }

    /// Common checks of (de)registration: not paused, pool registered, caller is it.
    fn ensure_pool_caller(&self, pool_id: B256) -> Res<()> {
        self.config_unpaused()?;
        ensure!(self.registry.registered.get(pool_id), InvalidPoolId);
        ensure!(self.vm().msg_sender() == pool_address(pool_id), CallerNotPool);
        Ok(())
    }

    pub(crate) fn do_register_tokens(
        &mut self,
        pool_id: B256,
        tokens: Vec<Address>,
        asset_managers: Vec<Address>,
    ) -> Res<()> {
        self.ensure_pool_caller(pool_id)?;
        ensure!(tokens.len() == asset_managers.len(), InputLengthMismatch);
        ensure!(asset_managers.iter().all(|m| m.is_zero()), AssetManagersUnsupported);
        ensure!(tokens.iter().all(|t| !t.is_zero()), InvalidToken);
        let empty = balances::pack(U256::ZERO, U256::ZERO, 0)?;
        if specialization(pool_id) == TWO_TOKEN {
            let [a, b] = tokens[..] else { bail!(TokensLengthMustBe2) };
            ensure!(self.registry.tokens.getter(pool_id).is_empty(), TokensAlreadySet);
            ensure!(a != b, TokenAlreadyRegistered);
            ensure!(a < b, UnsortedTokens);
            self.registry.balances.insert(balances::pair_key(pool_id, a, b), empty);
        } else {
            for &token in &tokens {
                let key = balances::token_key(pool_id, token);
                ensure!(!balances::is_registered(self.registry.balances.get(key)), TokenAlreadyRegistered);
                let index = self.registry.tokens.getter(pool_id).len();
                ensure!(index < MAX_TOKENS, TooManyTokens);
                let word = balances::pack(U256::ZERO, U256::from(index), 0)?;
                self.registry.balances.insert(key, word);
                self.registry.tokens.setter(pool_id).push(token);
            }
        }
        if specialization(pool_id) == TWO_TOKEN {
            let mut list = self.registry.tokens.setter(pool_id);
            for &token in &tokens {
                list.push(token);
            }
        }
        self.vm().log(TokensRegistered { poolId: pool_id, tokens, assetManagers: asset_managers });
        Ok(())
    }

    pub(crate) fn do_deregister_tokens(&mut self, pool_id: B256, tokens: Vec<Address>) -> Res<()> {
        self.ensure_pool_caller(pool_id)?;
        if specialization(pool_id) == TWO_TOKEN {
            let [a, b] = tokens[..] else { bail!(TokensLengthMustBe2) };
            ensure!(a < b, UnsortedTokens);
            let key = balances::pair_key(pool_id, a, b);
            let word = self.registry.balances.get(key);
            ensure!(balances::is_registered(word), TokenNotRegistered);
            ensure!(
                balances::field(word, false).is_zero() && balances::field(word, true).is_zero(),
                NonZeroTokenBalance
            );
            self.registry.balances.delete(key);
            let mut list = self.registry.tokens.setter(pool_id);
            list.erase_last();
            list.erase_last();
        } else {
            for &token in &tokens {
                let key = balances::token_key(pool_id, token);
                let word = self.registry.balances.get(key);
                ensure!(balances::is_registered(word), TokenNotRegistered);
                ensure!(balances::field(word, false).is_zero(), NonZeroTokenBalance);
                let index = balances::field(word, true);
                let mut list = self.registry.tokens.setter(pool_id);
                let last = list.len().saturating_sub(1);
                // Swap-remove: the last token takes the freed index.
                if let Some(moved) = list.get(last) {
                    if U256::from(last) != index {
                        let Some(mut slot) = list.setter(index) else { bail!(TokenNotRegistered) };
                        slot.set(moved);
                        let moved_key = balances::token_key(pool_id, moved);
                        let moved_word = self.registry.balances.get(moved_key);
                        let updated = balances::pack(
                            balances::field(moved_word, false),
                            index,
                            balances::last_change_block(moved_word).as_limbs()[0],
                        )?;
                        self.registry.balances.insert(moved_key, updated);
                    }
                }
                self.registry.tokens.setter(pool_id).erase_last();
                self.registry.balances.delete(key);
            }
        }
        self.vm().log(TokensDeregistered { poolId: pool_id, tokens });
        Ok(())
    }

    pub(crate) fn do_get_pool(&self, pool_id: B256) -> Res<(Address, u8)> {
        ensure!(self.registry.registered.get(pool_id), InvalidPoolId);
        Ok((pool_address(pool_id), specialization(pool_id) as u8))
    }

    /// Checks that `tokens` are exactly the pool's registered tokens, in order, and
    /// returns where each balance lives. For two-token pools the registered pair word
    /// proves it (registration required sorted tokens); for minimal-swap-info pools each
    /// token's word must exist and carry index `i`, and the counts must match.
    pub(crate) fn pool_refs(
        &self,
        cache: &mut BalanceCache,
        pool_id: B256,
        tokens: &[Address],
    ) -> Res<Vec<BalRef>> {
        match specialization(pool_id) {
            TWO_TOKEN => {
                let [a, b] = tokens[..] else { bail!(TokensMismatch) };
                let slot = cache.load(&self.registry.balances, balances::pair_key(pool_id, a, b));
                ensure!(balances::is_registered(cache.word(slot)), TokensMismatch);
                Ok(alloc::vec![BalRef { slot, high: false }, BalRef { slot, high: true }])
            }
            MINIMAL_SWAP_INFO => {
                let count = self.registry.tokens.getter(pool_id).len();
                ensure!(count > 0 && count == tokens.len(), TokensMismatch);
                let mut refs = Vec::with_capacity(count);
                for (i, &token) in tokens.iter().enumerate() {
                    let slot = cache.load(&self.registry.balances, balances::token_key(pool_id, token));
                    let word = cache.word(slot);
                    ensure!(
                        balances::is_registered(word) && balances::field(word, true) == U256::from(i),
                        TokensMismatch
                    );
                    refs.push(BalRef { slot, high: false });
                }
                Ok(refs)
            }
            _ => bail!(InvalidPoolId),
        }
    }

    /// The pool's registered tokens, in registration order.
    pub(crate) fn pool_token_list(&self, pool_id: B256) -> Vec<Address> {
        let list = self.registry.tokens.getter(pool_id);
        (0..list.len()).filter_map(|i| list.get(i)).collect()
    }

    pub(crate) fn do_get_pool_tokens(&self, pool_id: B256) -> Res<(Vec<Address>, Vec<U256>, U256)> {
        lock::ensure_consistent()?;
        ensure!(self.registry.registered.get(pool_id), InvalidPoolId);
        let tokens = self.pool_token_list(pool_id);
        if tokens.is_empty() {
            return Ok((tokens, Vec::new(), U256::ZERO));
        }
        let mut cache = BalanceCache::default();
        let refs = self.pool_refs(&mut cache, pool_id, &tokens)?;
        let balances = refs.iter().map(|r| cache.balance(*r)).collect();
        let last = refs
            .iter()
            .map(|r| balances::last_change_block(cache.word(r.slot)))
            .max()
            .unwrap_or_default();
        Ok((tokens, balances, last))
    }

    pub(crate) fn do_get_pool_token_info(
        &self,
        pool_id: B256,
        token: Address,
    ) -> Res<(U256, U256, U256, Address)> {
        lock::ensure_consistent()?;
        ensure!(self.registry.registered.get(pool_id), InvalidPoolId);
        let tokens = self.pool_token_list(pool_id);
        let Some(i) = tokens.iter().position(|t| *t == token) else { bail!(TokenNotRegistered) };
        let mut cache = BalanceCache::default();
        let refs = self.pool_refs(&mut cache, pool_id, &tokens)?;
        let Some(r) = refs.get(i) else { bail!(TokenNotRegistered) };
        let block = balances::last_change_block(cache.word(r.slot));
        Ok((cache.balance(*r), U256::ZERO, block, Address::ZERO))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pool_id_layout_matches_v2() {
        let pool = Address::repeat_byte(0xab);
        let id = make_pool_id(pool, TWO_TOKEN, U256::from(0x0102u32));
        assert_eq!(pool_address(id), pool);
        assert_eq!(specialization(id), TWO_TOKEN);
        assert_eq!(&id[20..22], &[0, 2]);
        assert_eq!(&id[30..32], &[1, 2]);
        assert!(id[22..30].iter().all(|b| *b == 0));
    }
}
