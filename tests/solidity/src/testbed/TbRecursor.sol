// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title TbRecursor
/// @notice Calls itself until a call fails (depth limit or gas), returning the depth reached.
contract TbRecursor {
    function dive(uint256 depth) external returns (uint256) {
        try this.dive(depth + 1) returns (uint256 reached) {
            return reached;
        } catch {
            return depth;
        }
    }
}
