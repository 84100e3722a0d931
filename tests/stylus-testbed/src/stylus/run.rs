//! Running one Stylus frame: entry costs, a fresh instance, the call to
//! `user_entrypoint`, and the outcome as Nitro would report it.

use super::{
    frame::{ink_left, limiter, set_ink, settle_growth, Escape, FrameState, Growth},
    hooks,
    host::{FrameContext, StylusHost},
    memory_model::StylusPages,
    pricing::{evm_memory_cost, gas_to_ink, ink_to_gas},
    program::{engine, Program},
    meter::{INK_GLOBAL, STATUS_GLOBAL},
    storage_cache::StorageCache,
    validate::ENTRYPOINT,
};
use alloy_primitives::Bytes;
use wasmi::{Extern, Instance, Store, TrapCode};

/// How a frame ended (Nitro `UserOutcomeKind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// `user_entrypoint` returned 0 (or `exit_early(0)`): state changes are kept.
    Success,
    /// Returned non-zero, `exit_early(non-zero)`, or a hook refused a request: revert
    /// with the `write_result` data; unused gas is returned.
    Revert,
    /// The wasm trapped (`unreachable`, bad memory access, ...): revert with no data;
    /// unused gas is returned.
    Failure,
    /// Ink ran out: revert with no data, all gas consumed.
    OutOfInk,
    /// Call stack exhausted: revert with no data, all gas consumed.
    OutOfStack,
}

/// What a frame produced. The world applies or rolls back the frame's state changes
/// according to [`Outcome::success`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub status: Status,
    /// Return data on success, revert data on [`Status::Revert`], empty otherwise.
    pub output: Bytes,
    /// EVM gas consumed by the frame, entry costs, storage and subcalls included.
    pub gas_used: u64,
    /// Ink consumed after entry (execution, hooks, storage, subcalls).
    pub ink_used: u64,
    /// Gas charged on entry: program initialisation plus memory footprint.
    pub entry_gas: u64,
    /// Why the frame failed, for diagnostics (trap or hook message).
    pub error: Option<String>,
}

impl Outcome {
    /// True when the frame's state changes must be kept.
    pub fn success(&self) -> bool {
        self.status == Status::Success
    }

    fn exhausted(gas_limit: u64, entry_gas: u64, error: &str) -> Outcome {
        Outcome {
            status: Status::OutOfInk,
            output: Bytes::new(),
            gas_used: gas_limit,
            ink_used: 0,
            entry_gas,
            error: Some(error.to_string()),
        }
    }
}

/// Runs `program` as the frame described by `ctx`, against `host`.
pub fn run(program: &Program, host: &mut dyn StylusHost, ctx: &FrameContext) -> Outcome {
    let info = program.info();
    let pages_before = host.stylus_pages();
    let (memory_gas, pages) = pages_before.open_pages(info.footprint_pages);
    let entry_gas = memory_gas.saturating_add(info.init_gas(ctx.cached));
    let Some(budget_gas) = ctx.gas_limit.checked_sub(entry_gas) else {
        return Outcome::exhausted(ctx.gas_limit, entry_gas, "out of gas on entry");
    };
    let budget = gas_to_ink(budget_gas);

    let state = FrameState {
        host,
        ctx,
        memory: None,
        ink: None,
        status: None,
        outs: Vec::new(),
        return_data: Bytes::new(),
        cache: StorageCache::default(),
        growth: Growth::default(),
        pages,
        last_code: None,
    };
    let mut store = Store::new(engine(), state);
    store.limiter(limiter);

    let result = execute(program, &mut store, ctx.input.len(), budget);
    let settled = settle_growth(&mut store);
    let ink_after = ink_left(&mut store);
    let out_of_ink = status_flag(&store);
    let state = store.into_data();
    state.host.set_stylus_pages(StylusPages { open: pages_before.open, ever: state.pages.ever });

    let (status, output, error) = classify(result, settled.err(), out_of_ink, state.outs);
    let gas_used = match status {
        Status::OutOfInk | Status::OutOfStack => ctx.gas_limit,
        _ => ctx.gas_limit.saturating_sub(ink_to_gas(ink_after)),
    };
    let mut outcome = Outcome {
        status,
        output: Bytes::from(output),
        gas_used,
        ink_used: budget.saturating_sub(ink_after),
        entry_gas,
        error,
    };
    apply_return_data_floor(&mut outcome, ctx.gas_limit);
    outcome
}

