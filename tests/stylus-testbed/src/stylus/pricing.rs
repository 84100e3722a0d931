//! Stylus ink prices, as Nitro charges them (sources: `arbutil/src/pricing.rs`,
//! `prover/src/programs/meter.rs::pricing_v1`, `prover/src/programs/config.rs` for
//! Stylus version 2, `arbos/programs/params.go`).
//!
//! Ink is Stylus's compute unit: 1 EVM gas = 10,000 ink (`InkPrice`). Opcodes are priced
//! per basic block: each block pays a 2,450-ink header plus the sum of its opcodes.
//!
//! Departure from Nitro: wasmi's fuel costs are a `u8` per operator, so the test bed
//! meters opcodes in fuel units of [`INK_PER_FUEL`] ink (each Nitro price rounded to the
//! nearest unit, the block header folded into the operators that end a basic block,
//! `call_indirect`/`br_table` at their base price capped at 255 units). Host calls,
//! storage, memory and entry costs are charged in exact ink.

use wasmi::OperatorCost;

/// EVM gas to ink: Nitro's initial (and current) `InkPrice`.
pub const INK_PER_GAS: u64 = 10_000;
/// Ink represented by one unit of wasmi fuel.
pub const INK_PER_FUEL: u64 = 25;

/// Base ink of every host call that may return something.
pub const HOSTIO_INK: u64 = 8_400;
/// Extra ink per pointer argument of a host call.
pub const PTR_INK: u64 = 13_440 - HOSTIO_INK;
/// Extra ink of host calls that reach into the EVM (state, logs, calls).
pub const EVM_API_INK: u64 = 59_673;
/// Extra ink of `math_div` / `math_mod`.
pub const DIV_INK: u64 = 20_000;
/// Extra ink of `math_mul_mod`.
pub const MUL_MOD_INK: u64 = 24_100;
/// Extra ink of `math_add_mod`.
pub const ADD_MOD_INK: u64 = 21_000;

/// Ink of the ink-left check that starts every basic block.
pub const BLOCK_HEADER_INK: u64 = 2_450;
/// Ink per byte of `memory.copy` / `memory.fill` (800 / 8).
pub const MEMORY_BYTE_INK: u64 = 100;

/// EVM gas constants Stylus reuses (geth `params`).
pub mod evm_gas {
    /// `SstoreSentryGasEIP2200`: an SSTORE needs at least this much gas left.
    pub const SSTORE_SENTRY: u64 = 2_300;
    /// `ColdSloadCostEIP2929`.
    pub const COLD_SLOAD: u64 = 2_100;
    /// `ColdAccountAccessCostEIP2929`.
    pub const COLD_ACCOUNT: u64 = 2_600;
    /// EIP-1153 `TLOAD` / `TSTORE`.
    pub const TRANSIENT: u64 = 100;
    /// `LogGas` per log plus per topic, and `LogDataGas` per data byte.
    pub const LOG_TOPIC: u64 = 375;
    pub const LOG_DATA: u64 = 8;
    /// `MemoryGas` and `QuadCoeffDiv`, for the floor on returned data.
    pub const MEMORY_WORD: u64 = 3;
    pub const QUAD_COEFF_DIV: u64 = 512;
}

/// Converts EVM gas to ink, saturating.
pub fn gas_to_ink(gas: u64) -> u64 {
    gas.saturating_mul(INK_PER_GAS)
}

/// Converts ink to whole EVM gas (rounding down, as Nitro does).
pub fn ink_to_gas(ink: u64) -> u64 {
    ink / INK_PER_GAS
}

/// Ink to copy `bytes` from the host into the program (`read_args`, return data).
pub fn write_price(bytes: u64) -> u64 {
    5_040u64.saturating_add(30u64.saturating_mul(bytes.saturating_sub(32)))
}

/// Ink to copy `bytes` from the program to the host (`write_result`, calldata, logs).
pub fn read_price(bytes: u64) -> u64 {
    16_381u64.saturating_add(55u64.saturating_mul(bytes.saturating_sub(32)))
}

