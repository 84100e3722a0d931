// SPDX-License-Identifier: MIT
pragma solidity >=0.8.4 <0.9.0;
pragma abicoder v2;

import "./IERC20.sol";
import "./IAsset.sol";
import "./IWETH.sol";
import "./IAuthorizer.sol";
import "./IFlashLoanRecipient.sol";
import "./IProtocolFeesCollector.sol";
import "./IVaultErrors.sol";

/// @title IVault
/// @notice The Vault of the Stylus weighted-pool AMM. Every function, struct, enum and event
///         below has Balancer V2's exact Solidity signature (same selectors, same struct
///         layout, same enum values, same event topics), so code written against Balancer
///         V2's IVault works unchanged.
///
/// Balancer V2 IVault functions this Vault does NOT offer (calls revert): managePoolBalance
/// (asset managers), getDomainSeparator / getNextNonce (signature-based relayer approval),
/// getActionId. Asset managers are therefore always address(0) and the "managed" balance
/// of a token is always 0.
///
/// No native ETH: V2 marks swap, batchSwap, joinPool and manageUserBalance `payable` (ETH
/// as asset address(0)); this Vault does not take ETH, so they are `nonpayable` here
/// (same selectors; sending value reverts) and asset address(0) is refused.
///
/// Pool specializations: MINIMAL_SWAP_INFO and TWO_TOKEN; GENERAL is refused.
/// Admin: a single authorizer ADDRESS (getAuthorizer) may call the admin functions; it is
/// not consulted through IAuthorizer.canPerform.
///
/// The "extensions" section at the end lists functions beyond V2's IVault; the custom
/// errors are in IVaultErrors (generated from the Rust contract).
interface IVault is IVaultErrors {
    // ------------------------------------------------------------------ authorization

    /// @notice The account allowed to call admin functions (setPaused, fee setters,
    ///         setAuthorizer, setProtocolFeeRecipient).
    function getAuthorizer() external view returns (IAuthorizer);

    /// @notice Authorizer only; newAuthorizer must not be address(0).
    function setAuthorizer(IAuthorizer newAuthorizer) external;

    event AuthorizerChanged(IAuthorizer indexed newAuthorizer);

    // ------------------------------------------------------------------ relayers

    /// @notice Whether `user` has allowed `relayer` to act as sender on its behalf.
    function hasApprovedRelayer(address user, address relayer) external view returns (bool);

    /// @notice Allows/disallows `relayer` to use `sender`'s tokens and internal balance.
    ///         `sender` must be msg.sender (SenderNotCaller otherwise): unlike V2, a relayer
    ///         cannot change approvals on a user's behalf.
    function setRelayerApproval(address sender, address relayer, bool approved) external;

    event RelayerApprovalChanged(address indexed relayer, address indexed sender, bool approved);

    // ------------------------------------------------------------------ internal balance

    function getInternalBalance(address user, IERC20[] memory tokens) external view returns (uint256[] memory);

    /// @notice Deposits, withdraws and transfers internal balance, and transfers external
    ///         balance using the Vault's allowance, in one call.
    function manageUserBalance(UserBalanceOp[] memory ops) external;

    struct UserBalanceOp {
        UserBalanceOpKind kind;
        IAsset asset;
        uint256 amount;
        address sender;
        address payable recipient;
    }

    enum UserBalanceOpKind {
        DEPOSIT_INTERNAL,
        WITHDRAW_INTERNAL,
        TRANSFER_INTERNAL,
        TRANSFER_EXTERNAL
    }

    event InternalBalanceChanged(address indexed user, IERC20 indexed token, int256 delta);

    event ExternalBalanceTransfer(IERC20 indexed token, address indexed sender, address recipient, uint256 amount);

    // ------------------------------------------------------------------ pools

    enum PoolSpecialization {
        GENERAL,
        MINIMAL_SWAP_INFO,
        TWO_TOKEN
    }

    /// @notice Registers msg.sender as a pool. poolId = address (20 bytes) | specialization
    ///         (2 bytes) | nonce (10 bytes).
    function registerPool(PoolSpecialization specialization) external returns (bytes32);

    event PoolRegistered(bytes32 indexed poolId, address indexed poolAddress, PoolSpecialization specialization);

    function getPool(bytes32 poolId) external view returns (address, PoolSpecialization);

    /// @notice Only the pool itself may register its tokens. assetManagers must be address(0)
    ///         here (asset managers are not supported) and have the same length as tokens.
    function registerTokens(bytes32 poolId, IERC20[] memory tokens, address[] memory assetManagers) external;

    event TokensRegistered(bytes32 indexed poolId, IERC20[] tokens, address[] assetManagers);

    /// @notice Only the pool itself; the pool's balances of these tokens must be zero.
    function deregisterTokens(bytes32 poolId, IERC20[] memory tokens) external;

    event TokensDeregistered(bytes32 indexed poolId, IERC20[] tokens);

    function getPoolTokenInfo(bytes32 poolId, IERC20 token)
        external
        view
        returns (uint256 cash, uint256 managed, uint256 lastChangeBlock, address assetManager);

    function getPoolTokens(bytes32 poolId)
        external
        view
        returns (IERC20[] memory tokens, uint256[] memory balances, uint256 lastChangeBlock);

    /// @notice Adds liquidity: the pool's onJoinPool decides amounts in (and BPT out).
    function joinPool(bytes32 poolId, address sender, address recipient, JoinPoolRequest memory request) external;

    struct JoinPoolRequest {
        IAsset[] assets;
        uint256[] maxAmountsIn;
        bytes userData;
        bool fromInternalBalance;
    }

