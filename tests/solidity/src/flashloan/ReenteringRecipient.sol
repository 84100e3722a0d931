// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "@abi/IVault.sol";
import "@abi/IFlashLoanRecipient.sol";

/// @title ReenteringRecipient
/// @notice During the flash loan it re-enters the Vault with one or more arbitrary calls
///         (passed ABI-encoded in `userData` as `bytes[]`, e.g. a valid vault.swap, a
///         nested vault.flashLoan, a joinPool, exitPool, batchSwap, manageUserBalance),
///         records each outcome, then repays amount + fee.
///         Every re-entrant call must fail (the Vault is locked during the loan): if any
///         succeeds, this contract reverts with `ReentrySucceeded`, failing the whole loan
///         loudly. Otherwise the loan succeeds and the test inspects `attempts` (e.g. that
///         each revert data is the Vault's Reentrancy error).
///         The calls run as this contract, so craft them with sender = this contract and
///         fund/approve it via `approveToken` (e.g. so a swap would succeed outside a loan).
contract ReenteringRecipient is IFlashLoanRecipient {
    struct Attempt {
        bool success;
        bytes returnData;
    }

    IVault public immutable vault;
    Attempt[] public attempts;

    error CallerNotVault(address caller);
    error RepaymentFailed(IERC20 token);
    error ReentrySucceeded(uint256 index, bytes returnData);

    constructor(IVault vault_) {
        vault = vault_;
    }

    receive() external payable {}

    /// @notice Setup helper: lets the Vault pull this contract's tokens.
    function approveToken(IERC20 token, address spender, uint256 amount) external {
        token.approve(spender, amount);
    }

    /// @notice Setup helper: lets this contract make calls on the Vault outside a loan
    ///         (e.g. setRelayerApproval, or the control run of a re-entrant call).
    function callVault(bytes calldata data) external payable returns (bytes memory) {
        (bool ok, bytes memory ret) = address(vault).call{value: msg.value}(data);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        return ret;
    }

    /// @notice Takes a flash loan; `reentrantCalls` are made on the Vault inside it.
    function borrow(IERC20[] memory tokens, uint256[] memory amounts, bytes[] memory reentrantCalls) external {
        delete attempts;
        vault.flashLoan(this, tokens, amounts, abi.encode(reentrantCalls));
    }

    function attemptCount() external view returns (uint256) {
        return attempts.length;
    }

    function attempt(uint256 i) external view returns (bool success, bytes memory returnData) {
        Attempt storage a = attempts[i];
        return (a.success, a.returnData);
    }

    function receiveFlashLoan(
        IERC20[] memory tokens,
        uint256[] memory amounts,
        uint256[] memory feeAmounts,
        bytes memory userData
    ) external override {
        if (msg.sender != address(vault)) revert CallerNotVault(msg.sender);
        bytes[] memory calls = abi.decode(userData, (bytes[]));
        for (uint256 i = 0; i < calls.length; ++i) {
            (bool ok, bytes memory ret) = address(vault).call(calls[i]);
            if (ok) revert ReentrySucceeded(i, ret);
            attempts.push(Attempt(ok, ret));
        }
        for (uint256 i = 0; i < tokens.length; ++i) {
            if (!tokens[i].transfer(msg.sender, amounts[i] + feeAmounts[i])) revert RepaymentFailed(tokens[i]);
        }
    }
}
