// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "@abi/IVault.sol";
import "@abi/IFlashLoanRecipient.sol";

/// @title ViewProbeRecipient
/// @notice Read-only re-entrancy probe. During a flash loan it STATICCALLs a list of view
///         functions (any target: the Vault's getPoolTokens / getInternalBalance /
///         getPoolTokenInfo, a pool's getInvariant / getSpotPrice / totalSupply, ...),
///         records each outcome, then repays amount + fee. `probeNow` runs the same kind of
///         list outside any operation, so a test can compare: a view either answers with
///         the same, consistent value mid-loan, or reverts; it must never expose
///         half-updated state.
contract ViewProbeRecipient is IFlashLoanRecipient {
    struct Probe {
        address target;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    IVault public immutable vault;
    Result[] public results;

    error CallerNotVault(address caller);
    error RepaymentFailed(IERC20 token);

    constructor(IVault vault_) {
        vault = vault_;
    }

    /// @notice Takes a flash loan and probes `probes` inside it (results replace the old ones).
    function borrowAndProbe(IERC20[] memory tokens, uint256[] memory amounts, Probe[] memory probes) external {
        delete results;
        vault.flashLoan(this, tokens, amounts, abi.encode(probes));
    }

    /// @notice Probes now, outside any Vault operation (results replace the old ones).
    function probeNow(Probe[] memory probes) external {
        delete results;
        _probe(probes);
    }

    function resultCount() external view returns (uint256) {
        return results.length;
    }

    function result(uint256 i) external view returns (bool success, bytes memory returnData) {
        Result storage r = results[i];
        return (r.success, r.returnData);
    }

    function receiveFlashLoan(
        IERC20[] memory tokens,
        uint256[] memory amounts,
        uint256[] memory feeAmounts,
        bytes memory userData
    ) external override {
        if (msg.sender != address(vault)) revert CallerNotVault(msg.sender);
        _probe(abi.decode(userData, (Probe[])));
        for (uint256 i = 0; i < tokens.length; ++i) {
            if (!tokens[i].transfer(msg.sender, amounts[i] + feeAmounts[i])) revert RepaymentFailed(tokens[i]);
        }
    }

    function _probe(Probe[] memory probes) private {
        for (uint256 i = 0; i < probes.length; ++i) {
            (bool ok, bytes memory ret) = probes[i].target.staticcall(probes[i].callData);
            results.push(Result(ok, ret));
        }
    }
}
