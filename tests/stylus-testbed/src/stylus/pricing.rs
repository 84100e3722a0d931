//! Stylus ink prices, as Nitro charges them (sources: `arbutil/src/pricing.rs`,
//! `prover/src/programs/meter.rs::pricing_v1`, `prover/src/programs/config.rs` for
//! Stylus version 2, `arbos/programs/params.go`).
//!
//! Ink is Stylus's compute unit: 1 EVM gas = 10,000 ink (`InkPrice`). Opcodes are priced
//! per basic block (see `meter`): each block pays a 2,450-ink header plus the sum of its
//! opcodes' [`op_ink`].

use wasmparser::Operator;

/// EVM gas to ink: Nitro's initial (and current) `InkPrice`.
pub const INK_PER_GAS: u64 = 10_000;

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

/// Nitro's `pricing_v1` ink for one opcode (block header excluded). `None` for opcodes
/// Stylus does not support (floats, tables, references, SIMD, atomics...).
/// `type_params[i]` is the parameter count of type `i`, for `call_indirect`.
pub fn op_ink(op: &Operator, type_params: &[u32]) -> Option<u64> {
    use Operator as O;
    let ink = match op {
        O::Unreachable | O::Return => 1,
        O::Nop | O::I32Const { .. } | O::I64Const { .. } => 1,
        O::Drop => 9,
        O::Block { .. } | O::Loop { .. } | O::Else | O::End => 1,
        O::Br { .. } | O::BrIf { .. } | O::If { .. } => 765,
        O::Select => 1_250,
        O::Call { .. } => 3_800,
        O::LocalGet { .. } | O::LocalTee { .. } => 75,
        O::LocalSet { .. } => 210,
        O::GlobalGet { .. } => 225,
        O::GlobalSet { .. } => 575,
        O::I32Load { .. } | O::I32Load8S { .. } | O::I32Load8U { .. } | O::I32Load16S { .. } | O::I32Load16U { .. } => 670,
        O::I64Load { .. } | O::I64Load8S { .. } | O::I64Load8U { .. } | O::I64Load16S { .. } | O::I64Load16U { .. }
        | O::I64Load32S { .. } | O::I64Load32U { .. } => 680,
        O::I32Store { .. } | O::I32Store8 { .. } | O::I32Store16 { .. } => 825,
        O::I64Store { .. } | O::I64Store8 { .. } | O::I64Store16 { .. } | O::I64Store32 { .. } => 950,
        O::MemorySize { .. } => 3_000,
        O::MemoryGrow { .. } => 1, // growth is priced by the memory model
        O::I32Eqz | O::I32Eq | O::I32Ne | O::I32LtS | O::I32LtU | O::I32GtS | O::I32GtU | O::I32LeS | O::I32LeU
        | O::I32GeS | O::I32GeU => 170,
        O::I64Eqz | O::I64Eq | O::I64Ne | O::I64LtS | O::I64LtU | O::I64GtS | O::I64GtU | O::I64LeS | O::I64LeU
        | O::I64GeS | O::I64GeU => 225,
        O::I32Clz | O::I32Ctz => 210,
        O::I32Add | O::I32Sub => 70,
        O::I32Mul => 160,
        O::I32DivS | O::I32DivU | O::I32RemS | O::I32RemU => 1_120,
        O::I32And | O::I32Or | O::I32Xor | O::I32Shl | O::I32ShrS | O::I32ShrU | O::I32Rotl | O::I32Rotr => 70,
        O::I64Clz | O::I64Ctz => 210,
        O::I64Add | O::I64Sub => 100,
        O::I64Mul => 160,
        O::I64DivS | O::I64DivU | O::I64RemS | O::I64RemU => 1_270,
        O::I64And | O::I64Or | O::I64Xor | O::I64Shl | O::I64ShrS | O::I64ShrU | O::I64Rotl | O::I64Rotr => 100,
        O::I32Popcnt => 2_650,
        O::I64Popcnt => 6_000,
        O::I32WrapI64 | O::I64ExtendI32S | O::I64ExtendI32U => 100,
        O::I32Extend8S | O::I32Extend16S | O::I64Extend8S | O::I64Extend16S | O::I64Extend32S => 100,
        O::MemoryCopy { .. } | O::MemoryFill { .. } => 950,
        O::BrTable { targets } => 2_400u64.saturating_add(325u64.saturating_mul(u64::from(targets.len()))),
        O::CallIndirect { type_index, .. } => {
            let params = type_params.get(*type_index as usize).copied()?;
            13_610u64.saturating_add(650u64.saturating_mul(u64::from(params)))
        }
        _ => return None,
    };
    Some(ink)
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
    fn opcode_prices_follow_pricing_v1() {
        assert_eq!(op_ink(&Operator::I32Add, &[]), Some(70));
        assert_eq!(op_ink(&Operator::CallIndirect { type_index: 0, table_index: 0 }, &[2]), Some(13_610 + 1_300));
        assert_eq!(op_ink(&Operator::F64Add, &[]), None);
    }

    #[test]
    fn return_data_floor_is_evm_memory_cost() {
        assert_eq!(evm_memory_cost(0), 0);
        assert_eq!(evm_memory_cost(32), 3);
        assert_eq!(evm_memory_cost(32 * 1024), 3 * 1024 + 1024 * 1024 / 512);
    }
}