    /// @notice Removes liquidity: the pool's onExitPool decides amounts out (and BPT in).
    ///         Works while the Vault is paused.
    function exitPool(bytes32 poolId, address sender, address payable recipient, ExitPoolRequest memory request)
        external;

    struct ExitPoolRequest {
        IAsset[] assets;
        uint256[] minAmountsOut;
        bytes userData;
        bool toInternalBalance;
    }

    event PoolBalanceChanged(
        bytes32 indexed poolId,
        address indexed liquidityProvider,
        IERC20[] tokens,
        int256[] deltas,
        uint256[] protocolFeeAmounts
    );

    enum PoolBalanceChangeKind {
        JOIN,
        EXIT
    }

    // ------------------------------------------------------------------ swaps

    enum SwapKind {
        GIVEN_IN,
        GIVEN_OUT
    }

    /// @notice One swap in one pool. Returns the amount computed by the pool (out for
    ///         GIVEN_IN, in for GIVEN_OUT), checked against `limit`.
    function swap(SingleSwap memory singleSwap, FundManagement memory funds, uint256 limit, uint256 deadline)
        external
        returns (uint256);

    struct SingleSwap {
        bytes32 poolId;
        SwapKind kind;
        IAsset assetIn;
        IAsset assetOut;
        uint256 amount;
        bytes userData;
    }

    /// @notice Several swaps, possibly multi-hop (a step with amount == 0 takes the previous
    ///         step's result); only net asset deltas are settled, each checked against its
    ///         limit (positive = into the Vault). Returns the net deltas.
    function batchSwap(
        SwapKind kind,
        BatchSwapStep[] memory swaps,
        IAsset[] memory assets,
        FundManagement memory funds,
        int256[] memory limits,
        uint256 deadline
    ) external returns (int256[] memory);

    struct BatchSwapStep {
        bytes32 poolId;
        uint256 assetInIndex;
        uint256 assetOutIndex;
        uint256 amount;
        bytes userData;
    }

    event Swap(
        bytes32 indexed poolId,
        IERC20 indexed tokenIn,
        IERC20 indexed tokenOut,
        uint256 amountIn,
        uint256 amountOut
    );

    struct FundManagement {
        address sender;
        bool fromInternalBalance;
        address payable recipient;
        bool toInternalBalance;
    }

    /// @notice Simulates batchSwap and returns the deltas it would produce (no limits, no
    ///         transfers, writes nothing). Declared non-view as in V2's ABI; call it with
    ///         eth_call.
    function queryBatchSwap(
        SwapKind kind,
        BatchSwapStep[] memory swaps,
        IAsset[] memory assets,
        FundManagement memory funds
    ) external returns (int256[] memory assetDeltas);

    // ------------------------------------------------------------------ flash loans

    /// @notice Lends `amounts` of `tokens` (sorted ascending, hence unique) to `recipient`,
    ///         calls receiveFlashLoan, and checks that each balance grew by the fee
    ///         (fee = amount x flash-loan fee percentage, rounded up).
    function flashLoan(
        IFlashLoanRecipient recipient,
        IERC20[] memory tokens,
        uint256[] memory amounts,
        bytes memory userData
    ) external;

    event FlashLoan(IFlashLoanRecipient indexed recipient, IERC20 indexed token, uint256 amount, uint256 feeAmount);

    // ------------------------------------------------------------------ fees, pause, WETH

    /// @notice In this project: the Vault's own address (see IProtocolFeesCollector).
    function getProtocolFeesCollector() external view returns (IProtocolFeesCollector);

    /// @notice Admin only. While paused, everything but exitPool, withdrawals of internal
    ///         balance and views reverts. Pausing is only possible within the pause window.
    function setPaused(bool paused) external;

    /// @notice From V2's ITemporarilyPausable.
    function getPausedState()
        external
        view
        returns (bool paused, uint256 pauseWindowEndTime, uint256 bufferPeriodEndTime);

    event PausedStateChanged(bool paused);

    // solhint-disable-next-line func-name-mixedcase
    function WETH() external view returns (IWETH);

    // ------------------------------------------------------------------ extensions (not in V2's IVault)

    /// @notice EXTENSION: one-time setup right after deployment (a Stylus program has no
    ///         constructor): admin account, WETH address, pause window and buffer period
    ///         durations in seconds. Reverts AlreadyInitialized afterwards.
    function initialize(
        IAuthorizer authorizer,
        IWETH weth,
        uint256 pauseWindowDuration,
        uint256 bufferPeriodDuration
    ) external;

    /// @notice EXTENSION: the Vault is its own protocol fees collector; these four are
    ///         IProtocolFeesCollector's V2 signatures, callable on the Vault directly.
    function getSwapFeePercentage() external view returns (uint256);

    /// @notice EXTENSION (see getSwapFeePercentage).
    function getFlashLoanFeePercentage() external view returns (uint256);

    /// @notice EXTENSION, authorizer only (see getSwapFeePercentage).
    function setSwapFeePercentage(uint256 newSwapFeePercentage) external;

    /// @notice EXTENSION, authorizer only (see getSwapFeePercentage).
    function setFlashLoanFeePercentage(uint256 newFlashLoanFeePercentage) external;

    event SwapFeePercentageChanged(uint256 newSwapFeePercentage);
    event FlashLoanFeePercentageChanged(uint256 newFlashLoanFeePercentage);

    /// @notice EXTENSION: the account whose internal balance is credited with collected
    ///         protocol fees (instead of V2's ProtocolFeesCollector token balance).
    function getProtocolFeeRecipient() external view returns (address);

    /// @notice EXTENSION, authorizer only; newRecipient must not be address(0).
    function setProtocolFeeRecipient(address newRecipient) external;

    event ProtocolFeeRecipientChanged(address indexed newRecipient);
}
