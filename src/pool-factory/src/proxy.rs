//! The per-pool dispatch proxy: EVM bytecode that DELEGATECALLs one of the WeightedPool's
//! facet programs, chosen by the call's 4-byte selector, and its CREATE2 creation code.
//!
//! Why: Stylus caps a program at 24 KiB compressed and the whole WeightedPool is larger,
//! so it is built as several programs ("facets", src/weighted-pool/src/router.rs) sharing
//! one storage layout. Each pool is one small EVM contract holding the pool's storage,
//! balance and address; it runs the facet that implements the called function with
//! DELEGATECALL, like an EIP-1167 clone with a selector switch in front. The facet
//! addresses are PUSH20 constants in the code (no SLOAD), so the switch costs a few
//! dozen gas and can never be re-pointed.
//!
//! The routing table is [`FACETS`] + [`ROUTES`], the only place that lists facets and
//! selectors; the runtime code is generated from it at compile time ([`RUNTIME_TEMPLATE`])
//! and the factory and the test fixtures use [`creation_code`]. Adding a facet is one line
//! in [`FACETS`] plus a line per selector it takes in [`ROUTES`] (the factory's
//! `initialize` takes the facet addresses as an array in [`FACETS`] order).
//!
//! # Runtime code (current table: 185 bytes)
//!
//! `S` = swap facet, `J` = join facet, `E` = exit facet, `T` = token facet (the default).
//! Stack shown top first after each instruction. Written from the EVM opcode definitions;
//! it is EIP-1167's runtime with the calldata copied to offset 28 and a compare chain
//! inserted.
//!
//! ```text
//! off  bytes              opcode                 stack / effect
//! 00   36                 CALLDATASIZE           cds
//! 01   3d                 RETURNDATASIZE         0 cds            (0 before any call: 2 gas)
//! 02   60 1c              PUSH1 28               28 0 cds
//! 04   37                 CALLDATACOPY           -                mem[28..28+cds] = calldata
//! 05   3d                 RETURNDATASIZE         0
//! 06   51                 MLOAD                  sel              mem[0..32] = 28 zero bytes ++ calldata[0..4]:
//!                                                                 the selector as a number, zero-padded
//!                                                                 on the right if cds < 4 (no SHR needed)
//! 07   3d 3d 3d           RETURNDATASIZE x3      0 0 0 sel
//! 0a   36                 CALLDATASIZE           cds 0 0 0 sel
//! 0b   60 1c              PUSH1 28               28 cds 0 0 0 sel  (DELEGATECALL's argsOffset argsSize
//!                                                                  retOffset retSize, and RETURN's 0)
//! -- compare chain: one 10-byte entry per route, in ROUTES order, onSwap FIRST (hot path) --
//! 0d   85                 DUP6                   sel 28 cds 0 0 0 sel
//! 0e   63 9d2c110c        PUSH4 onSwap           onSwap sel 28 ...
//! 13   14                 EQ                     eq 28 ...
//! 14   60 9b              PUSH1 0x93             0x93 eq 28 ...
//! 16   57                 JUMPI                  28 cds 0 0 0 sel  -> swap block if eq
//! 17   85 63 d5c096c4 14 60 7a 57               onJoinPool           -> join block
//! 21   85 63 74f3b009 14 60 61 57               onExitPool           -> exit block
//! 2b   85 63 c0ff1a15 14 60 93 57               getInvariant         -> swap block
//! 35   85 63 15e84af9 14 60 93 57               getSpotPrice         -> swap block
//! 3f   85 63 1446a7ff 14 60 93 57               getSpotPriceSansFee  -> swap block
//! -- default (falls out of the chain): every other selector, and cds < 4 --
//! 49   73 <T>             PUSH20 token facet     T 28 cds 0 0 0 sel
//! 5e   60 a9 56           PUSH1 0xa9; JUMP       -> call
//! -- one block per routed facet, in reverse FACETS order --
//! 61   5b 73 <E>          JUMPDEST; PUSH20 E     E 28 cds 0 0 0 sel
//! 77   60 a9 56           PUSH1 0xa9; JUMP       -> call
//! 7a   5b 73 <J>          JUMPDEST; PUSH20 J
//! 90   60 a9 56           PUSH1 0xa9; JUMP       -> call
//! 93   5b 73 <S>          JUMPDEST; PUSH20 S     (facet 0 falls through into call)
//! -- call: EIP-1167's tail --
//! a9   5b                 JUMPDEST
//! aa   5a                 GAS                    gas facet 28 cds 0 0 0 sel
//! ab   f4                 DELEGATECALL           ok 0 sel         all gas; calldata from mem[28..];
//!                                                                 msg.sender and msg.value kept
//! ac   3d                 RETURNDATASIZE         rds ok 0 sel
//! ad   82 80              DUP3; DUP1             0 0 rds ok 0 sel
//! af   3e                 RETURNDATACOPY         ok 0 sel         mem[0..rds] = returndata
//! b0   90 3d 91           SWAP1; RDS; SWAP2      ok 0 rds sel
//! b3   60 b7 57           PUSH1 0xb7; JUMPI      0 rds sel
//! b6   fd                 REVERT                 revert(0, rds): the facet's revert data, exactly
//! b7   5b f3              JUMPDEST; RETURN       return(0, rds): the facet's return data, exactly
//! ```
//! (The offsets above are for this table; the generator computes them, and
//! `tests::runtime_bytes_are_the_documented_ones` pins these exact bytes.)
//!
//! Gas against the EIP-1167 clone (same tail): onSwap pays +31 (the MLOAD trick, one
//! compare, two JUMPDESTs, PUSH1 28 instead of RETURNDATASIZE twice); calldata of
//! 4 + 32n bytes (every ABI call) needs no extra memory word for the 28-byte shift.
//! Each later route pays 22 more per earlier entry, plus a JUMP (11) unless it goes to
//! facet 0; the token facet pays every compare and a JUMP. With this table: onSwap +31,
//! onJoinPool +64, onExitPool +86, getInvariant +97, getSpotPrice +119,
//! getSpotPriceSansFee +141, everything else +151 (tests/integration/tests/factory_proxy.rs).
//!
//! Short calldata: a selector whose last byte is 0x00 would equal the padded value of a
//! 3-byte calldata that is its prefix; the table is checked at compile time to contain
//! none (nor zero selectors, duplicates, or a code too long for PUSH1 targets), so calldata
//! shorter than 4 bytes always reaches the default facet.
//!
//! # Creation code
//! `3d 60 <len> 80 60 0a 3d 39 81 f3` ++ runtime: RETURNDATASIZE (0), PUSH1 len, DUP1,
//! PUSH1 10, RETURNDATASIZE, CODECOPY(0, 10, len), DUP2, RETURN(0, len) — EIP-1167's
//! creation prefix with this runtime's length. No constructor logic, no calls.

