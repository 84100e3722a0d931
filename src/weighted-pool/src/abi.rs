//! The pool's external ABI as `sol!` declarations: the router takes its selectors from
//! here (alloy computes them from the signatures), and tests pin them.

use alloy_sol_types::sol;
use stylus_sdk::prelude::*;

sol! {
    /// V2's IPoolSwapStructs.SwapRequest; `kind` is the SwapKind enum (ABI: uint8).
    #[derive(AbiType)]
    struct SwapRequest {
        uint8 kind;
        address tokenIn;
        address tokenOut;
        uint256 amount;
        bytes32 poolId;
        uint256 lastChangeBlock;
        address from;
        address to;
        bytes userData;
    }

    interface IWeightedPoolAbi {
        function initialize(address vault, string name, string symbol, address[] tokens, uint256[] normalizedWeights, uint256 swapFeePercentage, address owner) external;
        function onSwap(SwapRequest request, uint256 balanceTokenIn, uint256 balanceTokenOut) external returns (uint256);
        function onJoinPool(bytes32 poolId, address sender, address recipient, uint256[] balances, uint256 lastChangeBlock, uint256 protocolSwapFeePercentage, bytes userData) external returns (uint256[] amountsIn, uint256[] dueProtocolFeeAmounts);
        function onExitPool(bytes32 poolId, address sender, address recipient, uint256[] balances, uint256 lastChangeBlock, uint256 protocolSwapFeePercentage, bytes userData) external returns (uint256[] amountsOut, uint256[] dueProtocolFeeAmounts);
        function getPoolId() external view returns (bytes32);
        function getVault() external view returns (address);
        function getOwner() external view returns (address);
        function getSwapFeePercentage() external view returns (uint256);
        function getNormalizedWeights() external view returns (uint256[]);
        function getScalingFactors() external view returns (uint256[]);
        function getLastInvariant() external view returns (uint256);
        function getInvariant() external view returns (uint256);
        function getSpotPrice(address tokenIn, address tokenOut) external view returns (uint256);
        function getSpotPriceSansFee(address tokenIn, address tokenOut) external view returns (uint256);
        function getPausedState() external view returns (bool paused, uint256 pauseWindowEndTime, uint256 bufferPeriodEndTime);
        function setSwapFeePercentage(uint256 swapFeePercentage) external;
        function pause() external;
        function unpause() external;
        function name() external view returns (string);
        function symbol() external view returns (string);
        function decimals() external view returns (uint8);
        function totalSupply() external view returns (uint256);
        function balanceOf(address account) external view returns (uint256);
        function allowance(address owner, address spender) external view returns (uint256);
        function transfer(address to, uint256 value) external returns (bool);
        function approve(address spender, uint256 value) external returns (bool);
        function transferFrom(address from, address to, uint256 value) external returns (bool);
        function increaseAllowance(address spender, uint256 addedValue) external returns (bool);
        function decreaseAllowance(address spender, uint256 subtractedValue) external returns (bool);
        function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;
        function nonces(address owner) external view returns (uint256);
        function DOMAIN_SEPARATOR() external view returns (bytes32);
    }
}

#[cfg(test)]
mod tests {
    use super::IWeightedPoolAbi::*;
    use alloy_sol_types::SolCall;

    #[test]
    fn v2_selectors() {
        // Balancer V2 IMinimalSwapInfoPool / IBasePool and ERC-20 / EIP-2612 selectors.
        assert_eq!(onSwapCall::SELECTOR, [0x9d, 0x2c, 0x11, 0x0c]);
        assert_eq!(onJoinPoolCall::SELECTOR, [0xd5, 0xc0, 0x96, 0xc4]);
        assert_eq!(onExitPoolCall::SELECTOR, [0x74, 0xf3, 0xb0, 0x09]);
        assert_eq!(transferFromCall::SELECTOR, [0x23, 0xb8, 0x72, 0xdd]);
        assert_eq!(permitCall::SELECTOR, [0xd5, 0x05, 0xac, 0xcf]);
        assert_eq!(DOMAIN_SEPARATORCall::SELECTOR, [0x36, 0x44, 0xe5, 0x15]);
        assert_eq!(getPoolIdCall::SELECTOR, [0x38, 0xff, 0xf2, 0xd0]);
    }
}