/// Instantiates the program with fresh memory and calls its entrypoint.
fn execute(program: &Program, store: &mut Store<FrameState<'_>>, args_len: usize, ink: u64) -> Result<u32, wasmi::Error> {
    let imports: Vec<Extern> = program.hooks().iter().map(|hook| Extern::Func(hooks::import(*hook, store))).collect();
    let instance = Instance::new(&mut *store, program.module(), &imports)?;
    // Creating the initial memory notifies the limiter too; the footprint is paid on entry.
    store.data_mut().growth.pending_pages = 0;
    let memory = instance.get_memory(&*store, "memory");
    store.data_mut().memory = memory;
    let ink_global = instance.get_global(&*store, INK_GLOBAL);
    store.data_mut().ink = ink_global;
    let status_global = instance.get_global(&*store, STATUS_GLOBAL);
    store.data_mut().status = status_global;
    set_ink(store, ink);
    let entry = instance.get_typed_func::<u32, u32>(&*store, ENTRYPOINT)?;
    let args_len = u32::try_from(args_len).map_err(|_| wasmi::Error::new("calldata too long"))?;
    entry.call(&mut *store, args_len)
}

/// Whether the instrumented meter trapped for lack of ink.
fn status_flag(store: &Store<FrameState<'_>>) -> bool {
    store.data().status.is_some_and(|global| matches!(global.get(store), wasmi::Val::I32(1)))
}

/// Maps the entrypoint's result to Nitro's outcome kinds.
fn classify(
    result: Result<u32, wasmi::Error>,
    settle: Option<wasmi::Error>,
    out_of_ink: bool,
    outs: Vec<u8>,
) -> (Status, Vec<u8>, Option<String>) {
    let error = match (result, settle) {
        (_, Some(settle_error)) => settle_error,
        (Ok(0), None) => return (Status::Success, outs, None),
        (Ok(status), None) => return (Status::Revert, outs, Some(format!("user_entrypoint returned {status}"))),
        (Err(error), None) => error,
    };
    if let Some(escape) = error.downcast_ref::<Escape>() {
        return match escape {
            Escape::OutOfInk => (Status::OutOfInk, Vec::new(), Some(escape.to_string())),
            Escape::Exit(0) => (Status::Success, outs, None),
            Escape::Exit(_) => (Status::Revert, outs, Some(escape.to_string())),
            Escape::Revert(why) => (Status::Revert, Vec::new(), Some(why.clone())),
        };
    }
    if out_of_ink {
        return (Status::OutOfInk, Vec::new(), Some("out of ink".into()));
    }
    match error.as_trap_code() {
        Some(TrapCode::StackOverflow) => (Status::OutOfStack, Vec::new(), Some("call stack exhausted".into())),
        _ => (Status::Failure, Vec::new(), Some(error.to_string())),
    }
}

/// Returned data costs at least its EVM memory-expansion price (Nitro, ArbOS "Stylus
/// fixes"): a frame too poor for it runs out of gas.
fn apply_return_data_floor(outcome: &mut Outcome, gas_limit: u64) {
    if outcome.output.is_empty() {
        return;
    }
    let floor = evm_memory_cost(outcome.output.len() as u64);
    if gas_limit < floor {
        *outcome = Outcome::exhausted(gas_limit, outcome.entry_gas, "out of gas paying for returned data");
        return;
    }
    outcome.gas_used = outcome.gas_used.max(floor);
}
