// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title TbFactory
/// @notice CREATE2 deployments and EIP-1167 minimal proxies (clones), as a pool factory
///         would make them.
contract TbFactory {
    event Deployed(address addr);

    error DeploymentFailed();

    /// @notice Deploys `initCode` with CREATE2 and `salt`.
    function deploy2(bytes32 salt, bytes calldata initCode) external returns (address addr) {
        bytes memory code = initCode;
        assembly {
            addr := create2(0, add(code, 32), mload(code), salt)
        }
        if (addr == address(0)) revert DeploymentFailed();
        emit Deployed(addr);
    }

    /// @notice Deploys an EIP-1167 clone delegating every call to `implementation`.
    function clone(address implementation) external returns (address instance) {
        assembly {
            let ptr := mload(0x40)
            mstore(ptr, 0x3d602d80600a3d3981f3363d3d373d3d3d363d73000000000000000000000000)
            mstore(add(ptr, 0x14), shl(0x60, implementation))
            mstore(add(ptr, 0x28), 0x5af43d82803e903d91602b57fd5bf30000000000000000000000000000000000)
            instance := create(0, ptr, 0x37)
        }
        if (instance == address(0)) revert DeploymentFailed();
        emit Deployed(instance);
    }
}
