// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "@abi/IVault.sol";
import "@abi/IBasePool.sol";

/// @title MaliciousPool
/// @notice A pool an attacker registers with the Vault itself (registerPool +
///         registerTokens, no factory), whose hooks return whatever the attacker wants:
///         - `setSwapReturn(x)`: onSwap returns x (e.g. more than the pool's balance out,
///           type(uint256).max, 0 for a GIVEN_OUT);
///         - `setJoinReturn(amountsIn, dueFees)` / `setExitReturn(amountsOut, dueFees)`:
///           onJoinPool / onExitPool return these arrays (any lengths: wrong lengths, huge
///           amounts out, fees above the balance);
///         - `setRawReturn(hook, bytes)`: the hook returns these raw bytes verbatim
///           (malformed ABI: short data, bad offsets, lengths that overflow);
///         - `setHookRevert(true)`: every hook reverts with `PoolHookReverted()`;
///         - `setReentry(callData)`: every hook first calls the Vault with `callData`
///           (as the pool) and records the outcome (must fail: the Vault is locked).
///         The pool's registered tokens can be shared with honest pools: the tests show
///         that whatever it returns, it can neither take more than its own balances nor
///         touch other pools' balances, and that a bad reply reverts the whole operation.
///         Anyone can configure it (it is an attacker's tool in a test).
contract MaliciousPool is IPoolSwapStructs {
    enum Hook {
        Swap,
        Join,
        Exit
    }

    IVault public immutable vault;
    bytes32 public poolId;

    bytes public swapReturn;
    bytes public joinReturn;
    bytes public exitReturn;
    bool public hookRevert;
    bytes public reentryCallData;

    /// @notice Outcome of the last re-entry attempt made from a hook.
    bool public lastReentrySucceeded;
    bytes public lastReentryReturnData;

    /// @notice What the Vault passed on the last hook calls, for assertions.
    uint256 public lastSwapAmount;
    uint256 public lastBalanceTokenIn;
    uint256 public lastBalanceTokenOut;
    uint256[] public lastBalances;
    uint256 public hookCalls;

    error PoolHookReverted();
    error AlreadyRegistered(bytes32 poolId);

    constructor(IVault vault_) {
        vault = vault_;
    }

    // ------------------------------------------------------------------ attacker setup

    /// @notice Registers this contract as a pool with `specialization` and `tokens`
    ///         (asset managers all zero). Returns the pool id.
    function register(IVault.PoolSpecialization specialization, IERC20[] memory tokens) external returns (bytes32) {
        if (poolId != bytes32(0)) revert AlreadyRegistered(poolId);
        bytes32 id = vault.registerPool(specialization);
        poolId = id;
        vault.registerTokens(id, tokens, new address[](tokens.length));
        return id;
    }

    /// @notice Any call on the Vault as this pool (e.g. registerTokens again, deregisterTokens,
    ///         registerTokens for another pool's id); bubbles the Vault's revert.
    function callVault(bytes calldata data) external payable returns (bytes memory) {
        (bool ok, bytes memory ret) = address(vault).call{value: msg.value}(data);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        return ret;
    }

    function setSwapReturn(uint256 amount) external {
        swapReturn = abi.encode(amount);
    }

    function setJoinReturn(uint256[] calldata amountsIn, uint256[] calldata dueProtocolFeeAmounts) external {
        joinReturn = abi.encode(amountsIn, dueProtocolFeeAmounts);
    }

    function setExitReturn(uint256[] calldata amountsOut, uint256[] calldata dueProtocolFeeAmounts) external {
        exitReturn = abi.encode(amountsOut, dueProtocolFeeAmounts);
    }

    function setRawReturn(Hook hook, bytes calldata data) external {
        if (hook == Hook.Swap) swapReturn = data;
        else if (hook == Hook.Join) joinReturn = data;
        else exitReturn = data;
    }

    function setHookRevert(bool on) external {
        hookRevert = on;
    }

    /// @notice Empty `callData` disables re-entry.
    function setReentry(bytes calldata callData) external {
        reentryCallData = callData;
    }

    function getPoolId() external view returns (bytes32) {
        return poolId;
    }

    // ------------------------------------------------------------------ hooks (V2 selectors)

    /// @notice IMinimalSwapInfoPool.onSwap (0x9d2c110c).
    function onSwap(SwapRequest memory request, uint256 balanceTokenIn, uint256 balanceTokenOut)
        external
        returns (uint256)
    {
        lastSwapAmount = request.amount;
        lastBalanceTokenIn = balanceTokenIn;
        lastBalanceTokenOut = balanceTokenOut;
        _beforeReply();
        _reply(swapReturn);
    }

    /// @notice IBasePool.onJoinPool (0xd5c096c4).
    function onJoinPool(bytes32, address, address, uint256[] memory balances, uint256, uint256, bytes memory)
        external
        returns (uint256[] memory, uint256[] memory)
    {
        lastBalances = balances;
        _beforeReply();
        _reply(joinReturn);
    }

    /// @notice IBasePool.onExitPool (0x74f3b009).
    function onExitPool(bytes32, address, address, uint256[] memory balances, uint256, uint256, bytes memory)
        external
        returns (uint256[] memory, uint256[] memory)
    {
        lastBalances = balances;
        _beforeReply();
        _reply(exitReturn);
    }

    function lastBalancesLength() external view returns (uint256) {
        return lastBalances.length;
    }

    function _beforeReply() private {
        hookCalls += 1;
        if (hookRevert) revert PoolHookReverted();
        if (reentryCallData.length > 0) {
            (bool ok, bytes memory ret) = address(vault).call(reentryCallData);
            lastReentrySucceeded = ok;
            lastReentryReturnData = ret;
        }
    }

    /// @dev Ends the call returning `data` verbatim (whatever the declared return type).
    function _reply(bytes memory data) private pure {
        assembly {
            return(add(data, 32), mload(data))
        }
    }
}
