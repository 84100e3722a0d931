// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "./utils/Vm.sol";
import "./mocks/MockVault.sol";
import "../src/tokens/TestERC20.sol";
import "../src/flashloan/MinimalFlashLoanRecipient.sol";
import "../src/flashloan/NonRepayingRecipient.sol";
import "../src/flashloan/ReenteringRecipient.sol";
import "../src/flashloan/ViewProbeRecipient.sol";
import "../src/flashloan/FlashLoanArbitrageur.sol";

/// @notice Unit tests of the flash-loan test contracts against MockVault (which mirrors the
///         Vault's lock and repayment rules), so integration tests can trust them.
contract FlashLoansTest is TestBase {
    MockVault internal vault;
    TestERC20 internal a; // a < b by address
    TestERC20 internal b;

    function setUp() public {
        vault = new MockVault();
        vault.setFlashLoanFeePercentage(1e15); // 0.1%
        TestERC20 x = new TestERC20("Token X", "X", 18);
        TestERC20 y = new TestERC20("Token Y", "Y", 6);
        (a, b) = address(x) < address(y) ? (x, y) : (y, x);
        a.mint(address(vault), 1_000_000e18);
        b.mint(address(vault), 1_000_000e18);
    }

    function _v() internal view returns (IVault) {
        return IVault(address(vault));
    }

    function _pair(uint256 amountA, uint256 amountB) internal view returns (IERC20[] memory t, uint256[] memory m) {
        t = new IERC20[](2);
        t[0] = IERC20(address(a));
        t[1] = IERC20(address(b));
        m = new uint256[](2);
        m[0] = amountA;
        m[1] = amountB;
    }

    function _one(uint256 amountA) internal view returns (IERC20[] memory t, uint256[] memory m) {
        t = new IERC20[](1);
        t[0] = IERC20(address(a));
        m = new uint256[](1);
        m[0] = amountA;
    }

    function test_Minimal_repaysAmountPlusFeeExactly() public {
        MinimalFlashLoanRecipient r = new MinimalFlashLoanRecipient(_v());
        a.mint(address(r), 10e18);
        b.mint(address(r), 10e18);
        (IERC20[] memory t, uint256[] memory m) = _pair(1000e18, 1001);
        r.borrow(t, m, "");
        // fees: 1000e18 * 0.1% = 1e18; 1001 * 0.1% = 1.001 -> rounded up to 2
        assertEq(a.balanceOf(address(r)), 9e18, "fee A paid");
        assertEq(b.balanceOf(address(r)), 10e18 - 2, "fee B rounded up and paid");
        assertEq(a.balanceOf(address(vault)), 1_000_001e18, "vault gained fee A");
    }

    function test_Minimal_rejectsCallersOtherThanTheVault() public {
        MinimalFlashLoanRecipient r = new MinimalFlashLoanRecipient(_v());
        (IERC20[] memory t, uint256[] memory m) = _one(1);
        vm.expectRevert(abi.encodeWithSelector(MinimalFlashLoanRecipient.CallerNotVault.selector, address(this)));
        r.receiveFlashLoan(t, m, m, "");
    }

    function test_NonRepaying_eachShortfallFailsTheLoan() public {
        (IERC20[] memory t, uint256[] memory m) = _one(1000e18);
        NonRepayingRecipient r = new NonRepayingRecipient(_v(), type(uint256).max);
        a.mint(address(r), 10e18);
        vm.expectRevert(abi.encodeWithSelector(MockVault.InsufficientFlashLoanFeeAmount.selector, 1_000_000e18 - 1000e18, 1_000_001e18));
        r.borrow(t, m, "");
        r.setShortfall(1e18); // principal back, fee not
        vm.expectRevert(abi.encodeWithSelector(MockVault.InsufficientFlashLoanFeeAmount.selector, 1_000_000e18, 1_000_001e18));
        r.borrow(t, m, "");
        r.setShortfall(1);
        vm.expectRevert(abi.encodeWithSelector(MockVault.InsufficientFlashLoanFeeAmount.selector, 1_000_001e18 - 1, 1_000_001e18));
        r.borrow(t, m, "");
        r.setShortfall(0); // control: exact repayment works
        r.borrow(t, m, "");
        assertEq(a.balanceOf(address(vault)), 1_000_001e18, "repaid with fee");
    }

    function test_Reentering_recordsEveryBlockedReentry() public {
        ReenteringRecipient r = new ReenteringRecipient(_v());
        a.mint(address(r), 10e18);
        (IERC20[] memory t, uint256[] memory m) = _one(100e18);
        bytes[] memory calls = new bytes[](3);
        calls[0] = abi.encodeCall(MockVault.flashLoan, (IFlashLoanRecipient(address(r)), t, m, ""));
        calls[1] = abi.encodeCall(MockVault.setRelayerApproval, (address(r), address(this), true));
        calls[2] = abi.encodeCall(
            MockVault.swap,
            (
                IVault.SingleSwap(bytes32(0), IVault.SwapKind.GIVEN_IN, IAsset(address(a)), IAsset(address(b)), 1, ""),
                IVault.FundManagement(address(r), false, payable(address(r)), false),
                0,
                block.timestamp
            )
        );
        r.borrow(t, m, calls);
        assertEq(r.attemptCount(), 3, "three attempts");
        for (uint256 i = 0; i < 3; ++i) {
            (bool ok, bytes memory ret) = r.attempt(i);
            assertTrue(!ok, "re-entry failed");
            assertEq(ret, abi.encodeWithSelector(MockVault.Reentrancy.selector), "with the lock's error");
        }
    }

    function test_Reentering_failsTheLoanLoudlyIfAReentrySucceeds() public {
        ReenteringRecipient r = new ReenteringRecipient(_v());
        a.mint(address(r), 10e18);
        (IERC20[] memory t, uint256[] memory m) = _one(100e18);
        bytes[] memory calls = new bytes[](1);
        calls[0] = abi.encodeCall(MockVault.getLockState, ()); // a view: answers during the callback
        vm.expectRevert(abi.encodeWithSelector(ReenteringRecipient.ReentrySucceeded.selector, 0, abi.encode(uint8(2))));
        r.borrow(t, m, calls);
    }

    function test_ViewProbe_recordsViewsInsideAndOutsideTheLoan() public {
        ViewProbeRecipient r = new ViewProbeRecipient(_v());
        a.mint(address(r), 10e18);
        ViewProbeRecipient.Probe[] memory probes = new ViewProbeRecipient.Probe[](2);
        probes[0] = ViewProbeRecipient.Probe(address(vault), abi.encodeCall(MockVault.getLockState, ()));
        probes[1] = ViewProbeRecipient.Probe(address(a), abi.encodeCall(TestERC20.balanceOf, (address(vault))));
        (IERC20[] memory t, uint256[] memory m) = _one(100e18);
        r.borrowAndProbe(t, m, probes);
        assertEq(r.resultCount(), 2, "two results");
        (bool ok, bytes memory ret) = r.result(0);
        assertTrue(ok, "view answered during callback");
        assertEq(abi.decode(ret, (uint8)), 2, "lock state CALLBACK");
        (ok, ret) = r.result(1);
        assertEq(abi.decode(ret, (uint256)), 1_000_000e18 - 100e18, "vault balance mid-loan");
        r.probeNow(probes);
        (ok, ret) = r.result(1);
        assertEq(abi.decode(ret, (uint256)), 1_000_000e18 + 1e17, "vault balance after the loan (+fee)");
    }

    function _venue() internal returns (MockVault venue) {
        venue = new MockVault();
        a.mint(address(venue), 1_000_000e18);
        b.mint(address(venue), 1_000_000e18);
        venue.setRate(bytes32(uint256(1)), 2e18); // A -> B at 2
        venue.setRate(bytes32(uint256(2)), 0.51e18); // B -> A at 0.51: 1000 A -> 2000 B -> 1020 A
    }

    function test_Arbitrageur_keepsTheProfit_swapsAndBatchSwap() public {
        MockVault venue = _venue();
        for (uint256 mode = 0; mode < 2; ++mode) {
            FlashLoanArbitrageur arb = new FlashLoanArbitrageur(_v());
            uint256 before = a.balanceOf(address(this));
            uint256 profit = arb.arbitrage(
                IVault(address(venue)), bytes32(uint256(1)), bytes32(uint256(2)), IERC20(address(a)), IERC20(address(b)), 1000e18, mode == 1
            );
            // back 1020, owed 1000 + 1 fee
            assertEq(profit, 19e18, "profit");
            assertEq(a.balanceOf(address(this)) - before, 19e18, "profit sent to caller");
            assertEq(a.balanceOf(address(arb)), 0, "nothing left behind");
            assertEq(arb.lastAmountBack(), 1020e18, "amount back");
        }
        assertEq(a.balanceOf(address(vault)), 1_000_000e18 + 2e18, "lender got two fees");
    }

    function test_Arbitrageur_revertsWithoutProfit() public {
        MockVault venue = _venue();
        venue.setRate(bytes32(uint256(2)), 0.5005e18); // 1000 -> 2000 -> 1001 == owed: no profit
        FlashLoanArbitrageur arb = new FlashLoanArbitrageur(_v());
        vm.expectRevert(abi.encodeWithSelector(FlashLoanArbitrageur.NoProfit.selector, 1001e18, 1001e18));
        arb.arbitrage(
            IVault(address(venue)), bytes32(uint256(1)), bytes32(uint256(2)), IERC20(address(a)), IERC20(address(b)), 1000e18, false
        );
    }

    function test_Arbitrageur_onTheLendingVaultHitsTheLock() public {
        vault.setRate(bytes32(uint256(1)), 2e18);
        vault.setRate(bytes32(uint256(2)), 0.51e18);
        FlashLoanArbitrageur arb = new FlashLoanArbitrageur(_v());
        vm.expectRevert(MockVault.Reentrancy.selector);
        arb.arbitrage(_v(), bytes32(uint256(1)), bytes32(uint256(2)), IERC20(address(a)), IERC20(address(b)), 1000e18, true);
    }

    function test_Arbitrageur_rejectsLoansItDidNotAskFor() public {
        FlashLoanArbitrageur arb = new FlashLoanArbitrageur(_v());
        (IERC20[] memory t, uint256[] memory m) = _one(1);
        vm.expectRevert(FlashLoanArbitrageur.UnexpectedLoan.selector);
        vault.flashLoan(IFlashLoanRecipient(address(arb)), t, m, "");
    }
}