/// Ink of `native_keccak256` over `bytes` (I/O included).
pub fn keccak_price(bytes: u64) -> u64 {
    let words = bytes.div_ceil(32).saturating_sub(2);
    121_800u64.saturating_add(21_000u64.saturating_mul(words))
}

/// Ink of `math_pow` beyond its base: cheaper for exponents with leading zero bytes.
pub fn pow_price(exponent: &[u8; 32]) -> u64 {
    let leading_zeros = exponent.iter().take_while(|b| **b == 0).count() as u64;
    let significant = 33u64.saturating_sub(leading_zeros);
    3_000u64.saturating_add(significant.saturating_mul(17_500))
}

/// EVM memory-expansion cost of `size` bytes: a Stylus call's returned data costs at
/// least this much gas (Nitro `evmMemoryCost`, ArbOS "Stylus fixes").
pub fn evm_memory_cost(size: u64) -> u64 {
    let words = size.div_ceil(32);
    let linear = words.saturating_mul(evm_gas::MEMORY_WORD);
    let square = words.saturating_mul(words) / evm_gas::QUAD_COEFF_DIV;
    linear.saturating_add(square)
}

/// Nitro's ink price of one opcode, the block header included for opcodes that end a
/// basic block. `None` for opcodes Stylus rejects (floats, tables, references...).
fn nitro_ink(op: &str) -> Option<u64> {
    const H: u64 = BLOCK_HEADER_INK;
    let ink = match op {
        "unreachable" | "return" => 1,
        "nop" | "i32_const" | "i64_const" => 1,
        "drop" => 9,
        "block" => 1,
        "loop" | "else" | "end" => 1 + H,
        "br" | "br_if" | "if_" => 765 + H,
        "select" => 1_250,
        "call" => 3_800 + H,
        "local_get" | "local_tee" => 75,
        "local_set" => 210,
        "global_get" => 225,
        "global_set" => 575,
        "i32_load" | "i32_load8_s" | "i32_load8_u" | "i32_load16_s" | "i32_load16_u" => 670,
        "i64_load" | "i64_load8_s" | "i64_load8_u" | "i64_load16_s" | "i64_load16_u"
        | "i64_load32_s" | "i64_load32_u" => 680,
        "i32_store" | "i32_store8" | "i32_store16" => 825,
        "i64_store" | "i64_store8" | "i64_store16" | "i64_store32" => 950,
        "memory_size" => 3_000,
        "memory_grow" => 1,
        "i32_eqz" | "i32_eq" | "i32_ne" | "i32_lt_s" | "i32_lt_u" | "i32_gt_s" | "i32_gt_u"
        | "i32_le_s" | "i32_le_u" | "i32_ge_s" | "i32_ge_u" => 170,
        "i64_eqz" | "i64_eq" | "i64_ne" | "i64_lt_s" | "i64_lt_u" | "i64_gt_s" | "i64_gt_u"
        | "i64_le_s" | "i64_le_u" | "i64_ge_s" | "i64_ge_u" => 225,
        "i32_clz" | "i32_ctz" => 210,
        "i32_add" | "i32_sub" => 70,
        "i32_mul" => 160,
        "i32_div_s" | "i32_div_u" | "i32_rem_s" | "i32_rem_u" => 1_120,
        "i32_and" | "i32_or" | "i32_xor" | "i32_shl" | "i32_shr_s" | "i32_shr_u" | "i32_rotl"
        | "i32_rotr" => 70,
        "i64_clz" | "i64_ctz" => 210,
        "i64_add" | "i64_sub" => 100,
        "i64_mul" => 160,
        "i64_div_s" | "i64_div_u" | "i64_rem_s" | "i64_rem_u" => 1_270,
        "i64_and" | "i64_or" | "i64_xor" | "i64_shl" | "i64_shr_s" | "i64_shr_u" | "i64_rotl"
        | "i64_rotr" => 100,
        "i32_popcnt" => 2_650,
        "i64_popcnt" => 6_000,
        "i32_wrap_i64" | "i64_extend_i32_s" | "i64_extend_i32_u" => 100,
        "i32_extend8_s" | "i32_extend16_s" | "i64_extend8_s" | "i64_extend16_s"
        | "i64_extend32_s" => 100,
        "memory_copy" | "memory_fill" => 950,
        // Dynamic in Nitro (2,400 + 325 per target; 13,610 + 650 per argument): base only.
        "br_table" => 2_400 + H,
        "call_indirect" => 13_610 + H,
        _ => return None,
    };
    Some(ink)
}

