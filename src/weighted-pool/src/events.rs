//! The pool's event logs, laid out by hand: topics (signature hash from alloy's `sol!`,
//! then the indexed arguments) followed by the data words, as the host's `emit_log` takes them.
//!
//! Why not the SDK's typed `log`: it runs alloy's event encoder and `unwrap`s its result,
//! and that panic path links `core::fmt` into every facet. Tested against alloy's encoder.

use alloc::vec::Vec;

use alloy_primitives::{Address, U256};
use alloy_sol_types::SolEvent;
use stylus_sdk::stylus_core::host::RawLogAccess;

use crate::codec::{address_word, u256_word};
use crate::contract::{Approval, PausedStateChanged, SwapFeePercentageChanged, Transfer};

/// One log: `topics` topic words, then the data words, all in `words`.
pub struct Log {
    words: Vec<u8>,
    topics: usize,
}

fn log(topics: usize, words: &[[u8; 32]]) -> Log {
    Log { words: words.concat(), topics }
}

pub fn transfer(from: Address, to: Address, value: U256) -> Log {
    log(3, &[Transfer::SIGNATURE_HASH.0, address_word(from), address_word(to), u256_word(value)])
}

pub fn approval(owner: Address, spender: Address, value: U256) -> Log {
    log(3, &[Approval::SIGNATURE_HASH.0, address_word(owner), address_word(spender), u256_word(value)])
}

pub fn swap_fee_percentage_changed(fee: U256) -> Log {
    log(1, &[SwapFeePercentageChanged::SIGNATURE_HASH.0, u256_word(fee)])
}

pub fn paused_state_changed(paused: bool) -> Log {
    log(1, &[PausedStateChanged::SIGNATURE_HASH.0, u256_word(U256::from(u8::from(paused)))])
}

pub fn emit(host: &impl RawLogAccess, log: Log) {
    host.emit_log(&log.words, log.topics);
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::LogData;

    fn alloy_layout(data: LogData) -> Log {
        let topics = data.topics().len();
        let mut words: Vec<u8> = data.topics().iter().flat_map(|t| t.0).collect();
        words.extend_from_slice(&data.data);
        Log { words, topics }
    }

    fn same(a: Log, b: Log) {
        assert_eq!(a.topics, b.topics);
        assert_eq!(a.words, b.words);
    }

    #[test]
    fn logs_match_alloy_encoding() {
        let (a, b, v) = (Address::repeat_byte(0x11), Address::repeat_byte(0x22), U256::from_be_bytes([0x33; 32]));
        same(transfer(a, b, v), alloy_layout(Transfer { from: a, to: b, value: v }.encode_log_data()));
        same(approval(a, b, v), alloy_layout(Approval { owner: a, spender: b, value: v }.encode_log_data()));
        same(
            swap_fee_percentage_changed(v),
            alloy_layout(SwapFeePercentageChanged { swapFeePercentage: v }.encode_log_data()),
        );
        for p in [false, true] {
            same(paused_state_changed(p), alloy_layout(PausedStateChanged { paused: p }.encode_log_data()));
        }
    }
}
