//! wasm size probe for weighted-math (not part of the workspace; see measure.sh).
//! Size probe: exports the math through a minimal C ABI (32-byte big-endian words).
#![no_std]
extern crate alloc;
use weighted_math as wm;
use wm::U256;

#[global_allocator]
static ALLOC: mini_alloc::MiniAlloc = mini_alloc::MiniAlloc::INIT;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

static mut BUF: [u8; 32 * 40] = [0; 32 * 40];

fn arg(i: usize) -> U256 {
    let b: &[u8; 1280] = unsafe { &*core::ptr::addr_of!(BUF) };
    U256::from_be_slice(&b[i * 32..i * 32 + 32])
}
fn ret(r: Result<U256, wm::MathError>) -> u32 {
    match r {
        Ok(v) => {
            let b: &mut [u8; 1280] = unsafe { &mut *core::ptr::addr_of_mut!(BUF) };
            b[0..32].copy_from_slice(&v.to_be_bytes::<32>());
            0
        }
        Err(e) => e.code() as u32,
    }
}

#[no_mangle]
pub extern "C" fn buf() -> *mut u8 {
    core::ptr::addr_of_mut!(BUF) as *mut u8
}
#[no_mangle]
pub extern "C" fn out_given_in() -> u32 {
    ret(wm::calc_out_given_in(arg(0), arg(1), arg(2), arg(3), arg(4)))
}
#[no_mangle]
pub extern "C" fn in_given_out() -> u32 {
    ret(wm::calc_in_given_out(arg(0), arg(1), arg(2), arg(3), arg(4)))
}

#[cfg(feature = "all")]
mod all {
    use super::*;
    #[no_mangle]
    pub extern "C" fn invariant(n: u32) -> u32 {
        let n = n as usize % 9;
        let w: alloc::vec::Vec<U256> = (0..n).map(arg).collect();
        let b: alloc::vec::Vec<U256> = (n..2 * n).map(arg).collect();
        ret(wm::calculate_invariant(&w, &b))
    }
    #[no_mangle]
    pub extern "C" fn join_exit(kind: u32, n: u32) -> u32 {
        let n = n as usize % 9;
        let b: alloc::vec::Vec<U256> = (0..n).map(arg).collect();
        let w: alloc::vec::Vec<U256> = (n..2 * n).map(arg).collect();
        let a: alloc::vec::Vec<U256> = (2 * n..3 * n).map(arg).collect();
        let (s, f) = (arg(3 * n), arg(3 * n + 1));
        match kind {
            0 => ret(wm::calc_bpt_out_given_exact_tokens_in(&b, &w, &a, s, f)),
            1 => ret(wm::calc_bpt_in_given_exact_tokens_out(&b, &w, &a, s, f)),
            2 => ret(wm::calc_bpt_out_given_exact_token_in(arg(0), arg(1), arg(2), arg(3), arg(4))),
            3 => ret(wm::calc_bpt_in_given_exact_token_out(arg(0), arg(1), arg(2), arg(3), arg(4))),
            4 => ret(wm::calc_token_in_given_exact_bpt_out(arg(0), arg(1), arg(2), arg(3), arg(4))),
            5 => ret(wm::calc_token_out_given_exact_bpt_in(arg(0), arg(1), arg(2), arg(3), arg(4))),
            6 => ret(wm::calc_due_token_protocol_swap_fee_amount(arg(0), arg(1), arg(2), arg(3), arg(4))),
            7 => ret(wm::proportional_amounts_in(&b, s, f).map(|v| v.first().copied().unwrap_or_default())),
            8 => ret(wm::proportional_amounts_out(&b, s, f).map(|v| v.first().copied().unwrap_or_default())),
            9 => ret(wm::calc_bpt_out_add_token(arg(0), arg(1))),
            10 => ret(wm::mul_up(arg(0), arg(1))),
            11 => ret(wm::div_up(arg(0), arg(1))),
            12 => ret(wm::mul_down(arg(0), arg(1))),
            13 => ret(wm::div_down(arg(0), arg(1))),
            _ => ret(wm::complement(arg(0))),
        }
    }
}
