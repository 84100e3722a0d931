// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "./TestERC20.sol";

/// @title FeeOnTransferToken
/// @notice ERC-20 that burns `feeBps` basis points (default 100 = 1%) of every transfer
///         and transferFrom: the recipient receives `amount - fee`, fee rounded down, and
///         the `Transfer` event reports what the recipient received. Minting is fee-free.
///         The Vault does not support such tokens; tests use it to show the Vault detects
///         the shortfall where a balance check allows it (flash-loan repayment) and never
///         silently mis-accounts.
contract FeeOnTransferToken is TestERC20 {
    uint256 public constant MAX_BPS = 10_000;
    uint256 public feeBps;

    event TransferFeeBurned(address indexed from, uint256 fee);

    error FeeTooHigh(uint256 feeBps);

    constructor(string memory name_, string memory symbol_, uint8 decimals_, uint256 feeBps_)
        TestERC20(name_, symbol_, decimals_)
    {
        if (feeBps_ > MAX_BPS) revert FeeTooHigh(feeBps_);
        feeBps = feeBps_;
    }

    /// @notice Test knob: change the fee (0 turns the token into a plain ERC-20).
    function setFeeBps(uint256 feeBps_) external {
        if (feeBps_ > MAX_BPS) revert FeeTooHigh(feeBps_);
        feeBps = feeBps_;
    }

    function _transfer(address from, address to, uint256 amount) internal override {
        uint256 fee = (amount * feeBps) / MAX_BPS;
        _debit(from, amount);
        _balances[to] += amount - fee;
        totalSupply -= fee;
        emit Transfer(from, to, amount - fee);
        if (fee > 0) emit TransferFeeBurned(from, fee);
    }
}
