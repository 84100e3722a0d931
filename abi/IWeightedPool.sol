// SPDX-License-Identifier: MIT
pragma solidity >=0.8.0 <0.9.0;
pragma abicoder v2;

import "./IERC20.sol";
import "./IERC20Permit.sol";
import "./IVault.sol";
import "./IBasePool.sol";

/// @title IWeightedPool
/// @notice A weighted pool: n tokens, value function prod(B_t^W_t). The pool is its own
///         ERC-20 pool token (BPT, 18 decimals) with EIP-2612 permit. It never holds the
///         pool's tokens (the Vault does); the Vault calls its hooks (IBasePool).
///         V2 signatures unless marked EXTENSION.
interface IWeightedPool is IERC20, IERC20Permit, IBasePool {
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

    /// @notice The pool's owner (may set the swap fee). address(0) = nobody.
    function getOwner() external view returns (address);

    /// @notice Owner only. 1e12 (0.0001%) <= fee <= 1e17 (10%).
    function setSwapFeePercentage(uint256 swapFeePercentage) external;

    event SwapFeePercentageChanged(uint256 swapFeePercentage);

    // ----------------------------------------------------------------- pause / recovery

    /// @notice Owner only, within the pause window: stops swaps and joins. Exits keep working.
    function pause() external;

    /// @notice Owner only.
    function unpause() external;

    function getPausedState()
        external
        view
        returns (bool paused, uint256 pauseWindowEndTime, uint256 bufferPeriodEndTime);

    event PausedStateChanged(bool paused);

    // ----------------------------------------------------------------- extensions

    /// @notice EXTENSION: spot price of `tokenOut` quoted in `tokenIn`, i.e. how many units
    ///         of tokenIn one unit of tokenOut is worth at the margin, fees excluded:
    ///         (B_in / W_in) / (B_out / W_out), balances scaled to 18 decimals, result
    ///         18-decimal fixed point.
    function getSpotPrice(IERC20 tokenIn, IERC20 tokenOut) external view returns (uint256);

    /// @notice EXTENSION: one-time initialiser, called by the factory on a fresh clone in the
    ///         same transaction that creates it. Registers the pool with `vault`
    ///         (MINIMAL_SWAP_INFO) and its `tokens` (sorted ascending), sets weights (2..n
    ///         tokens, each >= 1%, summing to exactly 1e18), fee and owner. Reverts if already
    ///         initialised.
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
