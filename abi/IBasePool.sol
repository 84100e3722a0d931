// SPDX-License-Identifier: MIT
pragma solidity >=0.8.4 <0.9.0;
pragma abicoder v2;

import "./IERC20.sol";
import "./IVault.sol";

/// @title IPoolSwapStructs
/// @notice The request the Vault passes to a pool's onSwap (Balancer V2 layout).
interface IPoolSwapStructs {
    /// @dev kind: GIVEN_IN -> `amount` is the amount in and onSwap returns the amount out;
    ///      GIVEN_OUT -> `amount` is the amount out and onSwap returns the amount in.
    ///      `from`/`to` are the swap's sender and recipient; lastChangeBlock is the last
    ///      block in which either token's balance in this pool changed.
    struct SwapRequest {
        IVault.SwapKind kind;
        IERC20 tokenIn;
        IERC20 tokenOut;
        uint256 amount;
        bytes32 poolId;
        uint256 lastChangeBlock;
        address from;
        address to;
        bytes userData;
    }
}

/// @title IBasePool
/// @notice The hooks the Vault calls on a pool, with Balancer V2's signatures. Our weighted
///         pools are MINIMAL_SWAP_INFO pools, so onSwap is V2's IMinimalSwapInfoPool.onSwap
///         (selector 0x9d2c110c), receiving only the two balances involved.
///         All amounts and balances are in the tokens' own decimals (the pool scales them).
/// @dev V2's BasePool also has queryJoin/queryExit; this project does not: simulate
///      joinPool/exitPool with eth_call (or a trace) from the funded account instead.
interface IBasePool is IPoolSwapStructs {
    /// @notice Only callable by the Vault. Returns the amount out (GIVEN_IN, rounded down) or
    ///         the amount in (GIVEN_OUT, rounded up), fees included.
    function onSwap(SwapRequest memory swapRequest, uint256 currentBalanceTokenIn, uint256 currentBalanceTokenOut)
        external
        returns (uint256 amount);

    /// @notice Only callable by the Vault. Mints BPT to `recipient` and returns the amounts
    ///         the Vault must pull in (rounded up) and the protocol fees due (per token).
    ///         `balances` are the pool's balances in registration order.
    function onJoinPool(
        bytes32 poolId,
        address sender,
        address recipient,
        uint256[] memory balances,
        uint256 lastChangeBlock,
        uint256 protocolSwapFeePercentage,
        bytes memory userData
    ) external returns (uint256[] memory amountsIn, uint256[] memory dueProtocolFeeAmounts);

    /// @notice Only callable by the Vault. Burns BPT from `sender` and returns the amounts the
    ///         Vault must send out (rounded down) and the protocol fees due (per token).
    function onExitPool(
        bytes32 poolId,
        address sender,
        address recipient,
        uint256[] memory balances,
        uint256 lastChangeBlock,
        uint256 protocolSwapFeePercentage,
        bytes memory userData
    ) external returns (uint256[] memory amountsOut, uint256[] memory dueProtocolFeeAmounts);

    function getPoolId() external view returns (bytes32);

    /// @notice Pool swap fee, 18-decimal fixed point (1e16 = 1%).
    function getSwapFeePercentage() external view returns (uint256);

    /// @notice Per-token factors (18-decimal fixed point) that scale balances to 18 decimals:
    ///         1e18 * 10**(18 - decimals).
    function getScalingFactors() external view returns (uint256[] memory);
}
