// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title TbStore
/// @notice A key/value store, to observe writes (and their refusal in static calls).
contract TbStore {
    mapping(uint256 => uint256) public values;

    function set(uint256 key, uint256 value) external {
        values[key] = value;
    }
}