use alloy_primitives::Address;
use alloy_sol_types::{sol, SolCall};

sol! {
    /// The WeightedPool functions that do not run in the token facet (abi/IWeightedPool.sol).
    interface IRoutedPoolFunctions {
        // `request` is V2's SwapRequest struct (abi/IBasePool.sol); only its canonical tuple
        // type enters the selector.
        function onSwap((uint8, address, address, uint256, bytes32, uint256, address, address, bytes) request, uint256 balanceTokenIn, uint256 balanceTokenOut) external returns (uint256);
        function onJoinPool(bytes32 poolId, address sender, address recipient, uint256[] balances, uint256 lastChangeBlock, uint256 protocolSwapFeePercentage, bytes userData) external returns (uint256[], uint256[]);
        function onExitPool(bytes32 poolId, address sender, address recipient, uint256[] balances, uint256 lastChangeBlock, uint256 protocolSwapFeePercentage, bytes userData) external returns (uint256[], uint256[]);
        function getInvariant() external view returns (uint256);
        function getSpotPrice(address tokenIn, address tokenOut) external view returns (uint256);
        function getSpotPriceSansFee(address tokenIn, address tokenOut) external view returns (uint256);
    }
}

use IRoutedPoolFunctions::*;

/// Facet indices: the order of the factory's `initialize(vault, facets)` array.
pub const SWAP: usize = 0;
pub const JOIN: usize = 1;
pub const EXIT: usize = 2;
pub const TOKEN: usize = 3;

/// Each facet's release wasm name (deploy/build-contracts.sh), by index. The LAST facet is
/// the default: it takes every selector not in [`ROUTES`] and calldata shorter than 4 bytes.
pub const FACETS: [&str; 4] = ["weighted_pool_swap", "weighted_pool_join", "weighted_pool_exit", "weighted_pool_token"];

