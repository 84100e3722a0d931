//! Stylus memory pricing (Nitro `arbos/programs/memory.go`, Stylus params v2).
//!
//! A transaction tracks two page counts across all its Stylus frames: pages `open` in
//! the current call stack and the most ever open at once. The first [`FREE_PAGES`] are
//! free; each page opened beyond them costs [`PAGE_GAS`] plus an exponential term that
//! makes 8 MiB (128 pages) cost about 32M gas. A program pays for its initial memory
//! (its "footprint") on entry and for `memory.grow` as it happens; its pages are closed
//! again when its frame returns, but `ever` only goes up.

/// Pages each transaction gets for free (`InitialFreePages`).
pub const FREE_PAGES: u16 = 2;
/// Linear gas per page beyond the free ones (`InitialPageGas`).
pub const PAGE_GAS: u64 = 1_000;
/// Largest initial memory a program may declare (`initialPageLimit`, 8 MiB).
pub const PAGE_LIMIT: u16 = 128;

/// Exponential part of the page price, indexed by pages ever open (Nitro's table).
const MEMORY_EXPONENTS: [u32; 129] = [
    1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 6, 7, 8, 9, 11, 12, 14, 17, 19, 22, 25, 29, 33, 38,
    43, 50, 57, 65, 75, 85, 98, 112, 128, 147, 168, 193, 221, 253, 289, 331, 379, 434, 497, 569,
    651, 745, 853, 976, 1117, 1279, 1463, 1675, 1917, 2194, 2511, 2874, 3290, 3765, 4309, 4932,
    5645, 6461, 7395, 8464, 9687, 11087, 12689, 14523, 16621, 19024, 21773, 24919, 28521, 32642,
    37359, 42758, 48938, 56010, 64104, 73368, 83971, 96106, 109994, 125890, 144082, 164904,
    188735, 216010, 247226, 282953, 323844, 370643, 424206, 485509, 555672, 635973, 727880,
    833067, 953456, 1091243, 1248941, 1429429, 1636000, 1872423, 2143012, 2452704, 2807151,
    3212820, 3677113, 4208502, 4816684, 5512756, 6309419, 7221210, 8264766, 9459129, 10826093,
    12390601, 14181199, 16230562, 18576084, 21260563, 24332984, 27849408, 31873999,
];

/// The transaction's Stylus page counters (Nitro `StateDB.GetStylusPages`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StylusPages {
    /// Pages open in the current call stack.
    pub open: u16,
    /// Most pages ever open at once during the transaction.
    pub ever: u16,
}

impl StylusPages {
    /// Opens `new` pages, returning the gas they cost and the updated counters.
    pub fn open_pages(self, new: u16) -> (u64, StylusPages) {
        let cost = gas_cost(new, self.open, self.ever);
        let open = self.open.saturating_add(new);
        (cost, StylusPages { open, ever: self.ever.max(open) })
    }
}

fn exponent(pages: u16) -> u64 {
    MEMORY_EXPONENTS.get(usize::from(pages)).map_or(u64::MAX, |x| u64::from(*x))
}

/// Gas to open `new` pages when `open` are open and `ever` have been (Nitro `GasCost`).
pub fn gas_cost(new: u16, open: u16, ever: u16) -> u64 {
    let new_open = open.saturating_add(new);
    let new_ever = ever.max(new_open);
    if new_ever <= FREE_PAGES {
        return 0;
    }
    let sub_free = |pages: u16| pages.saturating_sub(FREE_PAGES);
    let adding = sub_free(new_open).saturating_sub(sub_free(open));
    let linear = u64::from(adding).saturating_mul(PAGE_GAS);
    let expand = exponent(new_ever).saturating_sub(exponent(ever));
    linear.saturating_add(expand)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Nitro's `TestModel`: any growth schedule up to 128 pages totals 31,999,998 gas.
    #[test]
    fn total_cost_of_eight_mib_is_schedule_independent() {
        for jump in 1..=128u16 {
            let mut total = 0u64;
            let mut pages = 0u16;
            while pages + jump < 128 {
                total += gas_cost(jump, pages, pages);
                pages += jump;
            }
            total += gas_cost(128 - pages, pages, pages);
            assert_eq!(total, 31_999_998, "jump {jump}");
        }
    }

    #[test]
    fn free_pages_cost_nothing_and_reopening_is_linear_only() {
        assert_eq!(gas_cost(2, 0, 0), 0);
        assert_eq!(gas_cost(3, 0, 0), 1_000);
        // A nested frame reopening pages the tx already had open pays no exponent.
        assert_eq!(gas_cost(1, 2, 3), 1_000);
    }
}
