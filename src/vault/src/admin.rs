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
//! All of this fits in one *config word* read once per operation:
//! bits 0..64 protocol swap fee %, 64..128 flash-loan fee %, 128..168 pause-window end,
//! 168..208 buffer-period end (timestamps, 40 bits), bit 208 paused.

use alloy_primitives::{Address, U256};

use crate::errors::Res;
use crate::{ensure, Vault};

/// V2 `ProtocolFeesCollector` bounds.
pub const MAX_SWAP_FEE_PERCENTAGE: u64 = 500_000_000_000_000_000; // 50%
pub const MAX_FLASH_LOAN_FEE_PERCENTAGE: u64 = 10_000_000_000_000_000; // 1%
/// V2 Vault bounds on the pause window and buffer period.
pub const MAX_PAUSE_WINDOW_DURATION: u64 = 270 * 24 * 3600;
pub const MAX_BUFFER_PERIOD_DURATION: u64 = 90 * 24 * 3600;

const SWAP_FEE_SHIFT: usize = 0;
const FLASH_FEE_SHIFT: usize = 64;
const PAUSE_END_SHIFT: usize = 128;
const BUFFER_END_SHIFT: usize = 168;
const PAUSED_BIT: usize = 208;

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
        let limb = |shift: usize, bits: usize| -> u64 {
            let mask = if bits == 64 { u64::MAX } else { (1u64 << bits) - 1 };
            (word >> shift).as_limbs()[0] & mask
        };
        Self {
            swap_fee: limb(SWAP_FEE_SHIFT, 64),
            flash_fee: limb(FLASH_FEE_SHIFT, 64),
            pause_end: limb(PAUSE_END_SHIFT, 40),
            buffer_end: limb(BUFFER_END_SHIFT, 40),
            paused: word.bit(PAUSED_BIT),
        }
    }

    pub fn encode(&self) -> U256 {
        let mask40 = (1u64 << 40) - 1;
        (U256::from(self.swap_fee) << SWAP_FEE_SHIFT)
            | (U256::from(self.flash_fee) << FLASH_FEE_SHIFT)
            | (U256::from(self.pause_end & mask40) << PAUSE_END_SHIFT)
            | (U256::from(self.buffer_end & mask40) << BUFFER_END_SHIFT)
            | (U256::from(self.paused as u8) << PAUSED_BIT)
    }

    /// V2 `_isNotPaused` negated: paused and still inside the buffer period.
    pub fn is_paused(&self, now: u64) -> bool {
        self.paused && now <= self.buffer_end
    }
}

impl Vault {
    pub(crate) fn config(&self) -> Config {
        Config::decode(self.admin.config.get())
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
        ensure!(self.vm().msg_sender() == self.admin.authorizer.get(), SenderNotAllowed);
        Ok(())
    }

    pub(crate) fn do_initialize(
        &mut self,
        authorizer: Address,
        weth: Address,
        pause_window: U256,
        buffer_period: U256,
    ) -> Res<()> {
        ensure!(self.admin.authorizer.get().is_zero(), AlreadyInitialized);
        ensure!(!authorizer.is_zero(), ZeroAddress);
        ensure!(pause_window <= U256::from(MAX_PAUSE_WINDOW_DURATION), MaxPauseWindowDuration);
        ensure!(buffer_period <= U256::from(MAX_BUFFER_PERIOD_DURATION), MaxBufferPeriodDuration);
        // Both bounded above, so the additions cannot overflow u64.
        let pause_end = self.now() + pause_window.as_limbs()[0];
        let buffer_end = pause_end + buffer_period.as_limbs()[0];
        let cfg = Config { swap_fee: 0, flash_fee: 0, pause_end, buffer_end, paused: false };
        self.admin.config.set(cfg.encode());
        self.admin.authorizer.set(authorizer);
        self.admin.fee_recipient.set(authorizer);
        self.admin.weth.set(weth);
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
        self.admin.config.set(cfg.encode());
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
        self.admin.config.set(cfg.encode());
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
