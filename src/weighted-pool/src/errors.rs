//! Every way a pool call can fail, as Solidity custom errors.
//!
//! ERC-20 / EIP-2612 / ECDSA failures use OpenZeppelin 5's names and arguments so
//! wallets and decoders already know them; pool failures are named after what went wrong.

use alloc::vec::Vec;

use alloy_primitives::{Address, FixedBytes};
use alloy_sol_types::{sol, SolError};
#[cfg(feature = "export-abi")]
use stylus_sdk::prelude::*;

use crate::codec::{address_word, encode_bytes, u256_word, usize_word};

sol! {
    #![sol(all_derives)]
    // --- ERC-20 (OpenZeppelin IERC6093 names) ---
    error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed);
    error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
    error ERC20InvalidReceiver(address receiver);
    error ERC20InvalidSender(address sender);
    error ERC20InvalidSpender(address spender);
    // --- EIP-2612 permit / ECDSA (OpenZeppelin names) ---
    error ERC2612ExpiredSignature(uint256 deadline);
    error ERC2612InvalidSigner(address signer, address owner);
    error ECDSAInvalidSignature();
    error ECDSAInvalidSignatureS(bytes32 s);

    // --- lifecycle and access ---
    /// `initialize` was already called on this pool (clone).
    error AlreadyInitialized();
    /// A hook was called by someone other than the Vault the pool registered with.
    error CallerNotVault(address caller);
    /// An owner-only function was called by someone else.
    error CallerNotOwner(address caller);
    /// The hook's poolId is not this pool's.
    error InvalidPoolId(bytes32 poolId);
    /// Swaps, joins and non-proportional exits are disabled while paused.
    error PoolPaused();
    /// The recovery exit (kind 255) is the emergency path: only while paused.
    error PoolNotPaused();

    // --- initialize validation ---
    error TokenCountOutOfRange(uint256 count, uint256 min, uint256 max);
    error InputLengthMismatch(uint256 expected, uint256 actual);
    error ZeroAddressToken(uint256 index);
    /// Tokens must be strictly ascending (which also rules out duplicates), as V2 requires.
    error TokensNotSorted(uint256 index);
    error DuplicateToken(address token);
    error MinWeight(uint256 index, uint256 weight);
    error NormalizedWeightInvariant(uint256 sum);
    error SwapFeeOutOfBounds(uint256 swapFeePercentage, uint256 min, uint256 max);
    error TokenDecimalsTooHigh(address token, uint256 decimals);
    error ZeroAddressVault();
    error ZeroAddressOwner();
    /// A call to the Vault or a token failed; `reason` is the callee's revert data.
    error ExternalCallFailed(address target, bytes reason);
    /// A callee answered with data that does not decode as its ABI promises.
    error MalformedReturnData(address target);

    // --- swaps ---
    error UnknownToken(address token);
    error SameToken(address token);

    // --- joins / exits ---
    error MalformedUserData();
    error UnhandledJoinKind(uint256 kind);
    error UnhandledExitKind(uint256 kind);
    /// Only INIT is possible before the first join; INIT is impossible after it.
    error PoolNotFunded();
    error PoolAlreadyFunded();
    error BelowMinimumBpt(uint256 bptAmountOut, uint256 minimum);
    error BptOutMinAmount(uint256 bptAmountOut, uint256 minBptAmountOut);
    error BptInMaxAmount(uint256 bptAmountIn, uint256 maxBptAmountIn);
    error TokenIndexOutOfBounds(uint256 index, uint256 numTokens);
    error InvalidProtocolSwapFee(uint256 protocolSwapFeePercentage);

    // --- math ---
    /// Amount in above 30% of the balance in.
    error MaxInRatio();
    /// Amount out above 30% of the balance out.
    error MaxOutRatio();
    /// Single-token exit would shrink the invariant below 0.7x.
    error MinInvariantRatio();
    /// Single-token join would grow the invariant above 3x.
    error MaxInvariantRatio();
    /// Any other math failure (overflow, division by zero, pow domain); `code` names it.
    error MathFailure(uint8 code);
    /// Calldata does not decode as the function's ABI.
    error MalformedCalldata();
    /// No pool function accepts ETH.
    error NonPayable();
    /// No function has this selector.
    error UnknownSelector(bytes4 selector);
    /// Checked pool-side arithmetic (scaling, supply, balances) overflowed.
    error ArithmeticOverflow();
}

