//! Decoding of join/exit `userData`, byte-compatible with Balancer V2's
//! `WeightedPoolUserData` (`abi.encode(kind, ...)`, kind as a uint256 word).

use alloc::vec::Vec;

use alloy_primitives::U256;

use crate::codec::{Dec, Reader};
use crate::errors::{MalformedUserData, PoolError, UnhandledExitKind, UnhandledJoinKind};

pub const JOIN_INIT: u8 = 0;
pub const JOIN_EXACT_TOKENS_IN_FOR_BPT_OUT: u8 = 1;
pub const JOIN_TOKEN_IN_FOR_EXACT_BPT_OUT: u8 = 2;
pub const JOIN_ALL_TOKENS_IN_FOR_EXACT_BPT_OUT: u8 = 3;

pub const EXIT_EXACT_BPT_IN_FOR_ONE_TOKEN_OUT: u8 = 0;
pub const EXIT_EXACT_BPT_IN_FOR_TOKENS_OUT: u8 = 1;
pub const EXIT_BPT_IN_FOR_EXACT_TOKENS_OUT: u8 = 2;
/// V2's recovery-mode exit kind.
pub const EXIT_RECOVERY: u8 = 255;

#[derive(Debug, PartialEq, Eq)]
pub enum JoinRequest {
    /// `(0, uint256[] amountsIn)`
    Init { amounts_in: Vec<U256> },
    /// `(1, uint256[] amountsIn, uint256 minBPTAmountOut)`
    ExactTokensInForBptOut { amounts_in: Vec<U256>, min_bpt_out: U256 },
    /// `(2, uint256 bptAmountOut, uint256 enterTokenIndex)`
    TokenInForExactBptOut { bpt_out: U256, token_index: U256 },
    /// `(3, uint256 bptAmountOut)`
    AllTokensInForExactBptOut { bpt_out: U256 },
}

#[derive(Debug, PartialEq, Eq)]
pub enum ExitRequest {
    /// `(0, uint256 bptAmountIn, uint256 exitTokenIndex)`
    ExactBptInForOneTokenOut { bpt_in: U256, token_index: U256 },
    /// `(1, uint256 bptAmountIn)`
    ExactBptInForTokensOut { bpt_in: U256 },
    /// `(2, uint256[] amountsOut, uint256 maxBPTAmountIn)`
    BptInForExactTokensOut { amounts_out: Vec<U256>, max_bpt_in: U256 },
    /// `(255, uint256 bptAmountIn)`
    Recovery { bpt_in: U256 },
}

fn malformed() -> PoolError {
    PoolError::MalformedUserData(MalformedUserData {})
}

fn decoded<T>(d: Dec<T>) -> Result<T, PoolError> {
    d.map_err(|_| malformed())
}

pub fn decode_join(data: &[u8]) -> Result<JoinRequest, PoolError> {
    let r = Reader::new(data);
    let kind = decoded(r.uint(0))?;
    let unhandled = || PoolError::UnhandledJoinKind(UnhandledJoinKind { kind });
    let small: u8 = kind.try_into().map_err(|_| unhandled())?;
    decoded(match small {
        JOIN_INIT => r.uints(1).map(|amounts_in| JoinRequest::Init { amounts_in }),
        JOIN_EXACT_TOKENS_IN_FOR_BPT_OUT => r.uints(1).and_then(|amounts_in| {
            Ok(JoinRequest::ExactTokensInForBptOut { amounts_in, min_bpt_out: r.uint(2)? })
        }),
        JOIN_TOKEN_IN_FOR_EXACT_BPT_OUT => r
            .uint(1)
            .and_then(|bpt_out| Ok(JoinRequest::TokenInForExactBptOut { bpt_out, token_index: r.uint(2)? })),
        JOIN_ALL_TOKENS_IN_FOR_EXACT_BPT_OUT => r.uint(1).map(|bpt_out| JoinRequest::AllTokensInForExactBptOut { bpt_out }),
        _ => return Err(unhandled()),
    })
}

