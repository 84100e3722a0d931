// SPDX-License-Identifier: MIT
pragma solidity >=0.8.4 <0.9.0;

import "./IVault.sol";
import "./IWeightedPoolFactoryErrors.sol";

/// @title IWeightedPoolFactory
/// @notice Creates weighted pools, initialises them in the same call, and records which
///         pools it made. Each pool is a 185-byte EVM proxy that DELEGATECALLs one of the
///         WeightedPool's facet programs by selector (onSwap, getInvariant, getSpotPrice,
///         getSpotPriceSansFee -> swap facet; onJoinPool -> join facet; onExitPool -> exit
///         facet; everything else -> token facet), so the pool's address is one IWeightedPool.
///         `PoolCreated` and `isPoolFromFactory` are Balancer V2's BasePoolFactory ABI;
///         `create` takes this project's parameters (V2's WeightedPoolFactory.create has more:
///         rate providers, pause configuration). Errors: IWeightedPoolFactoryErrors; a
///         revert of the new pool's `initialize` is returned unchanged (decode it with
///         IWeightedPoolErrors).
interface IWeightedPoolFactory is IWeightedPoolFactoryErrors {
    event PoolCreated(address indexed pool);

    /// @notice Deploys a pool proxy with CREATE2 at an address fixed by (this factory,
    ///         msg.sender, salt): keccak256(0xff ++ factory ++ keccak256(abi.encode(msg.sender,
    ///         salt)) ++ keccak256(proxy creation code))[12:], the creation code being fixed
    ///         by getFacets(). Calls IWeightedPool.initialize on it, and returns its address.
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
    ///         constructor): the Vault new pools register with and the WeightedPool facet
    ///         programs, in this order: [swap, join, exit, token]. Each must have code
    ///         (FacetHasNoCode), none be zero (ZeroAddress), the count be exact
    ///         (FacetCountMismatch). (deploy/deploy.sh calls it.)
    function initialize(IVault vault, address[] calldata facets) external;

    /// @notice The facet programs every pool proxy delegates to, in initialize's order;
    ///         zero addresses before initialize.
    function getFacets() external view returns (address[] memory);
}
