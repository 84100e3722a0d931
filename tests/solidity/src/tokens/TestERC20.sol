// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title TestERC20
/// @notice Plain, standard ERC-20 for tests: configurable decimals (6 and 18 are used),
///         anyone may mint. Reverts (with the custom errors below) on insufficient
///         balance or allowance, returns true on success. An allowance of
///         type(uint256).max is treated as infinite, as in OpenZeppelin.
contract TestERC20 {
    string public name;
    string public symbol;
    uint8 private immutable _decimals;
    uint256 public totalSupply;
    mapping(address => uint256) internal _balances;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    error InsufficientBalance(address from, uint256 balance, uint256 needed);
    error InsufficientAllowance(address owner, address spender, uint256 allowance, uint256 needed);

    constructor(string memory name_, string memory symbol_, uint8 decimals_) {
        name = name_;
        symbol = symbol_;
        _decimals = decimals_;
    }

    function decimals() public view virtual returns (uint8) {
        return _decimals;
    }

    function balanceOf(address account) public view virtual returns (uint256) {
        return _balances[account];
    }

    /// @notice Test faucet: mints `amount` to `to`. Unrestricted on purpose.
    function mint(address to, uint256 amount) public virtual {
        totalSupply += amount;
        _balances[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    /// @notice Burns `amount` from `from` (test helper, unrestricted).
    function burn(address from, uint256 amount) public virtual {
        _debit(from, amount);
        totalSupply -= amount;
        emit Transfer(from, address(0), amount);
    }

    function approve(address spender, uint256 amount) public virtual returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) public virtual returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) public virtual returns (bool) {
        _spendAllowance(from, msg.sender, amount);
        _transfer(from, to, amount);
        return true;
    }

    function _spendAllowance(address owner, address spender, uint256 amount) internal {
        uint256 current = allowance[owner][spender];
        if (current != type(uint256).max) {
            if (current < amount) revert InsufficientAllowance(owner, spender, current, amount);
            allowance[owner][spender] = current - amount;
        }
    }

    function _debit(address from, uint256 amount) internal {
        uint256 bal = _balances[from];
        if (bal < amount) revert InsufficientBalance(from, bal, amount);
        _balances[from] = bal - amount;
    }

    /// @dev Moves `amount`; overridden by the fee-on-transfer variant.
    function _transfer(address from, address to, uint256 amount) internal virtual {
        _debit(from, amount);
        _balances[to] += amount;
        emit Transfer(from, to, amount);
    }
}