/// `ExternalCallFailed(target, reason)` as the deployed pool carries it: the callee's
/// revert data in a plain `Vec`. alloy's `Bytes` (the `sol!` type's field) would link the
/// `bytes` crate's shared-buffer code and its panic strings into every facet that calls
/// out: ~400 B of data segment, which Stylus charges (0.75 gas/byte) on every call of the
/// facet. export-abi keeps the `sol!` type (the derive needs it); the revert data is the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallFailed {
    pub target: Address,
    pub reason: Vec<u8>,
}

#[cfg(not(feature = "export-abi"))]
pub type CallFailure = CallFailed;
#[cfg(feature = "export-abi")]
pub type CallFailure = ExternalCallFailed;

/// Every revert of the pool. The revert data is built by [`PoolError::revert_data`]
/// (hand-laid words, tested against alloy's encoder), not by `#[derive(SolidityError)]`,
/// whose per-error alloy encoders cost ~8 KB of wasm; the derive is kept for export-abi.
#[cfg_attr(feature = "export-abi", derive(SolidityError))]
#[derive(Debug)]
pub enum PoolError {
    ERC20InsufficientBalance(ERC20InsufficientBalance),
    ERC20InsufficientAllowance(ERC20InsufficientAllowance),
    ERC20InvalidReceiver(ERC20InvalidReceiver),
    ERC20InvalidSender(ERC20InvalidSender),
    ERC20InvalidSpender(ERC20InvalidSpender),
    ERC2612ExpiredSignature(ERC2612ExpiredSignature),
    ERC2612InvalidSigner(ERC2612InvalidSigner),
    ECDSAInvalidSignature(ECDSAInvalidSignature),
    ECDSAInvalidSignatureS(ECDSAInvalidSignatureS),
    AlreadyInitialized(AlreadyInitialized),
    CallerNotVault(CallerNotVault),
    CallerNotOwner(CallerNotOwner),
    InvalidPoolId(InvalidPoolId),
    PoolPaused(PoolPaused),
    PoolNotPaused(PoolNotPaused),
    TokenCountOutOfRange(TokenCountOutOfRange),
    InputLengthMismatch(InputLengthMismatch),
    ZeroAddressToken(ZeroAddressToken),
    TokensNotSorted(TokensNotSorted),
    DuplicateToken(DuplicateToken),
    MinWeight(MinWeight),
    NormalizedWeightInvariant(NormalizedWeightInvariant),
    SwapFeeOutOfBounds(SwapFeeOutOfBounds),
    TokenDecimalsTooHigh(TokenDecimalsTooHigh),
    ZeroAddressVault(ZeroAddressVault),
    ZeroAddressOwner(ZeroAddressOwner),
    ExternalCallFailed(CallFailure),
    MalformedReturnData(MalformedReturnData),
    UnknownToken(UnknownToken),
    SameToken(SameToken),
    MalformedUserData(MalformedUserData),
    UnhandledJoinKind(UnhandledJoinKind),
    UnhandledExitKind(UnhandledExitKind),
    PoolNotFunded(PoolNotFunded),
    PoolAlreadyFunded(PoolAlreadyFunded),
    BelowMinimumBpt(BelowMinimumBpt),
    BptOutMinAmount(BptOutMinAmount),
    BptInMaxAmount(BptInMaxAmount),
    TokenIndexOutOfBounds(TokenIndexOutOfBounds),
    InvalidProtocolSwapFee(InvalidProtocolSwapFee),
    MaxInRatio(MaxInRatio),
    MaxOutRatio(MaxOutRatio),
    MinInvariantRatio(MinInvariantRatio),
    MaxInvariantRatio(MaxInvariantRatio),
    MathFailure(MathFailure),
    MalformedCalldata(MalformedCalldata),
    NonPayable(NonPayable),
    UnknownSelector(UnknownSelector),
    ArithmeticOverflow(ArithmeticOverflow),
}

