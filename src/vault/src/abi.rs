//! Balancer V2 ABI types, events and the external interfaces the Vault calls.
//!
//! Struct layouts, enum values (encoded as `uint8`) and event signatures are those of
//! Balancer V2's `IVault`, so selectors and topics are byte-for-byte the same.
//! `IAsset` and `IERC20` are plain `address`es on the wire.

use alloy_sol_types::sol;
use stylus_sdk::prelude::*;

sol! {
    /// V2 `IVault.SingleSwap`; `kind` is `SwapKind` (GIVEN_IN = 0, GIVEN_OUT = 1).
    #[derive(AbiType)]
    struct SingleSwap {
        bytes32 poolId;
        uint8 kind;
        address assetIn;
        address assetOut;
        uint256 amount;
        bytes userData;
    }

    /// V2 `IVault.BatchSwapStep`: indices into the `assets` array of the batch.
    #[derive(AbiType)]
    struct BatchSwapStep {
        bytes32 poolId;
        uint256 assetInIndex;
        uint256 assetOutIndex;
        uint256 amount;
        bytes userData;
    }

    /// V2 `IVault.FundManagement`.
    #[derive(AbiType)]
    struct FundManagement {
        address sender;
        bool fromInternalBalance;
        address recipient;
        bool toInternalBalance;
    }

    /// V2 `IVault.JoinPoolRequest`.
    #[derive(AbiType)]
    struct JoinPoolRequest {
        address[] assets;
        uint256[] maxAmountsIn;
        bytes userData;
        bool fromInternalBalance;
    }

    /// V2 `IVault.ExitPoolRequest`.
    #[derive(AbiType)]
    struct ExitPoolRequest {
        address[] assets;
        uint256[] minAmountsOut;
        bytes userData;
        bool toInternalBalance;
    }

    /// V2 `IVault.UserBalanceOp`; `kind` is `UserBalanceOpKind` (0..=3).
    #[derive(AbiType)]
    struct UserBalanceOp {
        uint8 kind;
        address asset;
        uint256 amount;
        address sender;
        address recipient;
    }

    /// V2 `IPoolSwapStructs.SwapRequest`, passed to the pool's `onSwap`.
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

    // ---- pool hooks (V2 IMinimalSwapInfoPool / IBasePool) ----
    function onSwap(SwapRequest request, uint256 balanceTokenIn, uint256 balanceTokenOut) external returns (uint256);
    function onJoinPool(bytes32 poolId, address sender, address recipient, uint256[] balances, uint256 lastChangeBlock, uint256 protocolSwapFeePercentage, bytes userData) external returns (uint256[] amountsIn, uint256[] dueProtocolFeeAmounts);
    function onExitPool(bytes32 poolId, address sender, address recipient, uint256[] balances, uint256 lastChangeBlock, uint256 protocolSwapFeePercentage, bytes userData) external returns (uint256[] amountsOut, uint256[] dueProtocolFeeAmounts);

    // ---- flash-loan recipient (V2 IFlashLoanRecipient) ----
    function receiveFlashLoan(address[] tokens, uint256[] amounts, uint256[] feeAmounts, bytes userData) external;

    // ---- ERC-20 ----
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);

    // ---- V2 IVault events ----
    event Swap(bytes32 indexed poolId, address indexed tokenIn, address indexed tokenOut, uint256 amountIn, uint256 amountOut);
    event FlashLoan(address indexed recipient, address indexed token, uint256 amount, uint256 feeAmount);
    event PoolBalanceChanged(bytes32 indexed poolId, address indexed liquidityProvider, address[] tokens, int256[] deltas, uint256[] protocolFeeAmounts);
    event PoolRegistered(bytes32 indexed poolId, address indexed poolAddress, uint8 specialization);
    event TokensRegistered(bytes32 indexed poolId, address[] tokens, address[] assetManagers);
    event TokensDeregistered(bytes32 indexed poolId, address[] tokens);
    event InternalBalanceChanged(address indexed user, address indexed token, int256 delta);
    event ExternalBalanceTransfer(address indexed token, address indexed sender, address recipient, uint256 amount);
    event RelayerApprovalChanged(address indexed relayer, address indexed sender, bool approved);
    event AuthorizerChanged(address indexed newAuthorizer);
    event PausedStateChanged(bool paused);
    // V2 ProtocolFeesCollector events (the Vault is its own collector).
    event SwapFeePercentageChanged(uint256 newSwapFeePercentage);
    event FlashLoanFeePercentageChanged(uint256 newFlashLoanFeePercentage);
    // Not in V2: where collected protocol fees are credited (internal balance).
    event ProtocolFeeRecipientChanged(address indexed newRecipient);
}
