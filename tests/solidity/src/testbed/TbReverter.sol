// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title TbReverter
/// @notice Always reverts with a custom error carrying the given code.
contract TbReverter {
    error Boom(uint256 code);

    function fail(uint256 code) external pure {
        revert Boom(code);
    }
}
