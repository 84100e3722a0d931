//! Roles, protocol fees and the pause window.
//!
//! * **Authorizer**: one admin address, set once by `initialize` and changeable by
//!   itself (`setAuthorizer`). V2's role-based authorizer contract is replaced by this
//!   single address to save a call per check. `initialize` is open to the first caller:
//!   deploy scripts must call it in the deployment transaction batch (a front-runner
//!   could otherwise claim the role; redeploy if `getAuthorizer()` is not yours).
//! * **Protocol fees**: the Vault is its own `ProtocolFeesCollector`:
//!   `getProtocolFeesCollector()` returns the Vault, which answers the collector views
//!   `getSwapFeePercentage()` / `getFlashLoanFeePercentage()` (bounds as V2: 50% / 1%).
//!   Fees (joins/exits' `dueProtocolFeeAmounts`, flash-loan fees) never leave the Vault:
//!   they are credited to the internal balance of the fee recipient (initially the
//!   authorizer, `setProtocolFeeRecipient`), which withdraws with `manageUserBalance`.
//! * **Pause**: as V2's TemporarilyPausable: pausing is possible until
//!   `pauseWindowEndTime`, unpausing until `bufferPeriodEndTime`, and after the buffer
//!   period the Vault is unpaused for good. While paused: swaps, batch swaps, joins,
//!   flash loans, pool/token registration, deposits and internal/external transfers
//!   revert with `Paused`; exits and internal-balance withdrawals keep working.
//!
//! All of this fits in one *config word* read once per operation, one value per
//! 64-bit limb (no shifting code): [protocol swap fee %, flash-loan fee %,
//! pause-window end, buffer-period end | paused << 63].

use alloy_primitives::{Address, U256};

use crate::errors::Res;
use crate::{ensure, Vault};

/// V2 `ProtocolFeesCollector` bounds.
pub const MAX_SWAP_FEE_PERCENTAGE: u64 = 500_000_000_000_000_000; // 50%
pub const MAX_FLASH_LOAN_FEE_PERCENTAGE: u64 = 10_000_000_000_000_000; // 1%
/// V2 Vault bounds on the pause window and buffer period.
pub const MAX_PAUSE_WINDOW_DURATION: u64 = 270 * 24 * 3600;
pub const MAX_BUFFER_PERIOD_DURATION: u64 = 90 * 24 * 3600;

const PAUSED_FLAG: u64 = 1 << 63;

/// Decoded config word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    pub swap_fee: u64,
    pub flash_fee: u64,
    pub pause_end: u64,
    pub buffer_end: u64,
    pub paused: bool,
}

impl Config {
    pub fn decode(word: U256) -> Self {
        let [swap_fee, flash_fee, pause_end, last] = *word.as_limbs();
        Self { swap_fee, flash_fee, pause_end, buffer_end: last & !PAUSED_FLAG, paused: last & PAUSED_FLAG != 0 }
    }

    pub fn encode(&self) -> U256 {
        let flag = if self.paused { PAUSED_FLAG } else { 0 };
        U256::from_limbs([self.swap_fee, self.flash_fee, self.pause_end, (self.buffer_end & !PAUSED_FLAG) | flag])
    }

    /// V2 `_isNotPaused` negated: paused and still inside the buffer period.
    pub fn is_paused(&self, now: u64) -> bool {
        self.paused && now <= self.buffer_end
    }
}

impl Vault {
    pub(crate) fn config(&self) -> Config {
        Config::decode(self.sload(crate::storage::CONFIG))
    }

    /// Reads the config and fails with `Paused` if the Vault is paused.
    pub(crate) fn config_unpaused(&self) -> Res<Config> {
        let cfg = self.config();
        ensure!(!cfg.is_paused(self.now()), Paused);
        Ok(cfg)
    }

    pub(crate) fn now(&self) -> u64 {
        use stylus_sdk::prelude::*;
        self.vm().block_timestamp()
    }

    pub(crate) fn only_authorizer(&self) -> Res<()> {
        use stylus_sdk::prelude::*;
        ensure!(self.vm().msg_sender() == self.sload_address(crate::storage::AUTHORIZER), SenderNotAllowed);
        Ok(())
    }

    pub(crate) fn do_initialize(
        &mut self,
        authorizer: Address,
        weth: Address,
        pause_window: U256,
        buffer_period: U256,
    ) -> Res<()> {
        ensure!(self.sload_address(crate::storage::AUTHORIZER).is_zero(), AlreadyInitialized);
        ensure!(!authorizer.is_zero(), ZeroAddress);
        ensure!(pause_window <= U256::from(MAX_PAUSE_WINDOW_DURATION), MaxPauseWindowDuration);
        ensure!(buffer_period <= U256::from(MAX_BUFFER_PERIOD_DURATION), MaxBufferPeriodDuration);
        let overflow = || crate::err!(ArithmeticOverflow);
        let pause_end = self.now().checked_add(pause_window.as_limbs()[0]).ok_or_else(overflow)?;
        let buffer_end = pause_end.checked_add(buffer_period.as_limbs()[0]).ok_or_else(overflow)?;
        let cfg = Config { swap_fee: 0, flash_fee: 0, pause_end, buffer_end, paused: false };
        self.sstore(crate::storage::CONFIG, cfg.encode());
        self.sstore_address(crate::storage::AUTHORIZER, authorizer);
        self.sstore_address(crate::storage::FEE_RECIPIENT, authorizer);
        self.sstore_address(crate::storage::WETH, weth);
        Ok(())
    }

    pub(crate) fn do_set_paused(&mut self, paused: bool) -> Res<()> {
        self.only_authorizer()?;
        let mut cfg = self.config();
        let now = self.now();
        if paused {
            ensure!(now < cfg.pause_end, PauseWindowExpired);
        } else {
            ensure!(now < cfg.buffer_end, BufferPeriodExpired);
        }
        cfg.paused = paused;
        self.sstore(crate::storage::CONFIG, cfg.encode());
        Ok(())
    }

    /// Sets one of the two fee percentages after checking its V2 bound.
    pub(crate) fn do_set_fee(&mut self, flash: bool, pct: U256) -> Res<()> {
        self.only_authorizer()?;
        let mut cfg = self.config();
        if flash {
            ensure!(pct <= U256::from(MAX_FLASH_LOAN_FEE_PERCENTAGE), FlashLoanFeePercentageTooHigh);
            cfg.flash_fee = pct.as_limbs()[0];
        } else {
            ensure!(pct <= U256::from(MAX_SWAP_FEE_PERCENTAGE), SwapFeePercentageTooHigh);
            cfg.swap_fee = pct.as_limbs()[0];
        }
        self.sstore(crate::storage::CONFIG, cfg.encode());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_roundtrip() {
        let c = Config {
            swap_fee: MAX_SWAP_FEE_PERCENTAGE,
            flash_fee: MAX_FLASH_LOAN_FEE_PERCENTAGE,
            pause_end: 1_700_000_000,
            buffer_end: 1_800_000_000,
            paused: true,
        };
        assert_eq!(Config::decode(c.encode()), c);
        assert_eq!(Config::decode(U256::ZERO).paused, false);
    }

    #[test]
    fn pause_expires_after_buffer() {
        let c = Config { swap_fee: 0, flash_fee: 0, pause_end: 100, buffer_end: 200, paused: true };
        assert!(c.is_paused(50));
        assert!(c.is_paused(200));
        assert!(!c.is_paused(201));
        let unpaused = Config { paused: false, ..c };
        assert!(!unpaused.is_paused(50));
    }
}
