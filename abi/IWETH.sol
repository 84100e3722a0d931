// SPDX-License-Identifier: MIT
pragma solidity >=0.8.0 <0.9.0;

import "./IERC20.sol";

/// @title IWETH
/// @notice Wrapped Ether, as Balancer V2's Vault uses it for native-ETH assets
///         (IAsset(address(0))): deposit() wraps msg.value, withdraw() unwraps.
interface IWETH is IERC20 {
    function deposit() external payable;
    function withdraw(uint256 amount) external;
}
