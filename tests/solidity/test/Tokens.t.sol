// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "./utils/Vm.sol";
import "../src/tokens/TestERC20.sol";
import "../src/tokens/FeeOnTransferToken.sol";
import "../src/tokens/ReturnsFalseToken.sol";
import "../src/tokens/NoReturnToken.sol";
import "../src/tokens/RevertingToken.sol";
import "../src/tokens/WETH9.sol";
import "../src/tokens/HookToken.sol";
import "../src/tokens/RebasingToken.sol";

/// @notice Checks each test token does exactly what its doc says, so integration tests
///         that use them to probe the Vault rely on known behaviour.
contract TokensTest is TestBase {
    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B);

    receive() external payable {}

    function test_TestERC20_mintTransferAllowance() public {
        TestERC20 t = new TestERC20("USD Coin", "USDC", 6);
        assertEq(t.decimals(), 6, "decimals");
        t.mint(ALICE, 1000);
        assertEq(t.totalSupply(), 1000, "supply");
        vm.prank(ALICE);
        t.approve(address(this), 300);
        assertTrue(t.transferFrom(ALICE, BOB, 200), "transferFrom returns true");
        assertEq(t.allowance(ALICE, address(this)), 100, "allowance spent");
        assertEq(t.balanceOf(BOB), 200, "bob");
        vm.expectRevert(abi.encodeWithSelector(TestERC20.InsufficientAllowance.selector, ALICE, address(this), 100, 101));
        t.transferFrom(ALICE, BOB, 101);
        vm.expectRevert(abi.encodeWithSelector(TestERC20.InsufficientBalance.selector, BOB, 200, 201));
        vm.prank(BOB);
        t.transfer(ALICE, 201);
    }

    function test_TestERC20_infiniteAllowanceIsNotSpent() public {
        TestERC20 t = new TestERC20("Dai", "DAI", 18);
        t.mint(ALICE, 10);
        vm.prank(ALICE);
        t.approve(address(this), type(uint256).max);
        t.transferFrom(ALICE, BOB, 10);
        assertEq(t.allowance(ALICE, address(this)), type(uint256).max, "infinite allowance kept");
    }

    function test_FeeOnTransfer_recipientGetsAmountMinusOnePercent() public {
        FeeOnTransferToken t = new FeeOnTransferToken("Fee", "FEE", 18, 100);
        t.mint(ALICE, 1000);
        vm.prank(ALICE);
        t.transfer(BOB, 999);
        // fee = floor(999 * 100 / 10000) = 9
        assertEq(t.balanceOf(BOB), 990, "bob receives amount - fee");
        assertEq(t.balanceOf(ALICE), 1, "alice debited the full amount");
        assertEq(t.totalSupply(), 991, "fee burnt");
        t.setFeeBps(0);
        vm.prank(BOB);
        t.transfer(ALICE, 990);
        assertEq(t.balanceOf(ALICE), 991, "fee 0 = plain token");
        vm.expectRevert(abi.encodeWithSelector(FeeOnTransferToken.FeeTooHigh.selector, 10_001));
        t.setFeeBps(10_001);
    }

    function test_ReturnsFalse_falseOnFailureMode() public {
        ReturnsFalseToken t = new ReturnsFalseToken("False", "FLS", 18);
        t.mint(ALICE, 100);
        vm.prank(ALICE);
        assertTrue(!t.transfer(BOB, 101), "insufficient balance returns false");
        assertEq(t.balanceOf(ALICE), 100, "nothing moved");
        assertTrue(!t.transferFrom(ALICE, BOB, 1), "no allowance returns false");
        vm.prank(ALICE);
        t.approve(address(this), 50);
        assertTrue(t.transferFrom(ALICE, BOB, 50), "valid transferFrom returns true");
        assertEq(t.balanceOf(BOB), 50, "moved");
        assertEq(t.allowance(ALICE, address(this)), 0, "allowance spent");
    }

    function test_ReturnsFalse_alwaysFailMode() public {
        ReturnsFalseToken t = new ReturnsFalseToken("False", "FLS", 18);
        t.mint(ALICE, 100);
        vm.prank(ALICE);
        t.approve(address(this), 100);
        t.setAlwaysFail(true);
        vm.prank(ALICE);
        assertTrue(!t.transfer(BOB, 1), "transfer false");
        assertTrue(!t.transferFrom(ALICE, BOB, 1), "transferFrom false");
        assertEq(t.balanceOf(ALICE), 100, "nothing moved");
        assertEq(t.allowance(ALICE, address(this)), 100, "allowance untouched");
    }

    function test_NoReturn_returnsNoDataAndRevertsOnFailure() public {
        NoReturnToken t = new NoReturnToken("Tether", "USDT", 6);
        t.mint(address(this), 100);
        (bool ok, bytes memory ret) = address(t).call(abi.encodeWithSignature("transfer(address,uint256)", BOB, 40));
        assertTrue(ok, "transfer succeeds");
        assertEq(ret.length, 0, "no return data");
        assertEq(t.balanceOf(BOB), 40, "moved");
        (ok, ret) = address(t).call(abi.encodeWithSignature("approve(address,uint256)", ALICE, 5));
        assertTrue(ok && ret.length == 0, "approve returns nothing");
        (ok, ret) = address(t).call(abi.encodeWithSignature("transfer(address,uint256)", BOB, 61));
        assertTrue(!ok, "insufficient balance reverts");
        assertEq(ret, abi.encodeWithSelector(NoReturnToken.InsufficientBalance.selector, address(this), 60, 61), "error");
        // A caller decoding `bool` (IERC20) reverts on the empty return.
        (ok,) = address(this).call(abi.encodeWithSelector(this.decodeBoolTransfer.selector, address(t)));
        assertTrue(!ok, "bool-decoding caller reverts");
    }

    function decodeBoolTransfer(address token) external returns (bool) {
        return IERC20Like(token).transfer(BOB, 1);
    }

    function test_Reverting_switches() public {
        RevertingToken t = new RevertingToken("Rev", "REV", 18);
        t.mint(address(this), 10);
        t.transfer(BOB, 1);
        t.setTransfersReverting(true);
        vm.expectRevert(RevertingToken.TransfersDisabled.selector);
        t.transfer(BOB, 1);
        t.setBalanceOfReverting(true);
        vm.expectRevert(RevertingToken.BalanceOfDisabled.selector);
        t.balanceOf(BOB);
        t.setDecimalsReverting(true);
        vm.expectRevert(RevertingToken.DecimalsDisabled.selector);
        t.decimals();
        t.setDecimalsReverting(false);
        assertEq(t.decimals(), 18, "decimals back");
        t.setTransfersReverting(false);
        t.setBalanceOfReverting(false);
        t.transfer(BOB, 1);
        assertEq(t.balanceOf(BOB), 2, "works again");
    }

    function test_WETH9_depositWithdraw() public {
        WETH9 w = new WETH9();
        vm.deal(address(this), 5 ether);
        w.deposit{value: 2 ether}();
        (bool ok,) = address(w).call{value: 1 ether}("");
        assertTrue(ok, "receive deposits");
        assertEq(w.balanceOf(address(this)), 3 ether, "wrapped");
        assertEq(w.totalSupply(), 3 ether, "supply = ETH held");
        w.withdraw(1 ether);
        assertEq(address(this).balance, 3 ether, "unwrapped");
        w.approve(ALICE, 1 ether);
        vm.prank(ALICE);
        w.transferFrom(address(this), BOB, 1 ether);
        assertEq(w.balanceOf(BOB), 1 ether, "transferFrom");
        vm.expectRevert(abi.encodeWithSelector(WETH9.InsufficientBalance.selector, address(this), 1 ether, 2 ether));
        w.withdraw(2 ether);
    }

    function test_HookToken_recordsMidTransferCallsAndCompletesTransfer() public {
        HookToken t = new HookToken("Hook", "HOOK", 18);
        Probe probe = new Probe();
        t.mint(address(this), 100);
        // The hook reads the balances mid-transfer: sender already debited, recipient not credited.
        t.setHook(address(probe), abi.encodeCall(Probe.read, (t, address(this), BOB)), true, address(0), address(0));
        t.transfer(BOB, 30);
        assertEq(t.hookResultCount(), 1, "one hook call");
        (bool ok, bytes memory ret) = t.hookResult(0);
        assertTrue(ok, "static call succeeded");
        (uint256 fromBal, uint256 toBal) = abi.decode(ret, (uint256, uint256));
        assertEq(fromBal, 70, "sender debited before hook");
        assertEq(toBal, 0, "recipient credited after hook");
        assertEq(t.balanceOf(BOB), 30, "transfer completed");

        // A failing (state-changing under STATICCALL) hook is recorded, transfer still completes.
        t.setHook(address(probe), abi.encodeCall(Probe.write, ()), true, address(0), BOB);
        t.setHookGas(100_000); // a write under STATICCALL burns all the gas it is given
        t.transfer(ALICE, 1); // filtered out: only transfers to BOB trigger the hook
        assertEq(t.hookResultCount(), 1, "filter by recipient");
        t.transfer(BOB, 1);
        (ok,) = t.hookResult(1);
        assertTrue(!ok, "write under staticcall fails and is recorded");
        assertEq(t.balanceOf(BOB), 31, "transfer completed anyway");
        assertTrue(gasleft() > 1_000_000, "capped hook left the caller its gas");
        t.clearHookResults();
        assertEq(t.hookResultCount(), 0, "cleared");
    }
}