/// Fuel units (of [`INK_PER_FUEL`] ink) for a Nitro ink price, rounded to nearest.
fn fuel_units(ink: u64) -> u8 {
    let units = (ink + INK_PER_FUEL / 2) / INK_PER_FUEL;
    u8::try_from(units).unwrap_or(u8::MAX)
}

/// wasmi's operator cost table mirroring Nitro's `pricing_v1`. Operators Stylus rejects
/// at load time keep the maximum cost (they never reach execution).
pub fn operator_cost_table() -> OperatorCost {
    let mut table = OperatorCost::default();
    macro_rules! set_all {
        ($($field:ident),* $(,)?) => {
            $( table.$field = nitro_ink(stringify!($field)).map(fuel_units).unwrap_or(u8::MAX); )*
        };
    }
    set_all!(
        unreachable, nop, block, loop_, if_, else_, end, br, br_if, br_table, return_, call,
        call_indirect, drop, select, local_get, local_set, local_tee, global_get, global_set,
        i32_load, i64_load, i32_load8_s, i32_load8_u, i32_load16_s, i32_load16_u, i64_load8_s,
        i64_load8_u, i64_load16_s, i64_load16_u, i64_load32_s, i64_load32_u, i32_store,
        i64_store, i32_store8, i32_store16, i64_store8, i64_store16, i64_store32, memory_size,
        memory_grow, i32_const, i64_const, i32_eqz, i32_eq, i32_ne, i32_lt_s, i32_lt_u,
        i32_gt_s, i32_gt_u, i32_le_s, i32_le_u, i32_ge_s, i32_ge_u, i64_eqz, i64_eq, i64_ne,
        i64_lt_s, i64_lt_u, i64_gt_s, i64_gt_u, i64_le_s, i64_le_u, i64_ge_s, i64_ge_u,
        i32_clz, i32_ctz, i32_popcnt, i32_add, i32_sub, i32_mul, i32_div_s, i32_div_u,
        i32_rem_s, i32_rem_u, i32_and, i32_or, i32_xor, i32_shl, i32_shr_s, i32_shr_u,
        i32_rotl, i32_rotr, i64_clz, i64_ctz, i64_popcnt, i64_add, i64_sub, i64_mul,
        i64_div_s, i64_div_u, i64_rem_s, i64_rem_u, i64_and, i64_or, i64_xor, i64_shl,
        i64_shr_s, i64_shr_u, i64_rotl, i64_rotr, i32_wrap_i64, i64_extend_i32_s,
        i64_extend_i32_u, i32_extend8_s, i32_extend16_s, i64_extend8_s, i64_extend16_s,
        i64_extend32_s, memory_copy, memory_fill,
    );
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_prices_match_nitro_formulas() {
        assert_eq!(write_price(32), 5_040);
        assert_eq!(write_price(100), 5_040 + 30 * 68);
        assert_eq!(read_price(0), 16_381);
        assert_eq!(keccak_price(64), 121_800);
        assert_eq!(keccak_price(65), 121_800 + 21_000);
        let mut exp = [0u8; 32];
        exp[31] = 5;
        assert_eq!(pow_price(&exp), 3_000 + 2 * 17_500);
    }

    #[test]
    fn fuel_table_rounds_nitro_prices() {
        let table = operator_cost_table();
        assert_eq!(table.i32_add, 3); // 70 ink -> 75
        assert_eq!(table.call, 250); // 3,800 + 2,450 header
        assert_eq!(table.i64_popcnt, 240);
    }

    #[test]
    fn return_data_floor_is_evm_memory_cost() {
        assert_eq!(evm_memory_cost(0), 0);
        assert_eq!(evm_memory_cost(32), 3);
        assert_eq!(evm_memory_cost(32 * 1024), 3 * 1024 + 1024 * 1024 / 512);
    }
}
