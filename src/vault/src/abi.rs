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

    // ---- the Vault's own functions (V2 IVault + collector views + `initialize`) ----
    function initialize(address authorizer, address weth, uint256 pauseWindowDuration, uint256 bufferPeriodDuration) external;
    function WETH() external view returns (address);
    function getAuthorizer() external view returns (address);
    function setAuthorizer(address newAuthorizer) external;
    function getProtocolFeesCollector() external view returns (address);
    function getSwapFeePercentage() external view returns (uint256);
    function getFlashLoanFeePercentage() external view returns (uint256);
    function setSwapFeePercentage(uint256 newSwapFeePercentage) external;
    function setFlashLoanFeePercentage(uint256 newFlashLoanFeePercentage) external;
    function getProtocolFeeRecipient() external view returns (address);
    function setProtocolFeeRecipient(address newRecipient) external;
    function setPaused(bool paused) external;
    function getPausedState() external view returns (bool paused, uint256 pauseWindowEndTime, uint256 bufferPeriodEndTime);
    function registerPool(uint8 specialization) external returns (bytes32);
    function registerTokens(bytes32 poolId, address[] tokens, address[] assetManagers) external;
    function deregisterTokens(bytes32 poolId, address[] tokens) external;
    function getPool(bytes32 poolId) external view returns (address, uint8);
    function getPoolTokens(bytes32 poolId) external view returns (address[] tokens, uint256[] balances, uint256 lastChangeBlock);
    function getPoolTokenInfo(bytes32 poolId, address token) external view returns (uint256 cash, uint256 managed, uint256 lastChangeBlock, address assetManager);
    function swap(SingleSwap singleSwap, FundManagement funds, uint256 limit, uint256 deadline) external payable returns (uint256);
    function batchSwap(uint8 kind, BatchSwapStep[] swaps, address[] assets, FundManagement funds, int256[] limits, uint256 deadline) external payable returns (int256[]);
    function queryBatchSwap(uint8 kind, BatchSwapStep[] swaps, address[] assets, FundManagement funds) external returns (int256[]);
    function flashLoan(address recipient, address[] tokens, uint256[] amounts, bytes userData) external;
    function joinPool(bytes32 poolId, address sender, address recipient, JoinPoolRequest request) external payable;
    function exitPool(bytes32 poolId, address sender, address recipient, ExitPoolRequest request) external;
    function manageUserBalance(UserBalanceOp[] ops) external payable;
    function getInternalBalance(address user, address[] tokens) external view returns (uint256[]);
    function setRelayerApproval(address sender, address relayer, bool approved) external;
    function hasApprovedRelayer(address user, address relayer) external view returns (bool);

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
