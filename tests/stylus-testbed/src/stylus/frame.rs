//! The state of one running Stylus frame (wasmi store data) and the ink meter that host
//! hooks pay through.
//!
//! Ink lives in the program's instrumented `stylus_ink_left` global (see `meter`), which
//! opcodes burn and hooks read and write through [`ink_left`] / [`set_ink`].

use super::{
    host::{FrameContext, StylusHost},
    memory_model::StylusPages,
    pricing::{gas_to_ink, ink_to_gas},
    storage_cache::StorageCache,
};
use alloy_primitives::Bytes;
use wasmi::{AsContextMut, Error, Global, Memory, ResourceLimiter, Val};

/// Why a host hook stopped the program.
#[derive(Debug)]
pub(crate) enum Escape {
    /// Ink ran out (the whole frame's gas is consumed).
    OutOfInk,
    /// `exit_early(status)`: 0 returns normally, anything else reverts.
    Exit(u32),
    /// The program handed the host an out-of-bounds pointer, bad log topics, or the
    /// world refused a write in a static context.
    Revert(String),
}

impl std::fmt::Display for Escape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Escape::OutOfInk => write!(f, "out of ink"),
            Escape::Exit(status) => write!(f, "exit_early({status})"),
            Escape::Revert(why) => write!(f, "{why}"),
        }
    }
}

impl wasmi::errors::HostError for Escape {}

/// Memory growth that wasmi performed and the frame has not yet paid for.
#[derive(Debug, Default)]
pub(crate) struct Growth {
    /// Pages grown since the last settlement.
    pub pending_pages: u64,
}

impl ResourceLimiter for Growth {
    fn memory_growing(&mut self, current: usize, desired: usize, _maximum: Option<usize>) -> Result<bool, wasmi_core::LimiterError> {
        let pages = desired.saturating_sub(current) / 65_536;
        self.pending_pages = self.pending_pages.saturating_add(pages as u64);
        Ok(true)
    }

    fn table_growing(&mut self, _current: usize, _desired: usize, _maximum: Option<usize>) -> Result<bool, wasmi_core::LimiterError> {
        // Only instantiation creates tables: `table.grow` is refused at load time.
        Ok(true)
    }

    fn instances(&self) -> usize {
        1
    }

    fn tables(&self) -> usize {
        1
    }

    fn memories(&self) -> usize {
        1
    }
}

/// wasmi store data of one program run.
pub(crate) struct FrameState<'h> {
    pub host: &'h mut dyn StylusHost,
    pub ctx: &'h FrameContext,
    /// The program's exported memory, set right after instantiation.
    pub memory: Option<Memory>,
    /// The instrumented ink-left global, set right after instantiation.
    pub ink: Option<Global>,
    /// The instrumented ink-status global (1 once the meter ran dry).
    pub status: Option<Global>,
    /// Data given to `write_result`.
    pub outs: Vec<u8>,
    /// Output of the last call or create (`read_return_data`).
    pub return_data: Bytes,
    /// Storage slots read or written by the program (flushed on `storage_flush_cache`).
    pub cache: StorageCache,
    /// Unpaid `memory.grow`.
    pub growth: Growth,
    /// The transaction's page counters as this frame sees them.
    pub pages: StylusPages,
    /// Code of the last account queried by `account_code*` (Nitro re-serves it for free).
    pub last_code: Option<(alloy_primitives::Address, Bytes)>,
}

/// Hands wasmi the limiter inside the store data.
pub(crate) fn limiter<'s>(state: &'s mut FrameState<'_>) -> &'s mut dyn ResourceLimiter {
    &mut state.growth
}

fn out_of_ink() -> Error {
    Error::host(Escape::OutOfInk)
}

/// Ink left to the frame.
pub(crate) fn ink_left<'h>(ctx: &mut impl AsContextMut<Data = FrameState<'h>>) -> u64 {
    let ctx = ctx.as_context_mut();
    match ctx.data().ink {
        Some(global) => match global.get(&ctx) {
            Val::I64(ink) => ink as u64,
            _ => 0,
        },
        None => 0,
    }
}

/// Sets the frame's ink left.
pub(crate) fn set_ink<'h>(ctx: &mut impl AsContextMut<Data = FrameState<'h>>, ink: u64) {
    let mut ctx = ctx.as_context_mut();
    if let Some(global) = ctx.data().ink {
        // The global is a mutable i64 created by the instrumentation: setting cannot fail.
        let _ = global.set(&mut ctx, Val::I64(ink as i64));
    }
}

/// Pays `ink`, or empties the meter and escapes when there is not enough.
pub(crate) fn buy_ink<'h>(ctx: &mut impl AsContextMut<Data = FrameState<'h>>, ink: u64) -> Result<(), Error> {
    settle_growth(ctx)?;
    let left = ink_left(ctx);
    match left.checked_sub(ink) {
        Some(rest) => {
            set_ink(ctx, rest);
            Ok(())
        }
        None => {
            set_ink(ctx, 0);
            Err(out_of_ink())
        }
    }
}

/// Escapes unless at least `ink` is left; burns nothing.
pub(crate) fn require_ink<'h>(ctx: &mut impl AsContextMut<Data = FrameState<'h>>, ink: u64) -> Result<(), Error> {
    settle_growth(ctx)?;
    if ink_left(ctx) < ink {
        set_ink(ctx, 0);
        return Err(out_of_ink());
    }
    Ok(())
}

/// Pays EVM gas in ink.
pub(crate) fn buy_gas<'h>(ctx: &mut impl AsContextMut<Data = FrameState<'h>>, gas: u64) -> Result<(), Error> {
    buy_ink(ctx, gas_to_ink(gas))
}

/// Escapes unless at least `gas` is left.
pub(crate) fn require_gas<'h>(ctx: &mut impl AsContextMut<Data = FrameState<'h>>, gas: u64) -> Result<(), Error> {
    require_ink(ctx, gas_to_ink(gas))
}

/// Whole EVM gas left.
pub(crate) fn gas_left<'h>(ctx: &mut impl AsContextMut<Data = FrameState<'h>>) -> u64 {
    ink_to_gas(ink_left(ctx))
}

/// Pays for memory grown since the last settlement with Nitro's page prices (as if the
/// `pay_for_memory_grow` call Nitro inserts before each `memory.grow` had run).
pub(crate) fn settle_growth<'h>(ctx: &mut impl AsContextMut<Data = FrameState<'h>>) -> Result<(), Error> {
    let pending = std::mem::take(&mut ctx.as_context_mut().data_mut().growth.pending_pages);
    if pending == 0 {
        return Ok(());
    }
    let left = ink_left(ctx);
    let new = u16::try_from(pending).unwrap_or(u16::MAX);
    let (gas, pages) = ctx.as_context_mut().data().pages.open_pages(new);
    ctx.as_context_mut().data_mut().pages = pages;
    match left.checked_sub(gas_to_ink(gas)) {
        Some(rest) => {
            set_ink(ctx, rest);
            Ok(())
        }
        None => {
            set_ink(ctx, 0);
            Err(out_of_ink())
        }
    }
}
