// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title RebasingToken
/// @notice ERC-20 whose balances are shares x a global multiplier (stETH/AMPL-like):
///         `rebase(newMultiplierWad)` changes every holder's balance at once, without any
///         Transfer. `scheduleRebase(m)` arms a rebase that happens at the START of the next
///         transfer/transferFrom (so a test can make the Vault's balance move in the middle
///         of an operation, e.g. while a flash-loan recipient repays).
///         The Vault does not support such tokens; tests use it to show the flash-loan
///         balance check catches a balance that shrank, and that nothing is mis-accounted.
///         Amount -> shares conversion rounds UP when debiting and DOWN when crediting, so a
///         holder can never gain from rounding.
contract RebasingToken {
    uint256 internal constant WAD = 1e18;

    string public name;
    string public symbol;
    uint8 public immutable decimals;
    /// @notice Balance = shares x multiplier / 1e18.
    uint256 public multiplier = WAD;
    uint256 public scheduledMultiplier; // 0 = none
    uint256 public totalShares;
    mapping(address => uint256) public sharesOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event Rebased(uint256 multiplier);

    error InsufficientBalance(address from, uint256 balance, uint256 needed);
    error InsufficientAllowance(address owner, address spender, uint256 allowance, uint256 needed);
    error ZeroMultiplier();

    constructor(string memory name_, string memory symbol_, uint8 decimals_) {
        name = name_;
        symbol = symbol_;
        decimals = decimals_;
    }

    function balanceOf(address account) public view returns (uint256) {
        return (sharesOf[account] * multiplier) / WAD;
    }

    function totalSupply() external view returns (uint256) {
        return (totalShares * multiplier) / WAD;
    }

    /// @notice Test knob: every balance is multiplied by newMultiplier / current multiplier.
    function rebase(uint256 newMultiplierWad) public {
        if (newMultiplierWad == 0) revert ZeroMultiplier();
        multiplier = newMultiplierWad;
        emit Rebased(newMultiplierWad);
    }

    /// @notice Test knob: rebase to `newMultiplierWad` at the start of the next transfer.
    function scheduleRebase(uint256 newMultiplierWad) external {
        if (newMultiplierWad == 0) revert ZeroMultiplier();
        scheduledMultiplier = newMultiplierWad;
    }

    /// @notice Test faucet, unrestricted: mints `amount` (rounded down to whole shares).
    function mint(address to, uint256 amount) external {
        uint256 shares = (amount * WAD) / multiplier;
        totalShares += shares;
        sharesOf[to] += shares;
        emit Transfer(address(0), to, amount);
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 current = allowance[from][msg.sender];
        if (current != type(uint256).max) {
            if (current < amount) revert InsufficientAllowance(from, msg.sender, current, amount);
            allowance[from][msg.sender] = current - amount;
        }
        _transfer(from, to, amount);
        return true;
    }

    function _transfer(address from, address to, uint256 amount) private {
        uint256 pending = scheduledMultiplier;
        if (pending != 0) {
            scheduledMultiplier = 0;
            rebase(pending);
        }
        uint256 debit = (amount * WAD + multiplier - 1) / multiplier; // round up
        uint256 credit = (amount * WAD) / multiplier; // round down
        uint256 shares = sharesOf[from];
        if (shares < debit) revert InsufficientBalance(from, balanceOf(from), amount);
        sharesOf[from] = shares - debit;
        sharesOf[to] += credit;
        totalShares -= debit - credit;
        emit Transfer(from, to, amount);
    }
}
