// SPDX-License-Identifier: MIT
pragma solidity >=0.8.4 <0.9.0;

import "./IVault.sol";
import "./IWeightedPoolFactoryErrors.sol";

/// @title IWeightedPoolFactory
/// @notice Creates weighted pools (cheap clones of one WeightedPool implementation),
///         initialises them in the same call, and records which pools it made.
///         `PoolCreated` and `isPoolFromFactory` are Balancer V2's BasePoolFactory ABI;
///         `create` takes this project's parameters (V2's WeightedPoolFactory.create has more:
///         rate providers, pause configuration). Errors: IWeightedPoolFactoryErrors; a
///         revert of the new pool's `initialize` is returned unchanged (decode it with
///         IWeightedPoolErrors).
interface IWeightedPoolFactory is IWeightedPoolFactoryErrors {
    event PoolCreated(address indexed pool);

    /// @notice Deploys a pool clone at a deterministic address derived from `salt` (and the
    ///         caller), calls IWeightedPool.initialize on it, and returns its address.
    ///         `tokens` must be sorted ascending; `weights` 18-decimal fixed point summing
    ///         to 1e18; swapFeePercentage in [1e12, 1e17].
    function create(
        string memory name,
        string memory symbol,
        address[] memory tokens,
        uint256[] memory weights,
        uint256 swapFeePercentage,
        address owner,
        bytes32 salt
    ) external returns (address);

    /// @notice True iff `pool` was created by this factory.
    function isPoolFromFactory(address pool) external view returns (bool);

    function getVault() external view returns (IVault);

    /// @notice EXTENSION: one-time wiring after deployment (a Stylus program has no
    ///         constructor): the Vault new pools register with and the WeightedPool
    ///         program every clone delegates to. (deploy/deploy.sh calls it.)
    function initialize(IVault vault, address poolImplementation) external;

    /// @notice The WeightedPool program every clone delegates to.
    function getPoolImplementation() external view returns (address);
}
