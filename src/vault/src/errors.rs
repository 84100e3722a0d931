//! Every way a Vault call can fail, as Solidity custom errors.
//!
//! Names follow Balancer V2's `BAL#` reasons where one exists (e.g. `SwapLimit` is
//! `SWAP_LIMIT`, `UnsortedTokens` is `UNSORTED_TOKENS`), so integrators can map them.
//! Most errors carry no arguments: each argument costs contract size.
//! A pool hook or flash-loan recipient that reverts has its revert data bubbled up
//! unchanged (as V2 does), so that pool errors reach the caller.

use alloc::{boxed::Box, vec::Vec};
use alloy_sol_types::sol;
use stylus_sdk::prelude::*;

sol! {
    /// A state-changing entry point was re-entered, or a pool-state view was read while
    /// an operation is half-way (read-only re-entrancy).
    error Reentrancy();
    /// `initialize` was already called.
    error AlreadyInitialized();
    /// Caller is not the authorizer (V2 `SENDER_NOT_ALLOWED`).
    error SenderNotAllowed();
    /// Zero address where an account is required.
    error ZeroAddress();
    /// Swaps, joins, flash loans, deposits and registration are paused.
    error Paused();
    error PauseWindowExpired();
    error BufferPeriodExpired();
    error MaxPauseWindowDuration();
    error MaxBufferPeriodDuration();
    error SwapFeePercentageTooHigh();
    error FlashLoanFeePercentageTooHigh();
    /// `sender` has not approved `msg.sender` as a relayer (V2 `USER_DOESNT_ALLOW_RELAYER`).
    error RelayerNotApproved();
    /// Only `sender` itself may change its relayer approvals.
    error SenderNotCaller();
    /// Pool id not registered, or its specialization is not supported.
    error InvalidPoolId();
    /// GENERAL (0) pools are not supported; use MINIMAL_SWAP_INFO (1) or TWO_TOKEN (2).
    error UnsupportedSpecialization();
    /// Only the pool itself may (de)register its tokens.
    error CallerNotPool();
    error InputLengthMismatch();
    error InvalidToken();
    error UnsortedTokens();
    error TokenAlreadyRegistered();
    error TokenNotRegistered();
    error TokensAlreadySet();
    error TokensLengthMustBe2();
    error TooManyTokens();
    /// Asset managers are not supported: every asset manager must be address(0).
    error AssetManagersUnsupported();
    error NonZeroTokenBalance();
    /// Join/exit `assets` differ from the pool's registered tokens (V2 `TOKENS_MISMATCH`).
    error TokensMismatch();
    error CannotSwapSameToken();
    error UnknownAmountInFirstSwap();
    error MalconstructedMultihopSwap();
    error OutOfBounds();
    error SwapLimit();
    error SwapDeadline();
    error InvalidSwapKind();
    error InvalidOpKind();
    /// A pool balance would exceed 2^112 - 1 (balances are packed in 112 bits).
    error BalanceTooLarge();
    /// The pool asked for more of a token than it holds.
    error InsufficientPoolBalance();
    error JoinAboveMax();
    error ExitBelowMin();
    error InsufficientInternalBalance();
    /// The pool hook returned malformed data.
    error InvalidPoolResponse();
    /// An ERC-20 call reverted, returned `false`, returned malformed data, or the
    /// token has no code (SafeERC20 semantics).
    error TokenCallFailed(address token);
    /// Native ETH (asset address(0)) is not supported by this Vault.
    error EthNotSupported();
    error InsufficientFlashLoanBalance();
    /// The Vault holds less of a token after the loan than before (loan not repaid, or
    /// a fee-on-transfer / rebasing token).
    error InvalidPostLoanBalance();
    error InsufficientFlashLoanFeeAmount();
    error ArithmeticOverflow();
    /// Calldata that is not a valid ABI encoding of the called function's arguments.
    error MalformedCalldata();
    /// The selector matches no Vault function (plain ETH transfers are refused too).
    error UnknownFunction();
}

