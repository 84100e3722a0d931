// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ReturnsFalseToken
/// @notice ERC-20 whose transfer/transferFrom NEVER revert; they signal failure by
///         returning false, as some old tokens (e.g. ZRX, BAT-era ERC-20s) do.
///         Failure modes, made explicit:
///         - `alwaysFail == false` (default): behaves like a standard token, except that a
///           transfer with insufficient balance or allowance returns false and moves nothing.
///         - `alwaysFail == true`: every transfer/transferFrom returns false and moves
///           nothing, even when balance and allowance suffice.
///         A Vault that ignores the return value would credit tokens it never received;
///         tests use this token to show the Vault treats `false` as a failed transfer.
contract ReturnsFalseToken {
    string public name;
    string public symbol;
    uint8 public immutable decimals;
    uint256 public totalSupply;
    bool public alwaysFail;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(string memory name_, string memory symbol_, uint8 decimals_) {
        name = name_;
        symbol = symbol_;
        decimals = decimals_;
    }

    /// @notice Test knob: see the contract doc.
    function setAlwaysFail(bool alwaysFail_) external {
        alwaysFail = alwaysFail_;
    }

    /// @notice Test faucet, unrestricted.
    function mint(address to, uint256 amount) external {
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        return _transfer(msg.sender, to, amount);
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 current = allowance[from][msg.sender];
        if (alwaysFail || current < amount || balanceOf[from] < amount) return false;
        if (current != type(uint256).max) allowance[from][msg.sender] = current - amount;
        return _transfer(from, to, amount);
    }

    function _transfer(address from, address to, uint256 amount) private returns (bool) {
        if (alwaysFail || balanceOf[from] < amount) return false;
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
        return true;
    }
}
