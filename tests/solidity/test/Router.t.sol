// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "./utils/Vm.sol";
import "./mocks/MockVault.sol";
import "../src/tokens/TestERC20.sol";
import "../src/router/TestRouter.sol";

/// @notice Unit tests of TestRouter against MockVault: relayer authorisation, sender forced
///         to the caller, the 2-hop batchSwap it builds, join/exit forwarding.
contract RouterTest is TestBase {
    address internal constant USER = address(0x5E5);
    address internal constant MALLORY = address(0xBAD);
    address internal constant BOB = address(0xB0B);
    bytes32 internal constant POOL_AB = bytes32(uint256(0xAB));
    bytes32 internal constant POOL_BC = bytes32(uint256(0xBC));

    MockVault internal vault;
    TestRouter internal router;
    TestERC20 internal a;
    TestERC20 internal b;
    TestERC20 internal c;

    function setUp() public {
        vault = new MockVault();
        router = new TestRouter(IVault(address(vault)));
        a = new TestERC20("A", "A", 18);
        b = new TestERC20("B", "B", 18);
        c = new TestERC20("C", "C", 6);
        b.mint(address(vault), 1e30);
        c.mint(address(vault), 1e30);
        vault.setRate(POOL_AB, 3e18);
        vault.setRate(POOL_BC, 0.5e18);
        a.mint(USER, 100e18);
        vm.prank(USER);
        a.approve(address(vault), type(uint256).max);
    }

    function _asset(TestERC20 t) internal pure returns (IAsset) {
        return IAsset(address(t));
    }

    function _approveRouter() internal {
        vm.prank(USER);
        vault.setRelayerApproval(USER, address(router), true);
    }

    function test_swapExactIn_needsRelayerApproval() public {
        vm.prank(USER);
        vm.expectRevert(abi.encodeWithSelector(MockVault.UserDoesNotAllowRelayer.selector, USER, address(router)));
        router.swapExactIn(POOL_AB, _asset(a), _asset(b), 1e18, 0, block.timestamp);
        _approveRouter();
        vm.prank(USER);
        uint256 out = router.swapExactIn(POOL_AB, _asset(a), _asset(b), 1e18, 3e18, block.timestamp);
        assertEq(out, 3e18, "amount out");
        assertEq(b.balanceOf(USER), 3e18, "paid to the user's wallet");
        assertEq(a.balanceOf(USER), 99e18, "pulled from the user's wallet");
        assertEq(a.balanceOf(address(router)) + b.balanceOf(address(router)), 0, "router holds nothing");
    }

    function test_cannotSpendSomeoneElsesTokensThroughTheRouter() public {
        _approveRouter();
        IVault.FundManagement memory stolen = IVault.FundManagement(USER, false, payable(MALLORY), false);
        IVault.SingleSwap memory s = IVault.SingleSwap(POOL_AB, IVault.SwapKind.GIVEN_IN, _asset(a), _asset(b), 1e18, "");
        vm.prank(MALLORY);
        vm.expectRevert(abi.encodeWithSelector(TestRouter.SenderMustBeCaller.selector, USER, MALLORY));
        router.swap(s, stolen, 0, block.timestamp);
        vm.prank(MALLORY);
        vm.expectRevert(abi.encodeWithSelector(TestRouter.SenderMustBeCaller.selector, USER, MALLORY));
        router.exitPool(POOL_AB, USER, payable(MALLORY), IVault.ExitPoolRequest(new IAsset[](0), new uint256[](0), "", false));
    }

    function test_swapTwoHopsExactIn_chainsThroughTheMiddleAsset() public {
        _approveRouter();
        vm.prank(USER);
        uint256 out =
            router.swapTwoHopsExactIn(POOL_AB, POOL_BC, _asset(a), _asset(b), _asset(c), 10e18, 15e18, block.timestamp);
        // 10 A -> 30 B -> 15 C
        assertEq(out, 15e18, "two-hop output");
        assertEq(c.balanceOf(USER), 15e18, "C received");
        assertEq(b.balanceOf(USER), 0, "B never left the Vault");
        assertEq(a.balanceOf(USER), 90e18, "A paid");
        vm.prank(USER);
        vm.expectRevert(abi.encodeWithSelector(MockVault.SwapLimit.selector, 2, -15e18, -15e18 - 1));
        router.swapTwoHopsExactIn(POOL_AB, POOL_BC, _asset(a), _asset(b), _asset(c), 10e18, 15e18 + 1, block.timestamp);
    }

    function test_joinAndExit_forwardTheRequestWithTheCallerAsSender() public {
        _approveRouter();
        IVault.JoinPoolRequest memory req = IVault.JoinPoolRequest(new IAsset[](0), new uint256[](0), hex"c0ffee", false);
        vm.prank(USER);
        router.joinPool(POOL_AB, USER, BOB, req);
        assertEq(uint256(vault.lastPoolId()), uint256(POOL_AB), "pool id");
        assertEq(vault.lastSender(), USER, "sender");
        assertEq(vault.lastRecipient(), BOB, "recipient");
        assertEq(vault.lastUserData(), hex"c0ffee", "userData forwarded");
        IVault.ExitPoolRequest memory ex = IVault.ExitPoolRequest(new IAsset[](0), new uint256[](0), hex"0bad", false);
        vm.prank(USER);
        router.exitPool(POOL_BC, USER, payable(USER), ex);
        assertEq(uint256(vault.lastPoolId()), uint256(POOL_BC), "exit pool id");
        assertEq(vault.lastUserData(), hex"0bad", "exit userData forwarded");
    }
}
