// SPDX-License-Identifier: MIT
pragma solidity >=0.8.0 <0.9.0;

/// @title IERC20Permit
/// @notice EIP-2612 signed approvals, as Balancer V2 pool tokens (BPT) implement them.
///         The permit digest is EIP-712: keccak256("\x19\x01" ‖ DOMAIN_SEPARATOR ‖ keccak256(abi.encode(
///         keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
///         owner, spender, value, nonces(owner), deadline))).
interface IERC20Permit {
    function permit(
        address owner,
        address spender,
        uint256 value,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external;

    function nonces(address owner) external view returns (uint256);

    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32);
}
