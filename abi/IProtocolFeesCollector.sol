// SPDX-License-Identifier: MIT
pragma solidity >=0.8.0 <0.9.0;

/// @title IProtocolFeesCollector
/// @notice Balancer V2's ProtocolFeesCollector surface. Integrations reach it through
///         `IVault.getProtocolFeesCollector()` to read the protocol swap fee (passed to pools
///         in onJoinPool/onExitPool) and the flash-loan fee.
/// @dev EXTENSION NOTE: in this project the Vault is its own fee collector: the address
///      returned by getProtocolFeesCollector() is the Vault itself, which implements the
///      functions below (see IVault's "extensions" section). Signatures, selectors and
///      events are V2's, so `vault.getProtocolFeesCollector().getFlashLoanFeePercentage()`
///      works unchanged. V2's getCollectedFeeAmounts / withdrawCollectedFees are not
///      offered: collected fees are credited to the internal balance of
///      IVault.getProtocolFeeRecipient(), which withdraws them with manageUserBalance.
interface IProtocolFeesCollector {
    event SwapFeePercentageChanged(uint256 newSwapFeePercentage);
    event FlashLoanFeePercentageChanged(uint256 newFlashLoanFeePercentage);

    /// @notice Protocol share of pool swap fees, 18-decimal fixed point (1e18 = 100%). V2 caps it at 50%.
    function getSwapFeePercentage() external view returns (uint256);

    /// @notice Flash-loan fee, 18-decimal fixed point; fee = amount x percentage, rounded up. V2 caps it at 1%.
    function getFlashLoanFeePercentage() external view returns (uint256);

    /// @notice Authorizer only.
    function setSwapFeePercentage(uint256 newSwapFeePercentage) external;

    /// @notice Authorizer only.
    function setFlashLoanFeePercentage(uint256 newFlashLoanFeePercentage) external;
}
