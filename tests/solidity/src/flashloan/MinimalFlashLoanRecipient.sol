// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "@abi/IVault.sol";
import "@abi/IFlashLoanRecipient.sol";

/// @title MinimalFlashLoanRecipient
/// @notice The cheapest correct recipient, for gas measurement (DESIGN.md's
///         "flashLoan 1 / 2 tokens (minimal recipient)"): it only checks the caller is the
///         Vault and repays amount + fee of each token. It must hold enough of each token
///         beforehand to pay the fee (mint to it first).
///         Call either `vault.flashLoan(recipient, ...)` directly (as V2's benchmark does)
///         or `borrow(...)` on this contract.
contract MinimalFlashLoanRecipient is IFlashLoanRecipient {
    IVault public immutable vault;

    error CallerNotVault(address caller);
    error RepaymentFailed(IERC20 token);

    constructor(IVault vault_) {
        vault = vault_;
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
            if (!tokens[i].transfer(msg.sender, amounts[i] + feeAmounts[i])) revert RepaymentFailed(tokens[i]);
        }
    }
}
