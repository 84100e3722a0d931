// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title WETH9
/// @notice Wrapped Ether with WETH9's interface and behaviour (deposit / withdraw /
///         receive-to-deposit, 18 decimals, infinite allowance when type(uint256).max,
///         totalSupply = ETH held). The Vault's WETH() for tests; native-ETH assets
///         (IAsset(address(0))) are wrapped/unwrapped through it.
contract WETH9 {
    string public constant name = "Wrapped Ether";
    string public constant symbol = "WETH";
    uint8 public constant decimals = 18;

    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Approval(address indexed src, address indexed guy, uint256 wad);
    event Transfer(address indexed src, address indexed dst, uint256 wad);
    event Deposit(address indexed dst, uint256 wad);
    event Withdrawal(address indexed src, uint256 wad);

    error InsufficientBalance(address from, uint256 balance, uint256 needed);
    error InsufficientAllowance(address owner, address spender, uint256 allowance, uint256 needed);
    error EthTransferFailed(address to, uint256 amount);

    receive() external payable {
        deposit();
    }

    function deposit() public payable {
        balanceOf[msg.sender] += msg.value;
        emit Deposit(msg.sender, msg.value);
    }

    function withdraw(uint256 wad) external {
        uint256 bal = balanceOf[msg.sender];
        if (bal < wad) revert InsufficientBalance(msg.sender, bal, wad);
        balanceOf[msg.sender] = bal - wad;
        (bool ok,) = payable(msg.sender).call{value: wad}("");
        if (!ok) revert EthTransferFailed(msg.sender, wad);
        emit Withdrawal(msg.sender, wad);
    }

    function totalSupply() external view returns (uint256) {
        return address(this).balance;
    }

    function approve(address guy, uint256 wad) external returns (bool) {
        allowance[msg.sender][guy] = wad;
        emit Approval(msg.sender, guy, wad);
        return true;
    }

    function transfer(address dst, uint256 wad) external returns (bool) {
        return transferFrom(msg.sender, dst, wad);
    }

    function transferFrom(address src, address dst, uint256 wad) public returns (bool) {
        uint256 bal = balanceOf[src];
        if (bal < wad) revert InsufficientBalance(src, bal, wad);
        if (src != msg.sender) {
            uint256 current = allowance[src][msg.sender];
            if (current != type(uint256).max) {
                if (current < wad) revert InsufficientAllowance(src, msg.sender, current, wad);
                allowance[src][msg.sender] = current - wad;
            }
        }
        balanceOf[src] = bal - wad;
        balanceOf[dst] += wad;
        emit Transfer(src, dst, wad);
        return true;
    }
}
