//! Relayer approvals.
//!
//! Acting for someone else (`sender != msg.sender` in swaps, joins, exits; `op.sender`
//! in `manageUserBalance`) requires that user's approval of `msg.sender`
//! (`RelayerNotApproved` otherwise). V2 additionally asks the authorizer whether the
//! relayer may perform the action; with a single-admin authorizer that check is
//! dropped: the user's own approval is the only gate. Approvals can only be changed
//! by the user itself (`SenderNotCaller`), never by a relayer, so a relayer can never
//! widen its own or another relayer's powers.

use alloy_primitives::{Address, U256};
use stylus_sdk::prelude::*;

use crate::errors::Res;
use crate::{ensure, events, lock, Vault};

impl Vault {
    /// Fails unless `msg.sender` is `user` or a relayer `user` approved.
    pub(crate) fn authenticate_for(&self, user: Address) -> Res<()> {
        let caller = self.vm().msg_sender();
        if user != caller {
            ensure!(!self.sload(crate::storage::relayer_key(user, caller)).is_zero(), RelayerNotApproved);
        }
        Ok(())
    }

    pub(crate) fn do_set_relayer_approval(&mut self, sender: Address, relayer: Address, approved: bool) -> Res<()> {
        lock::enter()?;
        ensure!(sender == self.vm().msg_sender(), SenderNotCaller);
        self.sstore(crate::storage::relayer_key(sender, relayer), U256::from(approved as u8));
        events::relayer_approval_changed(self.vm(), relayer, sender, approved);
        lock::exit();
        Ok(())
    }
}
