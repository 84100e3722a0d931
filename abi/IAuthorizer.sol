// SPDX-License-Identifier: MIT
pragma solidity >=0.8.0 <0.9.0;

/// @title IAuthorizer
/// @notice Balancer V2's permission oracle, returned by IVault.getAuthorizer().
interface IAuthorizer {
    /// @notice Whether `account` may perform the action `actionId` on contract `where`.
    function canPerform(bytes32 actionId, address account, address where) external view returns (bool);
}
