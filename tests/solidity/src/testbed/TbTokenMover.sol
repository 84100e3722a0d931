// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

interface ITbERC20 {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

/// @title TbTokenMover
/// @notice Moves ERC-20 tokens with transferFrom, as a vault or router does.
contract TbTokenMover {
    error TransferFailed();

    function pull(address token, address from, address to, uint256 amount) external returns (uint256) {
        if (!ITbERC20(token).transferFrom(from, to, amount)) revert TransferFailed();
        return ITbERC20(token).balanceOf(to);
    }
}