/// THE ROUTING TABLE: selector -> facet index, in the order the proxy compares them. The
/// first entry must be facet 0's hot function (onSwap: one compare, no JUMP); the Vault's
/// callbacks come next, views last (each earlier entry costs a later one 22 gas). Must match
/// the facet builds (src/weighted-pool/src/router.rs); tests/integration/tests/
/// factory_proxy.rs checks every IWeightedPool function against the deployed facets.
pub const ROUTES: [([u8; 4], usize); 6] = [
    (onSwapCall::SELECTOR, SWAP),
    (onJoinPoolCall::SELECTOR, JOIN),
    (onExitPoolCall::SELECTOR, EXIT),
    (getInvariantCall::SELECTOR, SWAP),
    (getSpotPriceCall::SELECTOR, SWAP),
    (getSpotPriceSansFeeCall::SELECTOR, SWAP),
];

/// Number of facet addresses a proxy embeds (and the factory's `initialize` takes).
pub const FACET_COUNT: usize = FACETS.len();

/// The default facet's index.
pub const DEFAULT_FACET: usize = FACET_COUNT - 1;

/// The facet the proxy runs for `calldata`.
pub fn facet_for(calldata: &[u8]) -> usize {
    let Some(selector) = calldata.first_chunk::<4>() else {
        return DEFAULT_FACET;
    };
    ROUTES.iter().find(|(s, _)| s == selector).map_or(DEFAULT_FACET, |(_, f)| *f)
}

const PROLOGUE: [u8; 13] = [0x36, 0x3d, 0x60, 0x1c, 0x37, 0x3d, 0x51, 0x3d, 0x3d, 0x3d, 0x36, 0x60, 0x1c];
/// `DUP6 PUSH4 <sel> EQ PUSH1 <dest> JUMPI`.
const COMPARE_LEN: usize = 10;
/// `PUSH20 <default facet> PUSH1 <call> JUMP`.
const DEFAULT_BLOCK_LEN: usize = 24;
/// `JUMPDEST PUSH20 <facet> PUSH1 <call> JUMP`.
const JUMP_BLOCK_LEN: usize = 25;
/// `JUMPDEST PUSH20 <first facet>` (falls through into the call).
const HOT_BLOCK_LEN: usize = 22;
/// JUMPDEST GAS DELEGATECALL and EIP-1167's return/revert tail; byte 11 is the jump
/// target of the RETURN branch (patched).
const TAIL: [u8; 16] = [0x5b, 0x5a, 0xf4, 0x3d, 0x82, 0x80, 0x3e, 0x90, 0x3d, 0x91, 0x60, 0x00, 0x57, 0xfd, 0x5b, 0xf3];
/// EIP-1167's creation prefix; byte 2 is the runtime length (patched).
const CREATION_PREFIX: [u8; 10] = [0x3d, 0x60, 0x00, 0x80, 0x60, 0x0a, 0x3d, 0x39, 0x81, 0xf3];

/// Where the default block starts (right after the compare chain).
const DEFAULT_BLOCK: usize = PROLOGUE.len() + COMPARE_LEN * ROUTES.len();

/// Where routed facet `i` (< FACET_COUNT - 1) has its JUMPDEST: blocks are laid out in
/// reverse table order so facet 0 is last and falls through into the call.
const fn block_start(i: usize) -> usize {
    DEFAULT_BLOCK + DEFAULT_BLOCK_LEN + JUMP_BLOCK_LEN * (FACET_COUNT - 2 - i)
}

/// Where the shared call tail starts.
const CALL: usize = block_start(0) + HOT_BLOCK_LEN;

/// Length of the runtime code.
pub const RUNTIME_LEN: usize = CALL + TAIL.len();

/// Length of the creation code (what CREATE2 hashes).
pub const CREATION_LEN: usize = CREATION_PREFIX.len() + RUNTIME_LEN;

/// Offset of facet `i`'s PUSH20 immediate in the runtime code.
const fn address_offset(i: usize) -> usize {
    if i == FACET_COUNT - 1 {
        DEFAULT_BLOCK + 1
    } else {
        block_start(i) + 2
    }
}

