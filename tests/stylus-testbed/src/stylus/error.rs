//! Why a program was refused at load time (the test bed's equivalent of a failed
//! `ArbWasm.activateProgram`). Every malformed or non-Stylus input maps to one variant;
//! loading never panics.

/// A program that cannot be activated, with the rule it breaks.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProgramError {
    #[error("code is not Stylus deployment code (expected the prefix 0xEFF000 + dictionary byte)")]
    NotStylusCode,
    #[error("fragmented Stylus code (prefix 0xEFF001/0xEFF002) is not supported by the test bed")]
    FragmentedCode,
    #[error("unsupported brotli dictionary {0} (the test bed supports 0 = no dictionary)")]
    UnsupportedDictionary(u8),
    #[error("brotli decompression failed: {0}")]
    Decompression(String),
    #[error("deployment code is {size} bytes, over the {limit}-byte code size limit")]
    CodeTooLarge { size: usize, limit: usize },
    #[error("uncompressed wasm is over the {limit}-byte limit")]
    WasmTooLarge { limit: usize },
    #[error("invalid wasm for Stylus: {0}")]
    InvalidWasm(String),
    #[error("floating-point instruction `{op}` in function {func}: Stylus forbids floats")]
    FloatInstruction { func: u32, op: String },
    #[error("instruction `{op}` in function {func} is not supported by Stylus")]
    UnsupportedInstruction { func: u32, op: String },
    #[error("missing function export `user_entrypoint`")]
    MissingEntrypoint,
    #[error("`user_entrypoint` must have type (i32) -> i32, found {0}")]
    BadEntrypointType(String),
    #[error("missing exported memory `memory`")]
    MissingMemory,
    #[error("import `{module}::{name}` is not a Stylus host function")]
    ForeignImport { module: String, name: String },
    #[error("import `vm_hooks::{name}` has type {found}, expected {expected}")]
    ImportSignature { name: String, found: String, expected: String },
    #[error("wasm start functions are not allowed")]
    StartFunction,
    #[error("initial memory of {pages} pages exceeds the limit of {limit} pages")]
    MemoryTooLarge { pages: u64, limit: u16 },
    #[error("too many wasm {what}: {count} > {limit}")]
    TooMany { what: &'static str, count: usize, limit: usize },
    #[error("{what} {value} does not fit the activation record")]
    CostOverflow { what: &'static str, value: u64 },
    #[error("export or import name `{0}` is reserved (starts with `stylus`) or too long")]
    ReservedName(String),
    #[error("wasmi could not compile the program: {0}")]
    Compile(String),
}
