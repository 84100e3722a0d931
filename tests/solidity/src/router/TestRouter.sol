// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "@abi/IVault.sol";

/// @title TestRouter
/// @notice A minimal router as integrators write one against Balancer V2: it forwards
///         swaps, batch swaps, joins and exits to the Vault as a *relayer*, always with the
///         caller as the sender of funds. It never holds or pulls tokens itself: the Vault
///         moves them directly from/to the user (so the user approves the Vault, not the
///         router, and approves the router as relayer once:
///         `vault.setRelayerApproval(user, router, true)`).
/// @dev Security: every entry point forces `sender == msg.sender`, so nobody can use the
///      router's relayer approval to spend another user's tokens. Nothing is payable: the
///      Vault takes no native ETH (wrap it into WETH first).
contract TestRouter {
    IVault public immutable vault;

    error SenderMustBeCaller(address sender, address caller);
    error AmountTooLarge(uint256 amount);

    constructor(IVault vault_) {
        vault = vault_;
    }

    /// @notice vault.swap on behalf of msg.sender; `funds.sender` must be msg.sender.
    function swap(IVault.SingleSwap memory singleSwap, IVault.FundManagement memory funds, uint256 limit, uint256 deadline)
        external
        returns (uint256 amountCalculated)
    {
        _requireCaller(funds.sender);
        amountCalculated = vault.swap(singleSwap, funds, limit, deadline);
    }

    /// @notice vault.batchSwap on behalf of msg.sender; `funds.sender` must be msg.sender.
    function batchSwap(
        IVault.SwapKind kind,
        IVault.BatchSwapStep[] memory swaps,
        IAsset[] memory assets,
        IVault.FundManagement memory funds,
        int256[] memory limits,
        uint256 deadline
    ) external returns (int256[] memory assetDeltas) {
        _requireCaller(funds.sender);
        assetDeltas = vault.batchSwap(kind, swaps, assets, funds, limits, deadline);
    }

    /// @notice vault.joinPool with sender = msg.sender (BPT minted to `recipient`).
    function joinPool(bytes32 poolId, address sender, address recipient, IVault.JoinPoolRequest memory request)
        external
    {
        _requireCaller(sender);
        vault.joinPool(poolId, sender, recipient, request);
    }

    /// @notice vault.exitPool with sender = msg.sender (BPT burnt from msg.sender).
    function exitPool(bytes32 poolId, address sender, address payable recipient, IVault.ExitPoolRequest memory request)
        external
    {
        _requireCaller(sender);
        vault.exitPool(poolId, sender, recipient, request);
    }

    /// @notice Convenience exact-in single swap from/to the caller's wallet.
    /// @return amountOut what the caller received (>= minAmountOut).
    function swapExactIn(
        bytes32 poolId,
        IAsset assetIn,
        IAsset assetOut,
        uint256 amountIn,
        uint256 minAmountOut,
        uint256 deadline
    ) external returns (uint256 amountOut) {
        amountOut = vault.swap(
            IVault.SingleSwap(poolId, IVault.SwapKind.GIVEN_IN, assetIn, assetOut, amountIn, ""),
            _walletFunds(),
            minAmountOut,
            deadline
        );
    }

    /// @notice Two-hop exact-in trade assetIn -> assetMid (poolA) -> assetOut (poolB) in ONE
    ///         batchSwap: the second step has amount 0, so it uses the first step's output,
    ///         and only the net amounts move (assetMid never leaves the Vault).
    /// @return amountOut what the caller received (>= minAmountOut).
    function swapTwoHopsExactIn(
        bytes32 poolA,
        bytes32 poolB,
        IAsset assetIn,
        IAsset assetMid,
        IAsset assetOut,
        uint256 amountIn,
        uint256 minAmountOut,
        uint256 deadline
    ) external returns (uint256 amountOut) {
        if (amountIn > uint256(type(int256).max) || minAmountOut > uint256(type(int256).max)) {
            revert AmountTooLarge(amountIn > minAmountOut ? amountIn : minAmountOut);
        }
        IVault.BatchSwapStep[] memory steps = new IVault.BatchSwapStep[](2);
        steps[0] = IVault.BatchSwapStep(poolA, 0, 1, amountIn, "");
        steps[1] = IVault.BatchSwapStep(poolB, 1, 2, 0, "");
        IAsset[] memory assets = new IAsset[](3);
        assets[0] = assetIn;
        assets[1] = assetMid;
        assets[2] = assetOut;
        int256[] memory limits = new int256[](3);
        limits[0] = int256(amountIn); // pay at most amountIn
        limits[1] = 0; // the intermediate asset must net to zero
        limits[2] = -int256(minAmountOut); // receive at least minAmountOut
        int256[] memory deltas =
            vault.batchSwap(IVault.SwapKind.GIVEN_IN, steps, assets, _walletFunds(), limits, deadline);
        // The Vault enforces deltas[2] <= limits[2] <= 0; the negation is checked arithmetic.
        amountOut = uint256(-deltas[2]);
    }

    /// @dev Funds from and to the caller's wallet (no internal balance).
    function _walletFunds() private view returns (IVault.FundManagement memory) {
        return IVault.FundManagement(msg.sender, false, payable(msg.sender), false);
    }

    function _requireCaller(address sender) private view {
        if (sender != msg.sender) revert SenderMustBeCaller(sender, msg.sender);
    }
}
