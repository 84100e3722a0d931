// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "@abi/IVault.sol";
import "@abi/IFlashLoanRecipient.sol";

/// @title NonRepayingRecipient
/// @notice A flash-loan recipient that repays `shortfall` LESS than amount + fee of every
///         token (never below zero). Shortfalls used by the tests:
///         - type(uint256).max: repays nothing;
///         - fee (set it to the expected fee): repays the principal but not the fee;
///         - 1: repays one unit less than owed.
///         The Vault must revert the whole loan in each case. With shortfall 0 it repays
///         exactly, as a control.
contract NonRepayingRecipient is IFlashLoanRecipient {
    IVault public immutable vault;
    uint256 public shortfall;

    error CallerNotVault(address caller);
    error RepaymentFailed(IERC20 token);

    constructor(IVault vault_, uint256 shortfall_) {
        vault = vault_;
        shortfall = shortfall_;
    }

    function setShortfall(uint256 shortfall_) external {
        shortfall = shortfall_;
    }

    /// @notice Convenience: takes a flash loan to this contract.
    function borrow(IERC20[] memory tokens, uint256[] memory amounts, bytes memory userData) external {
        vault.flashLoan(this, tokens, amounts, userData);
    }

    function receiveFlashLoan(
        IERC20[] memory tokens,
        uint256[] memory amounts,
        uint256[] memory feeAmounts,
        bytes memory
    ) external override {
        if (msg.sender != address(vault)) revert CallerNotVault(msg.sender);
        for (uint256 i = 0; i < tokens.length; ++i) {
            uint256 owed = amounts[i] + feeAmounts[i];
            uint256 repay = owed > shortfall ? owed - shortfall : 0;
            if (repay > 0 && !tokens[i].transfer(msg.sender, repay)) revert RepaymentFailed(tokens[i]);
        }
    }
}