/// The Vault's typed errors; `SolidityError` encodes each as selector + arguments.
#[derive(SolidityError)]
pub enum VaultError {
    Reentrancy(Reentrancy),
    AlreadyInitialized(AlreadyInitialized),
    SenderNotAllowed(SenderNotAllowed),
    ZeroAddress(ZeroAddress),
    Paused(Paused),
    PauseWindowExpired(PauseWindowExpired),
    BufferPeriodExpired(BufferPeriodExpired),
    MaxPauseWindowDuration(MaxPauseWindowDuration),
    MaxBufferPeriodDuration(MaxBufferPeriodDuration),
    SwapFeePercentageTooHigh(SwapFeePercentageTooHigh),
    FlashLoanFeePercentageTooHigh(FlashLoanFeePercentageTooHigh),
    RelayerNotApproved(RelayerNotApproved),
    SenderNotCaller(SenderNotCaller),
    InvalidPoolId(InvalidPoolId),
    UnsupportedSpecialization(UnsupportedSpecialization),
    CallerNotPool(CallerNotPool),
    InputLengthMismatch(InputLengthMismatch),
    InvalidToken(InvalidToken),
    UnsortedTokens(UnsortedTokens),
    TokenAlreadyRegistered(TokenAlreadyRegistered),
    TokenNotRegistered(TokenNotRegistered),
    TokensAlreadySet(TokensAlreadySet),
    TokensLengthMustBe2(TokensLengthMustBe2),
    TooManyTokens(TooManyTokens),
    AssetManagersUnsupported(AssetManagersUnsupported),
    NonZeroTokenBalance(NonZeroTokenBalance),
    TokensMismatch(TokensMismatch),
    CannotSwapSameToken(CannotSwapSameToken),
    UnknownAmountInFirstSwap(UnknownAmountInFirstSwap),
    MalconstructedMultihopSwap(MalconstructedMultihopSwap),
    OutOfBounds(OutOfBounds),
    SwapLimit(SwapLimit),
    SwapDeadline(SwapDeadline),
    InvalidSwapKind(InvalidSwapKind),
    InvalidOpKind(InvalidOpKind),
    BalanceTooLarge(BalanceTooLarge),
    InsufficientPoolBalance(InsufficientPoolBalance),
    JoinAboveMax(JoinAboveMax),
    ExitBelowMin(ExitBelowMin),
    InsufficientInternalBalance(InsufficientInternalBalance),
    InvalidPoolResponse(InvalidPoolResponse),
    TokenCallFailed(TokenCallFailed),
    EthNotSupported(EthNotSupported),
    InsufficientFlashLoanBalance(InsufficientFlashLoanBalance),
    InvalidPostLoanBalance(InvalidPostLoanBalance),
    InsufficientFlashLoanFeeAmount(InsufficientFlashLoanFeeAmount),
    ArithmeticOverflow(ArithmeticOverflow),
    MalformedCalldata(MalformedCalldata),
    UnknownFunction(UnknownFunction),
}

/// Revert data: ABI-encoded, either a [`VaultError`] or the bubbled revert data of a
/// pool / flash-loan recipient. Boxed so that a `Result` carries one pointer: every
/// `?` in the contract then moves one word instead of three (measurably smaller wasm).
pub struct Revert(pub Box<Vec<u8>>);

impl From<Vec<u8>> for Revert {
    fn from(data: Vec<u8>) -> Self {
        Self(Box::new(data))
    }
}

impl From<Revert> for Vec<u8> {
    fn from(r: Revert) -> Self {
        *r.0
    }
}

impl core::fmt::Debug for Revert {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Revert(0x{})", alloy_primitives::hex::encode(&*self.0))
    }
}

/// The exported ABI lists every [`VaultError`] for functions returning [`Res`].
#[cfg(feature = "export-abi")]
impl stylus_sdk::abi::export::internal::InnerTypes for Revert {
    fn inner_types() -> Vec<stylus_sdk::abi::export::internal::InnerType> {
        <VaultError as stylus_sdk::abi::export::internal::InnerTypes>::inner_types()
    }
}

/// Result of every Vault operation.
pub type Res<T> = Result<T, Revert>;

/// Revert data of an argument-less error: just its selector. One shared,
/// non-inlined function instead of the per-variant encoders `SolidityError` generates
/// (those cost ~4.5 KB of wasm); a unit test checks both give the same bytes.
#[inline(never)]
pub fn revert(selector: [u8; 4]) -> Revert {
    Revert::from(selector.to_vec())
}

/// `TokenCallFailed(token)`.
pub fn token_call_failed(token: alloy_primitives::Address) -> Revert {
    let mut out = <TokenCallFailed as alloy_sol_types::SolError>::SELECTOR.to_vec();
    out.extend_from_slice(&crate::codec::address_to_word(token));
    Revert::from(out)
}

/// `err!(Name)` builds the revert data of the argument-less error `Name`.
#[macro_export]
macro_rules! err {
    ($name:ident) => {
        $crate::errors::revert(<$crate::errors::$name as alloy_sol_types::SolError>::SELECTOR)
    };
}

/// `bail!(Name)` returns early with the argument-less error `Name`.
#[macro_export]
macro_rules! bail {
    ($name:ident) => {
        return Err($crate::err!($name))
    };
}

/// `ensure!(cond, Name)` fails with `Name` unless `cond` holds.
#[macro_export]
macro_rules! ensure {
    ($cond:expr, $name:ident) => {
        if !$cond {
            $crate::bail!($name);
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::Address;

    #[test]
    fn lean_encoding_matches_derive() {
        let bytes = |r: Revert| Vec::<u8>::from(r);
        assert_eq!(bytes(crate::err!(Reentrancy)), Vec::<u8>::from(VaultError::Reentrancy(Reentrancy {})));
        assert_eq!(bytes(crate::err!(SwapLimit)), Vec::<u8>::from(VaultError::SwapLimit(SwapLimit {})));
        let token = Address::repeat_byte(7);
        assert_eq!(bytes(token_call_failed(token)), Vec::<u8>::from(VaultError::TokenCallFailed(TokenCallFailed { token })));
    }
}
