// SPDX-License-Identifier: MIT
pragma solidity >=0.8.0 <0.9.0;

/// @title IAsset
/// @notice Balancer V2's asset type: an ERC-20 token address, or the zero address for
///         native ETH (wrapped to/unwrapped from WETH by the Vault). It has no functions:
///         it only exists so signatures say "asset" rather than "token"; in the ABI it is
///         a plain `address`.
interface IAsset {
    // solhint-disable-previous-line no-empty-blocks
}
