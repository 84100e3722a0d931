// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "./TestERC20.sol";

/// @title RevertingToken
/// @notice A standard TestERC20 with two test switches:
///         - `setTransfersReverting(true)`: transfer and transferFrom revert with
///           `TransfersDisabled()` (a paused / blacklisting token);
///         - `setBalanceOfReverting(true)`: balanceOf reverts with `BalanceOfDisabled()`
///           (the Vault reads balances around flash loans);
///         - `setDecimalsReverting(true)`: decimals() reverts with `DecimalsDisabled()`
///           (a pool reads its tokens' decimals when it is initialised).
///         Used to show a failing token reverts the whole operation and changes nothing.
contract RevertingToken is TestERC20 {
    bool public transfersReverting;
    bool public balanceOfReverting;
    bool public decimalsReverting;

    error TransfersDisabled();
    error BalanceOfDisabled();
    error DecimalsDisabled();

    constructor(string memory name_, string memory symbol_, uint8 decimals_) TestERC20(name_, symbol_, decimals_) {}

    function setTransfersReverting(bool on) external {
        transfersReverting = on;
    }

    function setBalanceOfReverting(bool on) external {
        balanceOfReverting = on;
    }

    function setDecimalsReverting(bool on) external {
        decimalsReverting = on;
    }

    function decimals() public view override returns (uint8) {
        if (decimalsReverting) revert DecimalsDisabled();
        return super.decimals();
    }

    function balanceOf(address account) public view override returns (uint256) {
        if (balanceOfReverting) revert BalanceOfDisabled();
        return super.balanceOf(account);
    }

    function _transfer(address from, address to, uint256 amount) internal override {
        if (transfersReverting) revert TransfersDisabled();
        super._transfer(from, to, amount);
    }
}
