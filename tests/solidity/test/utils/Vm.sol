// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The few Foundry cheatcodes these tests use (forge-std is not vendored: no
///         GitHub access). Signatures are Foundry's; the cheatcode contract lives at
///         address(uint160(uint256(keccak256("hevm cheat code")))).
interface Vm {
    function prank(address sender) external;
    function startPrank(address sender) external;
    function stopPrank() external;
    function deal(address account, uint256 newBalance) external;
    function expectRevert(bytes calldata revertData) external;
    function expectRevert(bytes4 revertSelector) external;
    function expectRevert() external;
}

/// @notice Minimal assertion base for forge tests (reverts with a message on failure).
abstract contract TestBase {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    error AssertionFailed(string what, uint256 left, uint256 right);
    error AssertionFailedBytes(string what, bytes left, bytes right);
    error AssertionFailedBool(string what);

    function assertEq(uint256 a, uint256 b, string memory what) internal pure {
        if (a != b) revert AssertionFailed(what, a, b);
    }

    function assertEq(address a, address b, string memory what) internal pure {
        if (a != b) revert AssertionFailed(what, uint160(a), uint160(b));
    }

    function assertEq(bytes memory a, bytes memory b, string memory what) internal pure {
        if (keccak256(a) != keccak256(b)) revert AssertionFailedBytes(what, a, b);
    }

    function assertTrue(bool ok, string memory what) internal pure {
        if (!ok) revert AssertionFailedBool(what);
    }
}
