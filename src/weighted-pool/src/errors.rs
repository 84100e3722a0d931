//! Every way a pool call can fail, as Solidity custom errors.
//!
//! ERC-20 / EIP-2612 / ECDSA failures use OpenZeppelin 5's names and arguments so
//! wallets and decoders already know them; pool failures are named after what went wrong.

use alloy_sol_types::sol;
use stylus_sdk::prelude::*;

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

#[derive(SolidityError, Debug)]
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
    ExternalCallFailed(ExternalCallFailed),
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
