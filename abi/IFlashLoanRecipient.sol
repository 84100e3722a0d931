// SPDX-License-Identifier: MIT
pragma solidity >=0.8.0 <0.9.0;

import "./IERC20.sol";

/// @title IFlashLoanRecipient
/// @notice Contracts that take flash loans from the Vault implement this (Balancer V2 ABI).
interface IFlashLoanRecipient {
    /// @notice Called by the Vault after it has transferred `amounts` of `tokens` to this
    ///         contract. Before returning, the recipient must have transferred
    ///         `amounts[i] + feeAmounts[i]` of each token back to the Vault; the Vault checks
    ///         its balances before and after the call and reverts otherwise.
    function receiveFlashLoan(
        IERC20[] memory tokens,
        uint256[] memory amounts,
        uint256[] memory feeAmounts,
        bytes memory userData
    ) external;
}