/// Offsets of each facet's 20 address bytes in the runtime code (index = facet).
pub const ADDRESS_OFFSETS: [usize; FACET_COUNT] = {
    let mut out = [0; FACET_COUNT];
    let mut i = 0;
    while i < FACET_COUNT {
        out[i] = address_offset(i);
        i += 1;
    }
    out
};

const fn put(code: &mut [u8; RUNTIME_LEN], at: usize, bytes: &[u8]) -> usize {
    let mut k = 0;
    while k < bytes.len() {
        code[at + k] = bytes[k];
        k += 1;
    }
    at + bytes.len()
}

/// The runtime code with zero facet addresses (compile-time constant).
pub const RUNTIME_TEMPLATE: [u8; RUNTIME_LEN] = {
    let mut code = [0u8; RUNTIME_LEN];
    let mut p = put(&mut code, 0, &PROLOGUE);
    // Compare chain.
    let mut i = 0;
    while i < ROUTES.len() {
        let (s, facet) = ROUTES[i];
        p = put(&mut code, p, &[0x85, 0x63, s[0], s[1], s[2], s[3], 0x14, 0x60, block_start(facet) as u8, 0x57]);
        i += 1;
    }
    // Default block: PUSH20 <0> PUSH1 call JUMP.
    p = put(&mut code, p, &[0x73]);
    p += 20;
    p = put(&mut code, p, &[0x60, CALL as u8, 0x56]);
    // Routed facets, last routed first; facet 0 falls through.
    let mut k = FACET_COUNT - 1;
    while k > 0 {
        k -= 1;
        p = put(&mut code, p, &[0x5b, 0x73]);
        p += 20;
        if k > 0 {
            p = put(&mut code, p, &[0x60, CALL as u8, 0x56]);
        }
    }
    let mut tail = TAIL;
    tail[11] = (CALL + 14) as u8;
    p = put(&mut code, p, &tail);
    assert!(p == RUNTIME_LEN);
    code
};

/// Compile-time checks of the table (a violation fails the build, never a call).
const _: () = {
    assert!(FACET_COUNT >= 2, "at least one routed facet and the default");
    assert!(RUNTIME_LEN <= 0xff, "jump targets and the creation length are PUSH1 immediates");
    assert!(ROUTES[0].1 == 0, "the first route is facet 0's (its block falls through into the call)");
    let mut i = 0;
    while i < ROUTES.len() {
        let (s, facet) = ROUTES[i];
        assert!(facet < DEFAULT_FACET, "routes name a non-default facet");
        assert!(s[3] != 0, "a selector ending in 0x00 would also match shorter calldata");
        let mut j = i + 1;
        while j < ROUTES.len() {
            let t = ROUTES[j].0;
            assert!(!(s[0] == t[0] && s[1] == t[1] && s[2] == t[2] && s[3] == t[3]), "selector listed twice");
            j += 1;
        }
        i += 1;
    }
    let mut f = 0;
    while f < DEFAULT_FACET {
        let mut used = false;
        let mut k = 0;
        while k < ROUTES.len() {
            used |= ROUTES[k].1 == f;
            k += 1;
        }
        assert!(used, "a non-default facet without routes");
        f += 1;
    }
};

/// The runtime code of a pool proxy routing to `facets` (table order).
pub fn runtime_code(facets: &[Address; FACET_COUNT]) -> [u8; RUNTIME_LEN] {
    let mut code = RUNTIME_TEMPLATE;
    for (facet, offset) in facets.iter().zip(ADDRESS_OFFSETS) {
        if let Some(slot) = code.get_mut(offset..offset + 20) {
            slot.copy_from_slice(facet.as_slice());
        }
    }
    code
}

