// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "@abi/IVault.sol";
import "@abi/IFlashLoanRecipient.sol";

/// @notice A small Solidity stand-in for the Vault, used ONLY to unit-test the test
///         contracts in src/ (router, flash-loan recipients, malicious pool) before they
///         meet the real Stylus Vault. It mirrors the Vault's externally visible rules
///         these contracts depend on: a Vault-wide lock (views answer during a flash-loan
///         callback, state-changing calls revert), flash-loan fee rounded up and repayment
///         checked by balance, relayer authorisation of `funds.sender`, GIVEN_IN swaps at
///         a fixed per-pool rate, batchSwap multi-hop (amount 0 = previous output) with
///         net settlement checked against limits. It is not the product.
contract MockVault {
    uint8 internal constant FREE = 0;
    uint8 internal constant CALLBACK = 2;

    uint8 public lock;
    uint256 public flashLoanFeePercentage; // 1e18 = 100%
    mapping(address => mapping(address => bool)) public hasApprovedRelayer;
    /// @dev amountOut = amountIn * rateNum / 1e18 for every swap in `poolId`.
    mapping(bytes32 => uint256) public rate;

    // Last join/exit seen (router tests).
    bytes32 public lastPoolId;
    address public lastSender;
    address public lastRecipient;
    bytes public lastUserData;

    error Reentrancy();
    error UnsortedTokens();
    error InsufficientFlashLoanFeeAmount(uint256 balance, uint256 required);
    error UserDoesNotAllowRelayer(address sender, address relayer);
    error SwapLimit(uint256 index, int256 delta, int256 limit);
    error UnknownAmountInFirstSwap();
    error OnlyGivenIn();
    error TransferFailed();

    modifier locked() {
        if (lock != FREE) revert Reentrancy();
        lock = 1;
        _;
        lock = FREE;
    }

    function setFlashLoanFeePercentage(uint256 p) external {
        flashLoanFeePercentage = p;
    }

    function setRate(bytes32 poolId, uint256 rateWad) external {
        rate[poolId] = rateWad;
    }

    function setRelayerApproval(address sender, address relayer, bool approved) external locked {
        if (sender != msg.sender) revert UserDoesNotAllowRelayer(sender, msg.sender);
        hasApprovedRelayer[sender][relayer] = approved;
    }

    /// @notice A view that refuses to answer while balances may be half-updated.
    function getLockState() external view returns (uint8) {
        if (lock == 1) revert Reentrancy();
        return lock;
    }

    function flashLoan(IFlashLoanRecipient recipient, IERC20[] memory tokens, uint256[] memory amounts, bytes memory userData)
        external
        locked
    {
        uint256[] memory required = new uint256[](tokens.length);
        uint256[] memory fees = new uint256[](tokens.length);
        for (uint256 i = 0; i < tokens.length; ++i) {
            if (i > 0 && address(tokens[i]) <= address(tokens[i - 1])) revert UnsortedTokens();
            fees[i] = (amounts[i] * flashLoanFeePercentage + 1e18 - 1) / 1e18; // rounded up
            required[i] = tokens[i].balanceOf(address(this)) + fees[i];
            if (!tokens[i].transfer(address(recipient), amounts[i])) revert TransferFailed();
        }
        lock = CALLBACK;
        recipient.receiveFlashLoan(tokens, amounts, fees, userData);
        lock = 1;
        for (uint256 i = 0; i < tokens.length; ++i) {
            uint256 bal = tokens[i].balanceOf(address(this));
            if (bal < required[i]) revert InsufficientFlashLoanFeeAmount(bal, required[i]);
        }
    }

    function swap(IVault.SingleSwap memory s, IVault.FundManagement memory funds, uint256 limit, uint256)
        external
        locked
        returns (uint256 amountOut)
    {
        _authorize(funds.sender);
        if (s.kind != IVault.SwapKind.GIVEN_IN) revert OnlyGivenIn();
        amountOut = (s.amount * rate[s.poolId]) / 1e18;
        if (amountOut < limit) revert SwapLimit(0, -int256(amountOut), -int256(limit));
        _pull(IERC20(address(s.assetIn)), funds.sender, s.amount);
        _push(IERC20(address(s.assetOut)), funds.recipient, amountOut);
    }

    function batchSwap(
        IVault.SwapKind kind,
        IVault.BatchSwapStep[] memory steps,
        IAsset[] memory assets,
        IVault.FundManagement memory funds,
        int256[] memory limits,
        uint256
    ) external locked returns (int256[] memory deltas) {
        _authorize(funds.sender);
        if (kind != IVault.SwapKind.GIVEN_IN) revert OnlyGivenIn();
        deltas = new int256[](assets.length);
        uint256 previousOut;
        for (uint256 i = 0; i < steps.length; ++i) {
            uint256 amountIn = steps[i].amount;
            if (amountIn == 0) {
                if (i == 0) revert UnknownAmountInFirstSwap();
                amountIn = previousOut;
            }
            previousOut = (amountIn * rate[steps[i].poolId]) / 1e18;
            deltas[steps[i].assetInIndex] += int256(amountIn);
            deltas[steps[i].assetOutIndex] -= int256(previousOut);
        }
        for (uint256 i = 0; i < assets.length; ++i) {
            if (deltas[i] > limits[i]) revert SwapLimit(i, deltas[i], limits[i]);
            IERC20 token = IERC20(address(assets[i]));
            if (deltas[i] > 0) _pull(token, funds.sender, uint256(deltas[i]));
            else if (deltas[i] < 0) _push(token, funds.recipient, uint256(-deltas[i]));
        }
    }

    function joinPool(bytes32 poolId, address sender, address recipient, IVault.JoinPoolRequest memory request)
        external
        locked
    {
        _authorize(sender);
        _record(poolId, sender, recipient, request.userData);
    }

    function exitPool(bytes32 poolId, address sender, address payable recipient, IVault.ExitPoolRequest memory request)
        external
        locked
    {
        _authorize(sender);
        _record(poolId, sender, recipient, request.userData);
    }

    function registerPool(IVault.PoolSpecialization specialization) external view returns (bytes32) {
        return bytes32(uint256(uint160(msg.sender)) << 96 | uint256(uint8(specialization)) << 80);
    }

    function registerTokens(bytes32, IERC20[] memory, address[] memory) external {}

    function _record(bytes32 poolId, address sender, address recipient, bytes memory userData) private {
        lastPoolId = poolId;
        lastSender = sender;
        lastRecipient = recipient;
        lastUserData = userData;
    }

    function _authorize(address sender) private view {
        if (sender != msg.sender && !hasApprovedRelayer[sender][msg.sender]) {
            revert UserDoesNotAllowRelayer(sender, msg.sender);
        }
    }

    function _pull(IERC20 token, address from, uint256 amount) private {
        if (!token.transferFrom(from, address(this), amount)) revert TransferFailed();
    }

    function _push(IERC20 token, address to, uint256 amount) private {
        if (!token.transfer(to, amount)) revert TransferFailed();
    }
}
