//! The `vm_hooks` host functions, as wasmi imports. Each hook charges ink exactly as
//! Nitro's `user-host-trait` does, then reads or writes program memory and asks the
//! world ([`StylusHost`](super::host::StylusHost)) for anything beyond the frame.

pub mod catalog;
mod calls;
mod env;
mod io;
mod math;
mod storage;

use super::frame::{Escape, FrameState};
use alloy_primitives::{Address, U256};
use catalog::Hook;
use wasmi::{AsContextMut, Caller, Error, Func};

/// The wasmi context every hook receives.
pub(crate) type Ctx<'c, 'h> = Caller<'c, FrameState<'h>>;

fn memory_error() -> Error {
    Error::host(Escape::Revert("memory access out of bounds".into()))
}

/// Copies `len` bytes at `ptr` out of program memory.
pub(crate) fn read_slice(caller: &Ctx<'_, '_>, ptr: u32, len: u32) -> Result<Vec<u8>, Error> {
    let memory = caller.data().memory.ok_or_else(memory_error)?;
    let mut buf = vec![0u8; len as usize];
    memory.read(caller, ptr as usize, &mut buf).map_err(|_| memory_error())?;
    Ok(buf)
}

/// Copies `N` bytes at `ptr` out of program memory.
pub(crate) fn read_fixed<const N: usize>(caller: &Ctx<'_, '_>, ptr: u32) -> Result<[u8; N], Error> {
    let memory = caller.data().memory.ok_or_else(memory_error)?;
    let mut buf = [0u8; N];
    memory.read(caller, ptr as usize, &mut buf).map_err(|_| memory_error())?;
    Ok(buf)
}

pub(crate) fn read_u256(caller: &Ctx<'_, '_>, ptr: u32) -> Result<U256, Error> {
    Ok(U256::from_be_bytes(read_fixed::<32>(caller, ptr)?))
}

pub(crate) fn read_address(caller: &Ctx<'_, '_>, ptr: u32) -> Result<Address, Error> {
    Ok(Address::from(read_fixed::<20>(caller, ptr)?))
}

/// Copies `data` into program memory at `ptr`.
pub(crate) fn write_slice(caller: &mut Ctx<'_, '_>, ptr: u32, data: &[u8]) -> Result<(), Error> {
    let memory = caller.data().memory.ok_or_else(memory_error)?;
    memory.write(caller.as_context_mut(), ptr as usize, data).map_err(|_| memory_error())
}

pub(crate) fn write_u32(caller: &mut Ctx<'_, '_>, ptr: u32, value: u32) -> Result<(), Error> {
    write_slice(caller, ptr, &value.to_le_bytes())
}

/// Creates the wasmi function implementing `hook` in `store`.
pub(crate) fn import<'h>(hook: Hook, store: &mut wasmi::Store<FrameState<'h>>) -> Func {
    match hook {
        Hook::ReadArgs => Func::wrap(store, io::read_args),
        Hook::WriteResult => Func::wrap(store, io::write_result),
        Hook::ExitEarly => Func::wrap(store, io::exit_early),
        Hook::PayForMemoryGrow => Func::wrap(store, io::pay_for_memory_grow),
        Hook::EvmGasLeft => Func::wrap(store, io::evm_gas_left),
        Hook::EvmInkLeft => Func::wrap(store, io::evm_ink_left),
        Hook::StorageLoadBytes32 => Func::wrap(store, storage::storage_load_bytes32),
        Hook::StorageCacheBytes32 => Func::wrap(store, storage::storage_cache_bytes32),
        Hook::StorageFlushCache => Func::wrap(store, storage::storage_flush_cache),
        Hook::TransientLoadBytes32 => Func::wrap(store, storage::transient_load_bytes32),
        Hook::TransientStoreBytes32 => Func::wrap(store, storage::transient_store_bytes32),
        Hook::CallContract => Func::wrap(store, calls::call_contract),
        Hook::DelegateCallContract => Func::wrap(store, calls::delegate_call_contract),
        Hook::StaticCallContract => Func::wrap(store, calls::static_call_contract),
        Hook::Create1 => Func::wrap(store, calls::create1),
        Hook::Create2 => Func::wrap(store, calls::create2),
        Hook::ReadReturnData => Func::wrap(store, calls::read_return_data),
        Hook::ReturnDataSize => Func::wrap(store, calls::return_data_size),
        Hook::EmitLog => Func::wrap(store, calls::emit_log),
        Hook::AccountBalance => Func::wrap(store, env::account_balance),
        Hook::AccountCode => Func::wrap(store, env::account_code),
        Hook::AccountCodeSize => Func::wrap(store, env::account_code_size),
        Hook::AccountCodehash => Func::wrap(store, env::account_codehash),
        Hook::BlockBasefee => Func::wrap(store, env::block_basefee),
        Hook::BlockCoinbase => Func::wrap(store, env::block_coinbase),
        Hook::BlockGasLimit => Func::wrap(store, env::block_gas_limit),
        Hook::BlockNumber => Func::wrap(store, env::block_number),
        Hook::BlockTimestamp => Func::wrap(store, env::block_timestamp),
        Hook::Chainid => Func::wrap(store, env::chainid),
        Hook::ContractAddress => Func::wrap(store, env::contract_address),
        Hook::MsgReentrant => Func::wrap(store, env::msg_reentrant),
        Hook::MsgSender => Func::wrap(store, env::msg_sender),
        Hook::MsgValue => Func::wrap(store, env::msg_value),
        Hook::TxGasPrice => Func::wrap(store, env::tx_gas_price),
        Hook::TxInkPrice => Func::wrap(store, env::tx_ink_price),
        Hook::TxOrigin => Func::wrap(store, env::tx_origin),
        Hook::NativeKeccak256 => Func::wrap(store, math::native_keccak256),
        Hook::MathDiv => Func::wrap(store, math::math_div),
        Hook::MathMod => Func::wrap(store, math::math_mod),
        Hook::MathPow => Func::wrap(store, math::math_pow),
        Hook::MathAddMod => Func::wrap(store, math::math_add_mod),
        Hook::MathMulMod => Func::wrap(store, math::math_mul_mod),
    }
}