/// The creation code CREATE2 deploys (and hashes) for a pool proxy routing to `facets`.
pub fn creation_code(facets: &[Address; FACET_COUNT]) -> [u8; CREATION_LEN] {
    let mut code = [0u8; CREATION_LEN];
    let (prefix, runtime) = code.split_at_mut(CREATION_PREFIX.len());
    prefix.copy_from_slice(&CREATION_PREFIX);
    if let Some(len) = prefix.get_mut(2) {
        *len = RUNTIME_LEN as u8;
    }
    runtime.copy_from_slice(&runtime_code(facets));
    code
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::{address, hex, keccak256};

    const S: Address = address!("5555555555555555555555555555555555555555");
    const J: Address = address!("1111111111111111111111111111111111111111");
    const E: Address = address!("eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
    const T: Address = address!("7777777777777777777777777777777777777777");
    const ALL: [Address; 4] = [S, J, E, T];

    /// The bytes of the module documentation's listing, written out by hand.
    #[test]
    fn runtime_bytes_are_the_documented_ones() {
        let listing = concat!(
            "36", "3d", "601c", "37", "3d", "51", "3d3d3d", "36", "601c", // prologue
            "85", "639d2c110c", "14", "6093", "57",                       // onSwap -> 0x93
            "85", "63d5c096c4", "14", "607a", "57",                       // onJoinPool -> 0x7a
            "85", "6374f3b009", "14", "6061", "57",                       // onExitPool -> 0x61
            "85", "63c0ff1a15", "14", "6093", "57",                       // getInvariant -> 0x93
            "85", "6315e84af9", "14", "6093", "57",                       // getSpotPrice
            "85", "631446a7ff", "14", "6093", "57",                       // getSpotPriceSansFee
            "737777777777777777777777777777777777777777", "60a9", "56",   // 0x49 default: T
            "5b73eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", "60a9", "56", // 0x61 E
            "5b731111111111111111111111111111111111111111", "60a9", "56", // 0x7a J
            "5b735555555555555555555555555555555555555555",               // 0x93 S
            "5b", "5a", "f4", "3d", "82", "80", "3e", "90", "3d", "91", "60b7", "57", "fd", "5b", "f3", // 0xa9
        );
        let expected = hex::decode(listing).unwrap();
        let code = runtime_code(&ALL);
        assert_eq!(hex::encode(code), hex::encode(&expected));
        assert_eq!(RUNTIME_LEN, 185);
        assert_eq!(ADDRESS_OFFSETS, [0x95, 0x7c, 0x63, 0x4a]);
    }

    #[test]
    fn selectors_are_the_pool_abi_ones() {
        // Values from the pool helper's FACETS table (keccak of the signatures).
        let expected = [
            (hex!("9d2c110c"), SWAP),
            (hex!("d5c096c4"), JOIN),
            (hex!("74f3b009"), EXIT),
            (hex!("c0ff1a15"), SWAP),
            (hex!("15e84af9"), SWAP),
            (hex!("1446a7ff"), SWAP),
        ];
        assert_eq!(ROUTES, expected);
        assert_eq!(keccak256("getInvariant()")[..4], ROUTES[3].0);
        assert_eq!(facet_for(&hex!("9d2c110c00")), SWAP);
        assert_eq!(facet_for(&hex!("9d2c11")), TOKEN);
        assert_eq!(facet_for(&hex!("1446a7ff")), SWAP);
        assert_eq!(facet_for(&hex!("74f3b009")), EXIT);
        assert_eq!(facet_for(&hex!("deadbeef")), TOKEN);
    }

    #[test]
    fn every_jump_lands_on_a_jumpdest_and_addresses_are_in_push20s() {
        let code = runtime_code(&ALL);
        // Walk the instructions (skipping PUSH immediates) and check each PUSH1 that feeds a
        // JUMP/JUMPI targets a JUMPDEST.
        let mut pc = 0;
        let mut jumps = 0;
        while pc < code.len() {
            let op = code[pc];
            if (0x60..=0x7f).contains(&op) {
                let n = (op - 0x5f) as usize;
                if op == 0x60 && matches!(code.get(pc + 2), Some(0x56) | Some(0x57)) {
                    assert_eq!(code[code[pc + 1] as usize], 0x5b, "jump target at {pc}");
                    jumps += 1;
                }
                pc += 1 + n;
            } else {
                pc += 1;
            }
        }
        assert_eq!(jumps, ROUTES.len() + (FACET_COUNT - 1) + 1, "compares, JUMPs to the call, the tail's JUMPI");
        for (i, a) in ALL.iter().enumerate() {
            let o = ADDRESS_OFFSETS[i];
            assert_eq!(code[o - 1], 0x73);
            assert_eq!(&code[o..o + 20], a.as_slice());
        }
    }

    #[test]
    fn creation_code_returns_the_runtime() {
        let code = creation_code(&ALL);
        assert_eq!(code.len(), CREATION_LEN);
        assert_eq!(&code[..10], &hex!("3d60b980600a3d3981f3"));
        assert_eq!(&code[10..], &runtime_code(&ALL));
    }
}
