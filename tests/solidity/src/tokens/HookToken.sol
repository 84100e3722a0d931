// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "./TestERC20.sol";

/// @title HookToken
/// @notice ERC-20 (like ERC-777 / callback tokens) that, in the middle of every transfer
///         and transferFrom (after debiting the sender, before crediting the recipient),
///         makes one configurable external call and records its outcome instead of
///         failing. Tests use it to reach the Vault *while an operation is half-done*:
///         - state-changing re-entry (e.g. vault.swap during a joinPool) must fail;
///         - view re-entry (read-only re-entrancy, e.g. vault.getPoolTokens, pool
///           getInvariant) must revert rather than expose half-updated balances.
///         The transfer itself always completes, so the outer operation's result is
///         unaffected and the test inspects `hookResults`.
contract HookToken is TestERC20 {
    struct HookResult {
        bool success;
        bytes returnData;
    }

    address public hookTarget;
    bytes public hookCallData;
    /// @notice true: STATICCALL (views only); false: CALL.
    bool public hookIsStatic;
    /// @notice Run the hook only when the token moves from / to this address (0 = any).
    address public hookOnlyFrom;
    address public hookOnlyTo;
    /// @notice Gas forwarded to the hook call; 0 = all (63/64 of what is left). Cap it when
    ///         the hook may fail by exhausting its gas (e.g. a write under STATICCALL), so the
    ///         outer operation still has gas to finish.
    uint256 public hookGas;
    /// @notice Outcomes of every hook call since the last clear, in order.
    HookResult[] public hookResults;

    event HookCalled(address indexed target, bool success, bytes returnData);

    constructor(string memory name_, string memory symbol_, uint8 decimals_) TestERC20(name_, symbol_, decimals_) {}

    /// @notice Arms the hook; target = address(0) disarms it.
    function setHook(address target, bytes calldata callData, bool isStatic, address onlyFrom, address onlyTo)
        external
    {
        hookTarget = target;
        hookCallData = callData;
        hookIsStatic = isStatic;
        hookOnlyFrom = onlyFrom;
        hookOnlyTo = onlyTo;
    }

    function setHookGas(uint256 gasLimit) external {
        hookGas = gasLimit;
    }

    function clearHookResults() external {
        delete hookResults;
    }

    function hookResultCount() external view returns (uint256) {
        return hookResults.length;
    }

    /// @notice Outcome of the i-th hook call (success flag and raw return/revert data).
    function hookResult(uint256 i) external view returns (bool success, bytes memory returnData) {
        HookResult storage r = hookResults[i];
        return (r.success, r.returnData);
    }

    function _transfer(address from, address to, uint256 amount) internal override {
        _debit(from, amount);
        address target = hookTarget;
        if (
            target != address(0) && (hookOnlyFrom == address(0) || hookOnlyFrom == from)
                && (hookOnlyTo == address(0) || hookOnlyTo == to)
        ) {
            uint256 g = hookGas == 0 ? gasleft() : hookGas;
            (bool ok, bytes memory ret) =
                hookIsStatic ? target.staticcall{gas: g}(hookCallData) : target.call{gas: g}(hookCallData);
            hookResults.push(HookResult(ok, ret));
            emit HookCalled(target, ok, ret);
        }
        _balances[to] += amount;
        emit Transfer(from, to, amount);
    }
}