interface IERC20Like {
    function transfer(address to, uint256 amount) external returns (bool);
}

contract Probe {
    uint256 public writes;

    function read(HookToken t, address a, address b) external view returns (uint256, uint256) {
        return (t.balanceOf(a), t.balanceOf(b));
    }

    function write() external {
        writes += 1;
    }
}

contract RebasingTokenTest is TestBase {
    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B);

    function test_rebaseScalesEveryBalance() public {
        RebasingToken t = new RebasingToken("Staked", "stX", 18);
        t.mint(ALICE, 100e18);
        t.mint(BOB, 50e18);
        t.rebase(0.9e18);
        assertEq(t.balanceOf(ALICE), 90e18, "alice -10%");
        assertEq(t.balanceOf(BOB), 45e18, "bob -10%");
        assertEq(t.totalSupply(), 135e18, "supply -10%");
    }

    function test_scheduledRebaseHappensAtTheNextTransfer() public {
        RebasingToken t = new RebasingToken("Staked", "stX", 18);
        t.mint(ALICE, 100e18);
        t.mint(BOB, 100e18);
        t.scheduleRebase(0.5e18);
        assertEq(t.balanceOf(BOB), 100e18, "not yet");
        vm.prank(ALICE);
        t.transfer(BOB, 10e18); // rebases first: alice 50 -> 40, bob 50 -> 60
        assertEq(t.balanceOf(ALICE), 40e18, "alice");
        assertEq(t.balanceOf(BOB), 60e18, "bob");
        assertEq(t.scheduledMultiplier(), 0, "consumed");
    }

    function test_roundingNeverFavoursTheHolder() public {
        RebasingToken t = new RebasingToken("Staked", "stX", 18);
        t.rebase(3e18); // 1 share = 3 units
        t.mint(ALICE, 9); // 3 shares
        vm.prank(ALICE);
        t.transfer(BOB, 1); // debits ceil(1/3) = 1 share, credits floor(1/3) = 0 shares
        assertEq(t.balanceOf(ALICE), 6, "alice paid a whole share");
        assertEq(t.balanceOf(BOB), 0, "bob credited nothing");
        assertEq(t.totalSupply(), 6, "the lost share is burnt");
    }
}
