// SPDX-License-Identifier: MIT
pragma solidity >=0.8.4 <0.9.0;
pragma abicoder v2;

import "./IERC20.sol";
import "./IERC20Permit.sol";
import "./IVault.sol";
import "./IBasePool.sol";
import "./IWeightedPoolErrors.sol";

/// @title IWeightedPool
/// @notice A weighted pool: n tokens, value function prod(B_t^W_t). The pool is its own
///         ERC-20 pool token (BPT, 18 decimals) with EIP-2612 permit. It never holds the
///         pool's tokens (the Vault does); the Vault calls its hooks (IBasePool).
///         V2 signatures unless marked EXTENSION. Custom errors: IWeightedPoolErrors
///         (generated from the Rust contract). Two-token pools register as TWO_TOKEN,
///         larger ones as MINIMAL_SWAP_INFO; both use the minimal-swap-info onSwap.
interface IWeightedPool is IERC20, IERC20Permit, IBasePool, IWeightedPoolErrors {
    // ----------------------------------------------------------------- ERC-20 metadata (BPT)

    function name() external view returns (string memory);
    function symbol() external view returns (string memory);
    function decimals() external view returns (uint8);

    /// @notice V2's BalancerPoolToken has these OpenZeppelin helpers.
    function increaseAllowance(address spender, uint256 addedValue) external returns (bool);
    function decreaseAllowance(address spender, uint256 subtractedValue) external returns (bool);

    // ----------------------------------------------------------------- pool state

    function getVault() external view returns (IVault);

    /// @notice Weights in token registration order, 18-decimal fixed point, summing to 1e18.
    function getNormalizedWeights() external view returns (uint256[] memory);

    /// @notice The current invariant prod(B_t^W_t) (balances scaled to 18 decimals),
    ///         computed from the Vault's balances, rounded down.
    function getInvariant() external view returns (uint256);

    /// @notice The invariant stored after the last join/exit (basis of the protocol swap
    ///         fee), as V2's WeightedPool.getLastInvariant.
    function getLastInvariant() external view returns (uint256);

    /// @notice The pool's owner (may set the swap fee). address(0) = nobody.
    function getOwner() external view returns (address);

    /// @notice Owner only. 1e12 (0.0001%) <= fee <= 1e17 (10%).
    function setSwapFeePercentage(uint256 swapFeePercentage) external;

    event SwapFeePercentageChanged(uint256 swapFeePercentage);

    // ----------------------------------------------------------------- pause / recovery

    /// @notice Owner only, at any time (no pause window): stops swaps, joins and
    ///         non-proportional exits, and enables the recovery exit (exit kind 255,
    ///         math-free proportional).
    function pause() external;

    /// @notice Owner only.
    function unpause() external;

    /// @notice V2 signature. There is no pause window, so both end times are
    ///         type(uint256).max.
    function getPausedState()
        external
        view
        returns (bool paused, uint256 pauseWindowEndTime, uint256 bufferPeriodEndTime);

    event PausedStateChanged(bool paused);

    // ----------------------------------------------------------------- extensions

    /// @notice EXTENSION: marginal price of `tokenOut` in units of `tokenIn` (whole tokens,
    ///         18-decimal fixed point), INCLUDING the swap fee: what the next infinitesimal
    ///         GIVEN_IN trade pays per tokenOut.
    function getSpotPrice(IERC20 tokenIn, IERC20 tokenOut) external view returns (uint256);

    /// @notice EXTENSION: the same price EXCLUDING the swap fee:
    ///         (B_in / W_in) / (B_out / W_out), balances scaled to 18 decimals.
    function getSpotPriceSansFee(IERC20 tokenIn, IERC20 tokenOut) external view returns (uint256);

    /// @notice EXTENSION: one-time initialiser, called by the factory on a fresh clone in the
    ///         same transaction that creates it. Reads each token's decimals, registers the
    ///         pool with `vault` (TWO_TOKEN for 2 tokens, else MINIMAL_SWAP_INFO) and its
    ///         `tokens` (strictly ascending), sets weights (each >= 1%, summing to exactly
    ///         1e18), fee and owner. Reverts AlreadyInitialized if already initialised.
    function initialize(
        address vault,
        string memory name,
        string memory symbol,
        address[] memory tokens,
        uint256[] memory normalizedWeights,
        uint256 swapFeePercentage,
        address owner
    ) external;
}