/// `selector ++ words`: the ABI encoding of an error whose arguments are all static.
fn static_error(selector: [u8; 4], words: &[[u8; 32]]) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + 32 * words.len());
    out.extend_from_slice(&selector);
    for w in words {
        out.extend_from_slice(w);
    }
    out
}

/// `selector ++ (address, bytes)`: head word, offset of the tail (two head words), tail.
fn with_bytes(selector: [u8; 4], head: [u8; 32], data: &[u8]) -> Vec<u8> {
    let mut out = static_error(selector, &[head, usize_word(64)]);
    // `encode_bytes` is the lone-`bytes` tuple: its offset word (32), then length + data.
    out.extend(encode_bytes(data).into_iter().skip(32));
    out
}

/// A `bytes4` argument: left-aligned, zero-padded.
fn selector_word(s: FixedBytes<4>) -> [u8; 32] {
    let mut w = [0u8; 32];
    for (d, b) in w.iter_mut().zip(s.0) {
        *d = b;
    }
    w
}

impl PoolError {
    /// The Solidity custom-error encoding (selector from alloy's `sol!`, then the ABI words).
    pub fn revert_data(&self) -> Vec<u8> {
        use PoolError as P;
        match self {
            P::ERC20InsufficientBalance(e) => static_error(ERC20InsufficientBalance::SELECTOR, &[address_word(e.sender), u256_word(e.balance), u256_word(e.needed)]),
            P::ERC20InsufficientAllowance(e) => static_error(ERC20InsufficientAllowance::SELECTOR, &[address_word(e.spender), u256_word(e.allowance), u256_word(e.needed)]),
            P::ERC20InvalidReceiver(e) => static_error(ERC20InvalidReceiver::SELECTOR, &[address_word(e.receiver)]),
            P::ERC20InvalidSender(e) => static_error(ERC20InvalidSender::SELECTOR, &[address_word(e.sender)]),
            P::ERC20InvalidSpender(e) => static_error(ERC20InvalidSpender::SELECTOR, &[address_word(e.spender)]),
            P::ERC2612ExpiredSignature(e) => static_error(ERC2612ExpiredSignature::SELECTOR, &[u256_word(e.deadline)]),
            P::ERC2612InvalidSigner(e) => static_error(ERC2612InvalidSigner::SELECTOR, &[address_word(e.signer), address_word(e.owner)]),
            P::ECDSAInvalidSignature(_) => static_error(ECDSAInvalidSignature::SELECTOR, &[]),
            P::ECDSAInvalidSignatureS(e) => static_error(ECDSAInvalidSignatureS::SELECTOR, &[e.s.0]),
            P::AlreadyInitialized(_) => static_error(AlreadyInitialized::SELECTOR, &[]),
            P::CallerNotVault(e) => static_error(CallerNotVault::SELECTOR, &[address_word(e.caller)]),
            P::CallerNotOwner(e) => static_error(CallerNotOwner::SELECTOR, &[address_word(e.caller)]),
            P::InvalidPoolId(e) => static_error(InvalidPoolId::SELECTOR, &[e.poolId.0]),
            P::PoolPaused(_) => static_error(PoolPaused::SELECTOR, &[]),
            P::PoolNotPaused(_) => static_error(PoolNotPaused::SELECTOR, &[]),
            P::TokenCountOutOfRange(e) => static_error(TokenCountOutOfRange::SELECTOR, &[u256_word(e.count), u256_word(e.min), u256_word(e.max)]),
            P::InputLengthMismatch(e) => static_error(InputLengthMismatch::SELECTOR, &[u256_word(e.expected), u256_word(e.actual)]),
            P::ZeroAddressToken(e) => static_error(ZeroAddressToken::SELECTOR, &[u256_word(e.index)]),
            P::TokensNotSorted(e) => static_error(TokensNotSorted::SELECTOR, &[u256_word(e.index)]),
            P::DuplicateToken(e) => static_error(DuplicateToken::SELECTOR, &[address_word(e.token)]),
            P::MinWeight(e) => static_error(MinWeight::SELECTOR, &[u256_word(e.index), u256_word(e.weight)]),
            P::NormalizedWeightInvariant(e) => static_error(NormalizedWeightInvariant::SELECTOR, &[u256_word(e.sum)]),
            P::SwapFeeOutOfBounds(e) => static_error(SwapFeeOutOfBounds::SELECTOR, &[u256_word(e.swapFeePercentage), u256_word(e.min), u256_word(e.max)]),
            P::TokenDecimalsTooHigh(e) => static_error(TokenDecimalsTooHigh::SELECTOR, &[address_word(e.token), u256_word(e.decimals)]),
            P::ZeroAddressVault(_) => static_error(ZeroAddressVault::SELECTOR, &[]),
            P::ZeroAddressOwner(_) => static_error(ZeroAddressOwner::SELECTOR, &[]),
            P::ExternalCallFailed(e) => with_bytes(ExternalCallFailed::SELECTOR, address_word(e.target), &e.reason),
            P::MalformedReturnData(e) => static_error(MalformedReturnData::SELECTOR, &[address_word(e.target)]),
            P::UnknownToken(e) => static_error(UnknownToken::SELECTOR, &[address_word(e.token)]),
            P::SameToken(e) => static_error(SameToken::SELECTOR, &[address_word(e.token)]),
            P::MalformedUserData(_) => static_error(MalformedUserData::SELECTOR, &[]),
            P::UnhandledJoinKind(e) => static_error(UnhandledJoinKind::SELECTOR, &[u256_word(e.kind)]),
            P::UnhandledExitKind(e) => static_error(UnhandledExitKind::SELECTOR, &[u256_word(e.kind)]),
            P::PoolNotFunded(_) => static_error(PoolNotFunded::SELECTOR, &[]),
            P::PoolAlreadyFunded(_) => static_error(PoolAlreadyFunded::SELECTOR, &[]),
            P::BelowMinimumBpt(e) => static_error(BelowMinimumBpt::SELECTOR, &[u256_word(e.bptAmountOut), u256_word(e.minimum)]),
            P::BptOutMinAmount(e) => static_error(BptOutMinAmount::SELECTOR, &[u256_word(e.bptAmountOut), u256_word(e.minBptAmountOut)]),
            P::BptInMaxAmount(e) => static_error(BptInMaxAmount::SELECTOR, &[u256_word(e.bptAmountIn), u256_word(e.maxBptAmountIn)]),
            P::TokenIndexOutOfBounds(e) => static_error(TokenIndexOutOfBounds::SELECTOR, &[u256_word(e.index), u256_word(e.numTokens)]),
            P::InvalidProtocolSwapFee(e) => static_error(InvalidProtocolSwapFee::SELECTOR, &[u256_word(e.protocolSwapFeePercentage)]),
            P::MaxInRatio(_) => static_error(MaxInRatio::SELECTOR, &[]),
            P::MaxOutRatio(_) => static_error(MaxOutRatio::SELECTOR, &[]),
            P::MinInvariantRatio(_) => static_error(MinInvariantRatio::SELECTOR, &[]),
            P::MaxInvariantRatio(_) => static_error(MaxInvariantRatio::SELECTOR, &[]),
            P::MathFailure(e) => static_error(MathFailure::SELECTOR, &[usize_word(usize::from(e.code))]),
            P::MalformedCalldata(_) => static_error(MalformedCalldata::SELECTOR, &[]),
            P::NonPayable(_) => static_error(NonPayable::SELECTOR, &[]),
            P::UnknownSelector(e) => static_error(UnknownSelector::SELECTOR, &[selector_word(e.selector)]),
            P::ArithmeticOverflow(_) => static_error(ArithmeticOverflow::SELECTOR, &[]),
        }
    }
}

