//! Every `vm_hooks` import a Stylus program may use, with its wasm signature.
//!
//! The list is Nitro's host API (`user-host-trait`): all hooks stylus-sdk 0.10.10 declares
//! in `hostio.rs`, plus the ones newer SDKs and hand-written programs use
//! (`exit_early`, transient storage, the 256-bit math hooks).

use wasmparser::ValType;

const I: ValType = ValType::I32;
const L: ValType = ValType::I64;

macro_rules! hooks {
    ($($variant:ident = $name:literal ($($p:ident),*) -> ($($r:ident),*);)*) => {
        /// A Stylus host function (`vm_hooks::<name>`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Hook { $($variant),* }

        impl Hook {
            /// All hooks, in declaration order.
            pub const ALL: &'static [Hook] = &[$(Hook::$variant),*];

            /// The import name under module `vm_hooks`.
            pub fn name(self) -> &'static str {
                match self { $(Hook::$variant => $name),* }
            }

            /// Parameter and result types of the import.
            pub fn signature(self) -> (&'static [ValType], &'static [ValType]) {
                match self { $(Hook::$variant => (&[$($p),*], &[$($r),*])),* }
            }
        }
    };
}

hooks! {
    ReadArgs = "read_args" (I) -> ();
    WriteResult = "write_result" (I, I) -> ();
    ExitEarly = "exit_early" (I) -> ();
    StorageLoadBytes32 = "storage_load_bytes32" (I, I) -> ();
    StorageCacheBytes32 = "storage_cache_bytes32" (I, I) -> ();
    StorageFlushCache = "storage_flush_cache" (I) -> ();
    TransientLoadBytes32 = "transient_load_bytes32" (I, I) -> ();
    TransientStoreBytes32 = "transient_store_bytes32" (I, I) -> ();
    CallContract = "call_contract" (I, I, I, I, L, I) -> (I);
    DelegateCallContract = "delegate_call_contract" (I, I, I, L, I) -> (I);
    StaticCallContract = "static_call_contract" (I, I, I, L, I) -> (I);
    Create1 = "create1" (I, I, I, I, I) -> ();
    Create2 = "create2" (I, I, I, I, I, I) -> ();
    ReadReturnData = "read_return_data" (I, I, I) -> (I);
    ReturnDataSize = "return_data_size" () -> (I);
    EmitLog = "emit_log" (I, I, I) -> ();
    AccountBalance = "account_balance" (I, I) -> ();
    AccountCode = "account_code" (I, I, I, I) -> (I);
    AccountCodeSize = "account_code_size" (I) -> (I);
    AccountCodehash = "account_codehash" (I, I) -> ();
    BlockBasefee = "block_basefee" (I) -> ();
    BlockCoinbase = "block_coinbase" (I) -> ();
    BlockGasLimit = "block_gas_limit" () -> (L);
    BlockNumber = "block_number" () -> (L);
    BlockTimestamp = "block_timestamp" () -> (L);
    Chainid = "chainid" () -> (L);
    ContractAddress = "contract_address" (I) -> ();
    EvmGasLeft = "evm_gas_left" () -> (L);
    EvmInkLeft = "evm_ink_left" () -> (L);
    MathDiv = "math_div" (I, I) -> ();
    MathMod = "math_mod" (I, I) -> ();
    MathPow = "math_pow" (I, I) -> ();
    MathAddMod = "math_add_mod" (I, I, I) -> ();
    MathMulMod = "math_mul_mod" (I, I, I) -> ();
    MsgReentrant = "msg_reentrant" () -> (I);
    MsgSender = "msg_sender" (I) -> ();
    MsgValue = "msg_value" (I) -> ();
    NativeKeccak256 = "native_keccak256" (I, I, I) -> ();
    TxGasPrice = "tx_gas_price" (I) -> ();
    TxInkPrice = "tx_ink_price" () -> (I);
    TxOrigin = "tx_origin" (I) -> ();
    PayForMemoryGrow = "pay_for_memory_grow" (I) -> ();
}

/// The import module every hook lives in.
pub const HOOK_MODULE: &str = "vm_hooks";

impl Hook {
    /// The hook called `name`, if Stylus has one.
    pub fn from_name(name: &str) -> Option<Hook> {
        Hook::ALL.iter().copied().find(|h| h.name() == name)
    }
}

/// Formats a signature as `(i32, i64) -> (i32)` for error messages.
pub fn format_signature(params: &[ValType], results: &[ValType]) -> String {
    let list = |tys: &[ValType]| tys.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(", ");
    format!("({}) -> ({})", list(params), list(results))
}
