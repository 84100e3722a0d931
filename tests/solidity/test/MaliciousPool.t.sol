// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "./utils/Vm.sol";
import "./mocks/MockVault.sol";
import "@abi/IBasePool.sol";
import "../src/attack/MaliciousPool.sol";

/// @notice Checks MaliciousPool replies exactly what it is configured to, as the Vault
///         (a V2 IBasePool caller) would see it.
contract MaliciousPoolTest is TestBase {
    MockVault internal vault;
    MaliciousPool internal pool;

    function setUp() public {
        vault = new MockVault();
        pool = new MaliciousPool(IVault(address(vault)));
    }

    function _request() internal pure returns (IPoolSwapStructs.SwapRequest memory r) {
        r.kind = IVault.SwapKind.GIVEN_IN;
        r.amount = 7;
    }

    function test_registersItselfAsAPool() public {
        bytes32 id = pool.register(IVault.PoolSpecialization.MINIMAL_SWAP_INFO, new IERC20[](2));
        assertEq(address(uint160(uint256(id) >> 96)), address(pool), "pool id carries the pool address");
        assertEq(uint256(id), uint256(pool.getPoolId()), "stored");
        vm.expectRevert(abi.encodeWithSelector(MaliciousPool.AlreadyRegistered.selector, id));
        pool.register(IVault.PoolSpecialization.MINIMAL_SWAP_INFO, new IERC20[](2));
    }

    function test_onSwapReturnsTheConfiguredAmountAndRecordsInputs() public {
        pool.setSwapReturn(type(uint256).max);
        uint256 out = IBasePool(address(pool)).onSwap(_request(), 100, 200);
        assertEq(out, type(uint256).max, "adversarial amount");
        assertEq(pool.lastSwapAmount(), 7, "request amount recorded");
        assertEq(pool.lastBalanceTokenOut(), 200, "balance recorded");
    }

    function test_joinAndExitReturnArraysOfAnyLength() public {
        uint256[] memory three = new uint256[](3);
        three[2] = 1e30;
        pool.setJoinReturn(three, new uint256[](1));
        (uint256[] memory amounts, uint256[] memory fees) =
            IBasePool(address(pool)).onJoinPool(bytes32(0), address(0), address(0), new uint256[](2), 0, 0, "");
        assertEq(amounts.length, 3, "wrong length amounts");
        assertEq(amounts[2], 1e30, "huge amount");
        assertEq(fees.length, 1, "wrong length fees");
        pool.setExitReturn(new uint256[](0), three);
        (amounts, fees) = IBasePool(address(pool)).onExitPool(bytes32(0), address(0), address(0), new uint256[](2), 0, 0, "");
        assertEq(amounts.length, 0, "empty amounts out");
        assertEq(pool.lastBalancesLength(), 2, "balances recorded");
    }

    function test_rawRepliesAreReturnedVerbatim() public {
        pool.setRawReturn(MaliciousPool.Hook.Swap, hex"01");
        (bool ok, bytes memory ret) =
            address(pool).call(abi.encodeCall(IBasePool.onSwap, (_request(), uint256(1), uint256(1))));
        assertTrue(ok, "call succeeds");
        assertEq(ret, hex"01", "short reply verbatim");
        // A typed V2 caller cannot decode it.
        (ok,) = address(this).call(abi.encodeCall(this.typedOnSwap, ()));
        assertTrue(!ok, "typed decode of a 1-byte reply reverts");
        // A bad offset for the join arrays.
        pool.setRawReturn(MaliciousPool.Hook.Join, abi.encode(uint256(1 << 64), uint256(64)));
        (ok,) = address(this).call(abi.encodeCall(this.typedOnJoin, ()));
        assertTrue(!ok, "typed decode of a bad offset reverts");
    }

    function typedOnSwap() external returns (uint256) {
        return IBasePool(address(pool)).onSwap(_request(), 1, 1);
    }

    function typedOnJoin() external returns (uint256[] memory, uint256[] memory) {
        return IBasePool(address(pool)).onJoinPool(bytes32(0), address(0), address(0), new uint256[](0), 0, 0, "");
    }

    function test_hookRevertAndReentryRecording() public {
        pool.setHookRevert(true);
        vm.expectRevert(MaliciousPool.PoolHookReverted.selector);
        IBasePool(address(pool)).onSwap(_request(), 1, 1);
        pool.setHookRevert(false);
        pool.setSwapReturn(1);
        // Re-entry into the (mock) Vault: setRelayerApproval for someone else must fail.
        pool.setReentry(abi.encodeCall(MockVault.setRelayerApproval, (address(0xBEEF), address(pool), true)));
        IBasePool(address(pool)).onSwap(_request(), 1, 1);
        assertTrue(!pool.lastReentrySucceeded(), "re-entry failed");
        assertEq(
            pool.lastReentryReturnData(),
            abi.encodeWithSelector(MockVault.UserDoesNotAllowRelayer.selector, address(0xBEEF), address(pool)),
            "revert data recorded"
        );
        assertEq(pool.hookCalls(), 1, "hook calls counted (the reverted one rolled back)");
    }
}