#[cfg(not(feature = "export-abi"))]
impl From<PoolError> for Vec<u8> {
    fn from(e: PoolError) -> Vec<u8> {
        e.revert_data()
    }
}

/// Shorthand for the overflow error used by every checked operation.
pub fn overflow() -> PoolError {
    PoolError::ArithmeticOverflow(ArithmeticOverflow {})
}

/// The four Balancer protocol rules keep their own error; the rest carry the math
/// crate's stable code (`MathError::code`).
impl From<weighted_math::MathError> for PoolError {
    fn from(e: weighted_math::MathError) -> Self {
        use weighted_math::MathError as M;
        match e {
            M::MaxInRatio => PoolError::MaxInRatio(MaxInRatio {}),
            M::MaxOutRatio => PoolError::MaxOutRatio(MaxOutRatio {}),
            M::MinInvariantRatio => PoolError::MinInvariantRatio(MinInvariantRatio {}),
            M::MaxInvariantRatio => PoolError::MaxInvariantRatio(MaxInvariantRatio {}),
            other => PoolError::MathFailure(MathFailure { code: other.code() }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::{Address, Bytes, B256, U256};

    /// What alloy's encoder (and the SDK derive) produce for the same error.
    fn alloy_encoding(e: &PoolError) -> Vec<u8> {
        use PoolError as P;
        match e {
            P::ERC20InsufficientBalance(e) => e.abi_encode(),
            P::ERC20InsufficientAllowance(e) => e.abi_encode(),
            P::ERC20InvalidReceiver(e) => e.abi_encode(),
            P::ERC20InvalidSender(e) => e.abi_encode(),
            P::ERC20InvalidSpender(e) => e.abi_encode(),
            P::ERC2612ExpiredSignature(e) => e.abi_encode(),
            P::ERC2612InvalidSigner(e) => e.abi_encode(),
            P::ECDSAInvalidSignature(e) => e.abi_encode(),
            P::ECDSAInvalidSignatureS(e) => e.abi_encode(),
            P::AlreadyInitialized(e) => e.abi_encode(),
            P::CallerNotVault(e) => e.abi_encode(),
            P::CallerNotOwner(e) => e.abi_encode(),
            P::InvalidPoolId(e) => e.abi_encode(),
            P::PoolPaused(e) => e.abi_encode(),
            P::PoolNotPaused(e) => e.abi_encode(),
            P::TokenCountOutOfRange(e) => e.abi_encode(),
            P::InputLengthMismatch(e) => e.abi_encode(),
            P::ZeroAddressToken(e) => e.abi_encode(),
            P::TokensNotSorted(e) => e.abi_encode(),
            P::DuplicateToken(e) => e.abi_encode(),
            P::MinWeight(e) => e.abi_encode(),
            P::NormalizedWeightInvariant(e) => e.abi_encode(),
            P::SwapFeeOutOfBounds(e) => e.abi_encode(),
            P::TokenDecimalsTooHigh(e) => e.abi_encode(),
            P::ZeroAddressVault(e) => e.abi_encode(),
            P::ZeroAddressOwner(e) => e.abi_encode(),
            P::ExternalCallFailed(e) => ExternalCallFailed { target: e.target, reason: Bytes::from(e.reason.to_vec()) }.abi_encode(),
            P::MalformedReturnData(e) => e.abi_encode(),
            P::UnknownToken(e) => e.abi_encode(),
            P::SameToken(e) => e.abi_encode(),
            P::MalformedUserData(e) => e.abi_encode(),
            P::UnhandledJoinKind(e) => e.abi_encode(),
            P::UnhandledExitKind(e) => e.abi_encode(),
            P::PoolNotFunded(e) => e.abi_encode(),
            P::PoolAlreadyFunded(e) => e.abi_encode(),
            P::BelowMinimumBpt(e) => e.abi_encode(),
            P::BptOutMinAmount(e) => e.abi_encode(),
            P::BptInMaxAmount(e) => e.abi_encode(),
            P::TokenIndexOutOfBounds(e) => e.abi_encode(),
            P::InvalidProtocolSwapFee(e) => e.abi_encode(),
            P::MaxInRatio(e) => e.abi_encode(),
            P::MaxOutRatio(e) => e.abi_encode(),
            P::MinInvariantRatio(e) => e.abi_encode(),
            P::MaxInvariantRatio(e) => e.abi_encode(),
            P::MathFailure(e) => e.abi_encode(),
            P::MalformedCalldata(e) => e.abi_encode(),
            P::NonPayable(e) => e.abi_encode(),
            P::UnknownSelector(e) => e.abi_encode(),
            P::ArithmeticOverflow(e) => e.abi_encode(),
        }
    }

    fn every_error() -> Vec<PoolError> {
        vec![
            PoolError::ERC20InsufficientBalance(ERC20InsufficientBalance { sender: Address::repeat_byte(2), balance: U256::from_be_bytes([3; 32]), needed: U256::from_be_bytes([4; 32]) }),
            PoolError::ERC20InsufficientAllowance(ERC20InsufficientAllowance { spender: Address::repeat_byte(5), allowance: U256::from_be_bytes([6; 32]), needed: U256::from_be_bytes([7; 32]) }),
            PoolError::ERC20InvalidReceiver(ERC20InvalidReceiver { receiver: Address::repeat_byte(8) }),
            PoolError::ERC20InvalidSender(ERC20InvalidSender { sender: Address::repeat_byte(9) }),
            PoolError::ERC20InvalidSpender(ERC20InvalidSpender { spender: Address::repeat_byte(10) }),
            PoolError::ERC2612ExpiredSignature(ERC2612ExpiredSignature { deadline: U256::from_be_bytes([11; 32]) }),
            PoolError::ERC2612InvalidSigner(ERC2612InvalidSigner { signer: Address::repeat_byte(12), owner: Address::repeat_byte(13) }),
            PoolError::ECDSAInvalidSignature(ECDSAInvalidSignature {  }),
            PoolError::ECDSAInvalidSignatureS(ECDSAInvalidSignatureS { s: B256::repeat_byte(14) }),
            PoolError::AlreadyInitialized(AlreadyInitialized {  }),
            PoolError::CallerNotVault(CallerNotVault { caller: Address::repeat_byte(15) }),
            PoolError::CallerNotOwner(CallerNotOwner { caller: Address::repeat_byte(16) }),
            PoolError::InvalidPoolId(InvalidPoolId { poolId: B256::repeat_byte(17) }),
            PoolError::PoolPaused(PoolPaused {  }),
            PoolError::PoolNotPaused(PoolNotPaused {  }),
            PoolError::TokenCountOutOfRange(TokenCountOutOfRange { count: U256::from_be_bytes([18; 32]), min: U256::from_be_bytes([19; 32]), max: U256::from_be_bytes([20; 32]) }),
            PoolError::InputLengthMismatch(InputLengthMismatch { expected: U256::from_be_bytes([21; 32]), actual: U256::from_be_bytes([22; 32]) }),
            PoolError::ZeroAddressToken(ZeroAddressToken { index: U256::from_be_bytes([23; 32]) }),
            PoolError::TokensNotSorted(TokensNotSorted { index: U256::from_be_bytes([24; 32]) }),
            PoolError::DuplicateToken(DuplicateToken { token: Address::repeat_byte(25) }),
            PoolError::MinWeight(MinWeight { index: U256::from_be_bytes([26; 32]), weight: U256::from_be_bytes([27; 32]) }),
            PoolError::NormalizedWeightInvariant(NormalizedWeightInvariant { sum: U256::from_be_bytes([28; 32]) }),
            PoolError::SwapFeeOutOfBounds(SwapFeeOutOfBounds { swapFeePercentage: U256::from_be_bytes([29; 32]), min: U256::from_be_bytes([30; 32]), max: U256::from_be_bytes([31; 32]) }),
            PoolError::TokenDecimalsTooHigh(TokenDecimalsTooHigh { token: Address::repeat_byte(32), decimals: U256::from_be_bytes([33; 32]) }),
            PoolError::ZeroAddressVault(ZeroAddressVault {  }),
            PoolError::ZeroAddressOwner(ZeroAddressOwner {  }),
            PoolError::ExternalCallFailed(CallFailure { target: Address::repeat_byte(34), reason: vec![35u8; 37].into() }),
            PoolError::MalformedReturnData(MalformedReturnData { target: Address::repeat_byte(36) }),
            PoolError::UnknownToken(UnknownToken { token: Address::repeat_byte(37) }),
            PoolError::SameToken(SameToken { token: Address::repeat_byte(38) }),
            PoolError::MalformedUserData(MalformedUserData {  }),
            PoolError::UnhandledJoinKind(UnhandledJoinKind { kind: U256::from_be_bytes([39; 32]) }),
            PoolError::UnhandledExitKind(UnhandledExitKind { kind: U256::from_be_bytes([40; 32]) }),
            PoolError::PoolNotFunded(PoolNotFunded {  }),
            PoolError::PoolAlreadyFunded(PoolAlreadyFunded {  }),
            PoolError::BelowMinimumBpt(BelowMinimumBpt { bptAmountOut: U256::from_be_bytes([41; 32]), minimum: U256::from_be_bytes([42; 32]) }),
            PoolError::BptOutMinAmount(BptOutMinAmount { bptAmountOut: U256::from_be_bytes([43; 32]), minBptAmountOut: U256::from_be_bytes([44; 32]) }),
            PoolError::BptInMaxAmount(BptInMaxAmount { bptAmountIn: U256::from_be_bytes([45; 32]), maxBptAmountIn: U256::from_be_bytes([46; 32]) }),
            PoolError::TokenIndexOutOfBounds(TokenIndexOutOfBounds { index: U256::from_be_bytes([47; 32]), numTokens: U256::from_be_bytes([48; 32]) }),
            PoolError::InvalidProtocolSwapFee(InvalidProtocolSwapFee { protocolSwapFeePercentage: U256::from_be_bytes([49; 32]) }),
            PoolError::MaxInRatio(MaxInRatio {  }),
            PoolError::MaxOutRatio(MaxOutRatio {  }),
            PoolError::MinInvariantRatio(MinInvariantRatio {  }),
            PoolError::MaxInvariantRatio(MaxInvariantRatio {  }),
            PoolError::MathFailure(MathFailure { code: 50 }),
            PoolError::MalformedCalldata(MalformedCalldata {  }),
            PoolError::NonPayable(NonPayable {  }),
            PoolError::UnknownSelector(UnknownSelector { selector: FixedBytes([51, 2, 3, 4]) }),
            PoolError::ArithmeticOverflow(ArithmeticOverflow {  }),
        ]
    }

    #[test]
    fn revert_data_matches_alloy_for_every_error() {
        let all = every_error();
        assert_eq!(all.len(), 49, "one sample per error");
        for e in &all {
            assert_eq!(e.revert_data(), alloy_encoding(e), "{e:?}");
        }
    }

    #[test]
    fn bytes_argument_is_padded_and_length_prefixed() {
        for n in [0usize, 1, 31, 32, 33, 100] {
            let reason = (0..n).map(|i| i as u8).collect::<Vec<u8>>().into();
            let e = PoolError::ExternalCallFailed(CallFailure { target: Address::repeat_byte(7), reason });
            assert_eq!(e.revert_data(), alloy_encoding(&e));
        }
    }

    #[test]
    fn selector_argument_is_left_aligned() {
        let e = PoolError::UnknownSelector(UnknownSelector { selector: FixedBytes([0xde, 0xad, 0xbe, 0xef]) });
        assert_eq!(e.revert_data(), alloy_encoding(&e));
        assert_eq!(&e.revert_data()[4..8], &[0xde, 0xad, 0xbe, 0xef]);
    }
}
