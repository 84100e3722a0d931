// SPDX-License-Identifier: MIT
pragma solidity >=0.8.0 <0.9.0;

import "./IERC20.sol";

/// @title IProtocolFeesCollector
/// @notice Balancer V2's ProtocolFeesCollector surface. Integrations reach it through
///         `IVault.getProtocolFeesCollector()` to read the protocol swap fee (passed to pools
///         in onJoinPool/onExitPool) and the flash-loan fee.
/// @dev EXTENSION NOTE: in this project the Vault is its own fee collector: the address
///      returned by getProtocolFeesCollector() is the Vault itself, which implements the
///      functions below (see IVault's "extensions" section). Signatures, selectors and
///      events are V2's, so `vault.getProtocolFeesCollector().getFlashLoanFeePercentage()`
///      works unchanged.
interface IProtocolFeesCollector {
    event SwapFeePercentageChanged(uint256 newSwapFeePercentage);
    event FlashLoanFeePercentageChanged(uint256 newFlashLoanFeePercentage);

    /// @notice Protocol share of pool swap fees, 18-decimal fixed point (1e18 = 100%). V2 caps it at 50%.
    function getSwapFeePercentage() external view returns (uint256);

    /// @notice Flash-loan fee, 18-decimal fixed point; fee = amount x percentage, rounded up. V2 caps it at 1%.
    function getFlashLoanFeePercentage() external view returns (uint256);

    /// @notice Admin only.
    function setSwapFeePercentage(uint256 newSwapFeePercentage) external;

    /// @notice Admin only.
    function setFlashLoanFeePercentage(uint256 newFlashLoanFeePercentage) external;

    /// @notice Protocol fees collected and not yet withdrawn, per token.
    function getCollectedFeeAmounts(IERC20[] memory tokens) external view returns (uint256[] memory feeAmounts);

    /// @notice Admin only: sends collected fees to `recipient`.
    function withdrawCollectedFees(IERC20[] calldata tokens, uint256[] calldata amounts, address recipient) external;
}
