//! Pool and token registration, and the views that read pool balances.
//!
//! poolId = pool address (20 bytes) ‖ specialization (2 bytes) ‖ nonce (10 bytes), as
//! in V2. Supported specializations: MINIMAL_SWAP_INFO (1) and TWO_TOKEN (2); GENERAL
//! (0) fails with `UnsupportedSpecialization`. Only the pool (the address inside the
//! id) may register or deregister its tokens. Asset managers are not supported.

use alloc::vec::Vec;
use alloy_primitives::{Address, B256, U256};
use stylus_sdk::prelude::*;

use crate::balances::{self, BalRef, BalanceCache};
use crate::errors::Res;
use crate::storage::{list_key, pool_key, NEXT_NONCE};
use crate::{bail, ensure, events, lock, Vault};

pub const MINIMAL_SWAP_INFO: u16 = 1;
pub const TWO_TOKEN: u16 = 2;
/// Token indices are stored in 8 bits... and no pool needs more.
pub const MAX_TOKENS: usize = 255;

pub fn pool_address(pool_id: B256) -> Address {
    let mut a = [0u8; 20];
    a.copy_from_slice(&pool_id.0[..20]);
    Address::new(a)
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
    /// Number of registered tokens, or `InvalidPoolId` if the pool is not registered.
    pub(crate) fn token_count(&self, pool_id: B256) -> Res<usize> {
        let entry = self.sload(pool_key(pool_id));
        ensure!(!entry.is_zero(), InvalidPoolId);
        Ok((entry.as_limbs()[0] as usize).saturating_sub(1))
    }

    fn set_token_count(&mut self, pool_id: B256, count: usize) {
        self.sstore(pool_key(pool_id), U256::from(count + 1));
    }

    pub(crate) fn do_register_pool(&mut self, spec: u8) -> Res<B256> {
        self.config_unpaused()?;
        let spec = u16::from(spec);
        ensure!(spec == MINIMAL_SWAP_INFO || spec == TWO_TOKEN, UnsupportedSpecialization);
        let pool = self.vm().msg_sender();
        let nonce = self.sload(NEXT_NONCE);
        let pool_id = make_pool_id(pool, spec, nonce);
        self.sstore(NEXT_NONCE, crate::math::add(nonce, U256::from(1u8))?);
        self.set_token_count(pool_id, 0);
        events::pool_registered(self.vm(), pool_id, pool, spec);
        Ok(pool_id)
    }

    /// Common checks of (de)registration: not paused, pool registered, caller is it.
    /// Returns the current token count.
    fn ensure_pool_caller(&self, pool_id: B256) -> Res<usize> {
        self.config_unpaused()?;
        let count = self.token_count(pool_id)?;
        ensure!(self.vm().msg_sender() == pool_address(pool_id), CallerNotPool);
        Ok(count)
    }

    pub(crate) fn do_register_tokens(
        &mut self,
        pool_id: B256,
        tokens: Vec<Address>,
        asset_managers: Vec<Address>,
    ) -> Res<()> {
        let mut count = self.ensure_pool_caller(pool_id)?;
        ensure!(tokens.len() == asset_managers.len(), InputLengthMismatch);
        ensure!(asset_managers.iter().all(|m| m.is_zero()), AssetManagersUnsupported);
        ensure!(tokens.iter().all(|t| !t.is_zero()), InvalidToken);
        let two = specialization(pool_id) == TWO_TOKEN;
        if two {
            let [a, b] = tokens[..] else { bail!(TokensLengthMustBe2) };
            ensure!(count == 0, TokensAlreadySet);
            ensure!(a != b, TokenAlreadyRegistered);
            ensure!(crate::math::addr_lt(a, b), UnsortedTokens);
            self.sstore(balances::pair_key(pool_id, a, b), balances::pack(U256::ZERO, U256::ZERO, 0)?);
        }
        for &token in &tokens {
            ensure!(count < MAX_TOKENS, TooManyTokens);
            if !two {
                let key = balances::token_key(pool_id, token);
                ensure!(!balances::is_registered(self.sload(key)), TokenAlreadyRegistered);
                self.sstore(key, balances::pack(U256::ZERO, U256::from(count), 0)?);
            }
            self.sstore_address(list_key(pool_id, count), token);
            count += 1;
        }
        self.set_token_count(pool_id, count);
        events::tokens_registered(self.vm(), pool_id, &tokens, &asset_managers);
        Ok(())
    }

    pub(crate) fn do_deregister_tokens(&mut self, pool_id: B256, tokens: Vec<Address>) -> Res<()> {
        let mut count = self.ensure_pool_caller(pool_id)?;
        if specialization(pool_id) == TWO_TOKEN {
            let [a, b] = tokens[..] else { bail!(TokensLengthMustBe2) };
            ensure!(crate::math::addr_lt(a, b), UnsortedTokens);
            let key = balances::pair_key(pool_id, a, b);
            let word = self.sload(key);
            ensure!(balances::is_registered(word), TokenNotRegistered);
            ensure!(
                balances::field(word, false).is_zero() && balances::field(word, true).is_zero(),
                NonZeroTokenBalance
            );
            self.sstore(key, U256::ZERO);
            self.sstore(list_key(pool_id, 0), U256::ZERO);
            self.sstore(list_key(pool_id, 1), U256::ZERO);
            count = 0;
        } else {
            for &token in &tokens {
                let key = balances::token_key(pool_id, token);
                let word = self.sload(key);
                ensure!(balances::is_registered(word), TokenNotRegistered);
                ensure!(balances::field(word, false).is_zero(), NonZeroTokenBalance);
                let index = balances::field(word, true).as_limbs()[0] as usize;
                // Swap-remove: the last token takes the freed index.
                count = count.checked_sub(1).ok_or_else(|| crate::err!(TokenNotRegistered))?;
                let moved = self.sload_address(list_key(pool_id, count));
                if index != count {
                    self.sstore_address(list_key(pool_id, index), moved);
                    let moved_key = balances::token_key(pool_id, moved);
                    let moved_word = self.sload(moved_key);
                    let updated = balances::pack(
                        balances::field(moved_word, false),
                        U256::from(index),
                        balances::last_change_block(moved_word).as_limbs()[0],
                    )?;
                    self.sstore(moved_key, updated);
                }
                self.sstore(list_key(pool_id, count), U256::ZERO);
                self.sstore(key, U256::ZERO);
            }
        }
        self.set_token_count(pool_id, count);
        events::tokens_deregistered(self.vm(), pool_id, &tokens);
        Ok(())
    }

    pub(crate) fn do_get_pool(&self, pool_id: B256) -> Res<(Address, u8)> {
        self.token_count(pool_id)?;
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
                let slot = cache.load(self, balances::pair_key(pool_id, a, b));
                ensure!(balances::is_registered(cache.word(slot)), TokensMismatch);
                Ok(vec![BalRef { slot, high: false }, BalRef { slot, high: true }])
            }
            MINIMAL_SWAP_INFO => {
                let count = self.token_count(pool_id)?;
                ensure!(count > 0 && count == tokens.len(), TokensMismatch);
                let mut refs = Vec::with_capacity(count);
                for (i, &token) in tokens.iter().enumerate() {
                    let slot = cache.load(self, balances::token_key(pool_id, token));
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
    fn pool_token_list(&self, pool_id: B256) -> Res<Vec<Address>> {
        let count = self.token_count(pool_id)?;
        Ok((0..count).map(|i| self.sload_address(list_key(pool_id, i))).collect())
    }

    /// Tokens, balance refs and the cache holding them, for the balance views.
    fn pool_state(&self, pool_id: B256) -> Res<(Vec<Address>, Vec<BalRef>, BalanceCache)> {
        lock::ensure_consistent()?;
        let tokens = self.pool_token_list(pool_id)?;
        let mut cache = BalanceCache::default();
        let refs = if tokens.is_empty() { Vec::new() } else { self.pool_refs(&mut cache, pool_id, &tokens)? };
        Ok((tokens, refs, cache))
    }

    pub(crate) fn do_get_pool_tokens(&self, pool_id: B256) -> Res<(Vec<Address>, Vec<U256>, U256)> {
        let (tokens, refs, cache) = self.pool_state(pool_id)?;
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
        let (tokens, refs, cache) = self.pool_state(pool_id)?;
        let found = tokens.iter().position(|t| *t == token).and_then(|i| refs.get(i));
        let Some(r) = found else { bail!(TokenNotRegistered) };
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
