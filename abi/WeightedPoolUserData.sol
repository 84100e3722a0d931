// SPDX-License-Identifier: MIT
pragma solidity >=0.8.0 <0.9.0;

/// @title WeightedPoolUserData
/// @notice Encoders for the `userData` of joinPool/exitPool on weighted pools, byte-for-byte
///         Balancer V2's layouts: abi.encode(kind, ...args). Enum values are V2's.
/// @dev Library of internal functions only (no ABI, no deployment): import it.
library WeightedPoolUserData {
    enum JoinKind {
        INIT,
        EXACT_TOKENS_IN_FOR_BPT_OUT,
        TOKEN_IN_FOR_EXACT_BPT_OUT,
        ALL_TOKENS_IN_FOR_EXACT_BPT_OUT
    }

    enum ExitKind {
        EXACT_BPT_IN_FOR_ONE_TOKEN_OUT,
        EXACT_BPT_IN_FOR_TOKENS_OUT,
        BPT_IN_FOR_EXACT_TOKENS_OUT
    }

    /// @notice V2's BasePoolUserData.RECOVERY_MODE_EXIT_KIND: the math-free proportional exit.
    uint8 internal constant RECOVERY_MODE_EXIT_KIND = 255;

    /// @notice First join: amountsIn in registration order; BPT out = invariant x n (minus the
    ///         1e6 locked).
    function joinInit(uint256[] memory amountsIn) internal pure returns (bytes memory) {
        return abi.encode(JoinKind.INIT, amountsIn);
    }

    function joinExactTokensInForBptOut(uint256[] memory amountsIn, uint256 minBptAmountOut)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encode(JoinKind.EXACT_TOKENS_IN_FOR_BPT_OUT, amountsIn, minBptAmountOut);
    }

    function joinTokenInForExactBptOut(uint256 bptAmountOut, uint256 enterTokenIndex)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encode(JoinKind.TOKEN_IN_FOR_EXACT_BPT_OUT, bptAmountOut, enterTokenIndex);
    }

    /// @notice Proportional join.
    function joinAllTokensInForExactBptOut(uint256 bptAmountOut) internal pure returns (bytes memory) {
        return abi.encode(JoinKind.ALL_TOKENS_IN_FOR_EXACT_BPT_OUT, bptAmountOut);
    }

    function exitExactBptInForOneTokenOut(uint256 bptAmountIn, uint256 exitTokenIndex)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encode(ExitKind.EXACT_BPT_IN_FOR_ONE_TOKEN_OUT, bptAmountIn, exitTokenIndex);
    }

    /// @notice Proportional exit.
    function exitExactBptInForTokensOut(uint256 bptAmountIn) internal pure returns (bytes memory) {
        return abi.encode(ExitKind.EXACT_BPT_IN_FOR_TOKENS_OUT, bptAmountIn);
    }

    function exitBptInForExactTokensOut(uint256[] memory amountsOut, uint256 maxBptAmountIn)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encode(ExitKind.BPT_IN_FOR_EXACT_TOKENS_OUT, amountsOut, maxBptAmountIn);
    }

    /// @notice Recovery (math-free proportional) exit, V2 layout abi.encode(uint8(255), bptAmountIn).
    function exitRecovery(uint256 bptAmountIn) internal pure returns (bytes memory) {
        return abi.encode(RECOVERY_MODE_EXIT_KIND, bptAmountIn);
    }
}