pub fn decode_exit(data: &[u8]) -> Result<ExitRequest, PoolError> {
    let r = Reader::new(data);
    let kind = decoded(r.uint(0))?;
    let unhandled = || PoolError::UnhandledExitKind(UnhandledExitKind { kind });
    let small: u8 = kind.try_into().map_err(|_| unhandled())?;
    decoded(match small {
        EXIT_EXACT_BPT_IN_FOR_ONE_TOKEN_OUT => r
            .uint(1)
            .and_then(|bpt_in| Ok(ExitRequest::ExactBptInForOneTokenOut { bpt_in, token_index: r.uint(2)? })),
        EXIT_EXACT_BPT_IN_FOR_TOKENS_OUT => r.uint(1).map(|bpt_in| ExitRequest::ExactBptInForTokensOut { bpt_in }),
        EXIT_BPT_IN_FOR_EXACT_TOKENS_OUT => r.uints(1).and_then(|amounts_out| {
            Ok(ExitRequest::BptInForExactTokensOut { amounts_out, max_bpt_in: r.uint(2)? })
        }),
        EXIT_RECOVERY => r.uint(1).map(|bpt_in| ExitRequest::Recovery { bpt_in }),
        _ => return Err(unhandled()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;
    use alloy_sol_types::{sol_data, SolType};

    type Word = sol_data::Uint<256>;
    type Words = sol_data::Array<sol_data::Uint<256>>;

    fn u(x: u64) -> U256 {
        U256::from(x)
    }

    #[test]
    fn decodes_every_join_kind_as_v2_encodes_it() {
        let amounts = vec![u(5), u(7)];
        let init = <(Word, Words)>::abi_encode_params(&(u(0), amounts.clone()));
        assert_eq!(decode_join(&init).unwrap(), JoinRequest::Init { amounts_in: amounts.clone() });
        let exact = <(Word, Words, Word)>::abi_encode_params(&(u(1), amounts.clone(), u(9)));
        assert_eq!(
            decode_join(&exact).unwrap(),
            JoinRequest::ExactTokensInForBptOut { amounts_in: amounts, min_bpt_out: u(9) }
        );
        let single = <(Word, Word, Word)>::abi_encode_params(&(u(2), u(100), u(1)));
        assert_eq!(
            decode_join(&single).unwrap(),
            JoinRequest::TokenInForExactBptOut { bpt_out: u(100), token_index: u(1) }
        );
        let all = <(Word, Word)>::abi_encode_params(&(u(3), u(100)));
        assert_eq!(decode_join(&all).unwrap(), JoinRequest::AllTokensInForExactBptOut { bpt_out: u(100) });
    }

    #[test]
    fn decodes_every_exit_kind_as_v2_encodes_it() {
        let one = <(Word, Word, Word)>::abi_encode_params(&(u(0), u(10), u(2)));
        assert_eq!(
            decode_exit(&one).unwrap(),
            ExitRequest::ExactBptInForOneTokenOut { bpt_in: u(10), token_index: u(2) }
        );
        let prop = <(Word, Word)>::abi_encode_params(&(u(1), u(10)));
        assert_eq!(decode_exit(&prop).unwrap(), ExitRequest::ExactBptInForTokensOut { bpt_in: u(10) });
        let exact = <(Word, Words, Word)>::abi_encode_params(&(u(2), vec![u(1), u(2), u(3)], u(50)));
        assert_eq!(
            decode_exit(&exact).unwrap(),
            ExitRequest::BptInForExactTokensOut { amounts_out: vec![u(1), u(2), u(3)], max_bpt_in: u(50) }
        );
        let rec = <(Word, Word)>::abi_encode_params(&(u(255), u(10)));
        assert_eq!(decode_exit(&rec).unwrap(), ExitRequest::Recovery { bpt_in: u(10) });
    }

    #[test]
    fn rejects_unknown_kinds_and_short_data() {
        let bad = <(Word, Word)>::abi_encode_params(&(u(4), u(1)));
        assert!(matches!(decode_join(&bad), Err(PoolError::UnhandledJoinKind(_))));
        let huge = <(Word, Word)>::abi_encode_params(&(U256::MAX, u(1)));
        assert!(matches!(decode_exit(&huge), Err(PoolError::UnhandledExitKind(_))));
        assert!(matches!(decode_join(&[]), Err(PoolError::MalformedUserData(_))));
        // Kind 1 without its arguments.
        let short = <(Word,)>::abi_encode_params(&(u(1),));
        assert!(matches!(decode_join(&short), Err(PoolError::MalformedUserData(_))));
        let exit_short = <(Word,)>::abi_encode_params(&(u(0),));
        assert!(matches!(decode_exit(&exit_short), Err(PoolError::MalformedUserData(_))));
    }
}
