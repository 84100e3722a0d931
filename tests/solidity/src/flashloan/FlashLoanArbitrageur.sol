// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "@abi/IVault.sol";
import "@abi/IFlashLoanRecipient.sol";

/// @title FlashLoanArbitrageur
/// @notice Capital-free arbitrage: borrows `amount` of token A from the `lender` Vault,
///         sells it for token B in pool `poolBuy` and B back for A in pool `poolSell` on the
///         `venue` Vault (two vault.swap calls, or one two-step batchSwap), repays amount +
///         fee and sends the profit (in A) to the caller. Reverts with `NoProfit` if the
///         round trip does not cover amount + fee.
///         The Vault is locked while a flash-loan recipient runs (state-changing calls
///         revert), so `venue` must be ANOTHER Vault deployment (or any V2-compatible
///         venue); with venue == lender the swaps hit the lock and the loan reverts, which
///         is itself a test of the lock. Both cases are meaningful tests.
contract FlashLoanArbitrageur is IFlashLoanRecipient {
    struct Plan {
        IVault venue;
        bytes32 poolBuy;
        bytes32 poolSell;
        IERC20 tokenA;
        IERC20 tokenB;
        bool useBatchSwap;
        address profitRecipient;
    }

    IVault public immutable lender;
    /// @notice True only between arbitrage() and its flash-loan callback.
    bool private _expectingLoan;

    /// @notice Last completed arbitrage, for tests.
    uint256 public lastProfit;
    uint256 public lastAmountB;
    uint256 public lastAmountBack;

    event Arbitraged(address indexed profitRecipient, uint256 borrowed, uint256 fee, uint256 profit);

    error CallerNotLender(address caller);
    error UnexpectedLoan();
    error NoProfit(uint256 amountBack, uint256 owed);
    error BadLoan();
    error TransferFailed(IERC20 token);

    constructor(IVault lender_) {
        lender = lender_;
    }

    /// @notice Runs the arbitrage; the profit goes to msg.sender.
    /// @return profit amount of token A sent to msg.sender.
    function arbitrage(
        IVault venue,
        bytes32 poolBuy,
        bytes32 poolSell,
        IERC20 tokenA,
        IERC20 tokenB,
        uint256 amount,
        bool useBatchSwap
    ) external returns (uint256 profit) {
        IERC20[] memory tokens = new IERC20[](1);
        tokens[0] = tokenA;
        uint256[] memory amounts = new uint256[](1);
        amounts[0] = amount;
        Plan memory plan = Plan(venue, poolBuy, poolSell, tokenA, tokenB, useBatchSwap, msg.sender);
        _expectingLoan = true;
        lender.flashLoan(this, tokens, amounts, abi.encode(plan));
        _expectingLoan = false;
        return lastProfit;
    }

    function receiveFlashLoan(
        IERC20[] memory tokens,
        uint256[] memory amounts,
        uint256[] memory feeAmounts,
        bytes memory userData
    ) external override {
        if (msg.sender != address(lender)) revert CallerNotLender(msg.sender);
        if (!_expectingLoan) revert UnexpectedLoan();
        if (tokens.length != 1 || amounts.length != 1 || feeAmounts.length != 1) revert BadLoan();
        Plan memory plan = abi.decode(userData, (Plan));
        if (address(tokens[0]) != address(plan.tokenA)) revert BadLoan();

        uint256 amount = amounts[0];
        uint256 owed = amount + feeAmounts[0];
        uint256 balanceBefore = plan.tokenA.balanceOf(address(this)) - amount;

        plan.tokenA.approve(address(plan.venue), amount);
        uint256 amountBack = plan.useBatchSwap ? _roundTripBatch(plan, amount) : _roundTripSwaps(plan, amount);
        if (amountBack <= owed) revert NoProfit(amountBack, owed);

        if (!plan.tokenA.transfer(address(lender), owed)) revert TransferFailed(plan.tokenA);
        uint256 profit = plan.tokenA.balanceOf(address(this)) - balanceBefore;
        if (!plan.tokenA.transfer(plan.profitRecipient, profit)) revert TransferFailed(plan.tokenA);
        lastProfit = profit;
        emit Arbitraged(plan.profitRecipient, amount, feeAmounts[0], profit);
    }

    /// @dev A -> B on poolBuy, then all of B -> A on poolSell, as two single swaps.
    function _roundTripSwaps(Plan memory plan, uint256 amount) private returns (uint256 amountBack) {
        IVault.FundManagement memory funds = _selfFunds();
        uint256 amountB = plan.venue.swap(
            IVault.SingleSwap(plan.poolBuy, IVault.SwapKind.GIVEN_IN, _asset(plan.tokenA), _asset(plan.tokenB), amount, ""),
            funds,
            0,
            block.timestamp
        );
        plan.tokenB.approve(address(plan.venue), amountB);
        amountBack = plan.venue.swap(
            IVault.SingleSwap(plan.poolSell, IVault.SwapKind.GIVEN_IN, _asset(plan.tokenB), _asset(plan.tokenA), amountB, ""),
            funds,
            0,
            block.timestamp
        );
        lastAmountB = amountB;
        lastAmountBack = amountBack;
    }

    /// @dev Same round trip as one batchSwap; B nets to zero inside the Vault.
    function _roundTripBatch(Plan memory plan, uint256 amount) private returns (uint256 amountBack) {
        IVault.BatchSwapStep[] memory steps = new IVault.BatchSwapStep[](2);
        steps[0] = IVault.BatchSwapStep(plan.poolBuy, 0, 1, amount, "");
        steps[1] = IVault.BatchSwapStep(plan.poolSell, 1, 0, 0, "");
        IAsset[] memory assets = new IAsset[](2);
        assets[0] = _asset(plan.tokenA);
        assets[1] = _asset(plan.tokenB);
        int256[] memory limits = new int256[](2);
        limits[0] = int256(amount); // A: pay at most `amount` net (negative = we receive)
        limits[1] = 0; // B: must net to zero
        int256[] memory deltas =
            plan.venue.batchSwap(IVault.SwapKind.GIVEN_IN, steps, assets, _selfFunds(), limits, block.timestamp);
        // Net A delta = amount - amountBack (positive: paid into the venue).
        int256 net = deltas[0];
        amountBack = net <= 0 ? amount + uint256(-net) : amount - uint256(net);
        lastAmountB = 0;
        lastAmountBack = amountBack;
    }

    function _selfFunds() private view returns (IVault.FundManagement memory) {
        return IVault.FundManagement(address(this), false, payable(address(this)), false);
    }

    function _asset(IERC20 token) private pure returns (IAsset) {
        return IAsset(address(token));
    }
}
