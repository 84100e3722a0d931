//! Bit layout of the packed storage words a swap reads.
//!
//! Stylus storage costs what the EVM charges (2,100 gas per cold slot), so everything
//! `onSwap` needs lives in as few words as possible:
//!
//! * the **config word**: Vault address, swap fee, token count and the paused flag
//!   (160 + 64 + 8 + 8 bits) — read by every hook;
//! * the **token words**: per token `weight` (64 bits, < 1e18 < 2^60) and the
//!   scaling exponent `18 - decimals` (8 bits), three tokens per word. A two-token
//!   pool keeps both tokens in word 0, so a two-token swap reads exactly two cold words;
//! * the **token entry** (per token address, pools with more than two tokens):
//!   index + 1, weight and exponent, so a swap finds its two tokens with two reads
//!   whatever the pool size.
//!
//! Everything here is pure bit manipulation, unit-tested on the host.

use alloy_primitives::{Address, U256};

/// Bits one token occupies in a token word: 64 weight + 8 exponent.
const TOKEN_BITS: usize = 72;
/// Tokens per 256-bit token word.
pub const TOKENS_PER_WORD: usize = 3;

/// Everything every hook needs, in one storage word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    pub vault: Address,
    /// Swap fee, 18-decimal fixed point (validated ≤ 10% = 1e17 < 2^64).
    pub swap_fee: u64,
    pub num_tokens: u8,
    pub paused: bool,
}

/// Per-token data the math needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct TokenConfig {
    /// Normalized weight, 18-decimal fixed point (validated 1e16..=1e18 < 2^64).
    pub weight: u64,
    /// `18 - decimals`: the token's amounts are multiplied by `10^exponent` to reach 18 decimals.
    pub scaling_exponent: u8,
}

/// The `bits` lowest bits set.
fn mask(bits: usize) -> U256 {
    U256::MAX >> 256usize.saturating_sub(bits)
}

/// `bits` (≤ 64) bits of `word` starting at bit `shift`, read from the two 64-bit limbs
/// they can span (a 256-bit shift and mask cost several times more, on every swap).
fn low_bits(word: U256, shift: usize, bits: usize) -> u64 {
    let limbs = word.as_limbs();
    let limb = |i: usize| limbs.get(i).copied().unwrap_or(0);
    let (index, offset) = (shift / 64, (shift % 64) as u32);
    let low = limb(index) >> offset;
    // `checked_shl(64)` (offset 0) is `None`: then no bit comes from the next limb.
    let high = limb(index.saturating_add(1)).checked_shl(64 - offset).unwrap_or(0);
    // `bits` ones (`checked_shr(64)` is `None`: zero bits wanted).
    let ones = u64::MAX.checked_shr(64u32.saturating_sub(bits as u32)).unwrap_or(0);
    (low | high) & ones
}

impl Config {
    pub fn pack(&self) -> U256 {
        let mut word = crate::codec::word_u256(crate::codec::address_word(self.vault));
        word |= U256::from(self.swap_fee) << 160;
        word |= U256::from(self.num_tokens) << 224;
        word |= U256::from(u8::from(self.paused)) << 232;
        word
    }

    pub fn unpack(word: U256) -> Self {
        Self {
            // `from_word` keeps the low 20 bytes: the vault's 160 bits.
            vault: Address::from_word(word.to_be_bytes::<32>().into()),
            swap_fee: low_bits(word, 160, 64),
            num_tokens: low_bits(word, 224, 8) as u8,
            paused: low_bits(word, 232, 8) != 0,
        }
    }
}

impl TokenConfig {
    fn pack(&self) -> U256 {
        U256::from(self.weight) | (U256::from(self.scaling_exponent) << 64)
    }

    /// The token packed at bit `shift` of `word`.
    fn unpack_at(word: U256, shift: usize) -> Self {
        Self { weight: low_bits(word, shift, 64), scaling_exponent: low_bits(word, shift.saturating_add(64), 8) as u8 }
    }
}

/// Which token word holds token `index`, and where in it.
pub fn token_word_position(index: usize) -> (usize, usize) {
    (index / TOKENS_PER_WORD, (index % TOKENS_PER_WORD) * TOKEN_BITS)
}

/// Writes `token` into `word` at slot position `index % TOKENS_PER_WORD`.
pub fn put_token(word: U256, index: usize, token: TokenConfig) -> U256 {
    let (_, shift) = token_word_position(index);
    let field = mask(TOKEN_BITS) << shift;
    (word & !field) | (token.pack() << shift)
}

/// Reads the token at position `index % TOKENS_PER_WORD` of `word`.
pub fn get_token(word: U256, index: usize) -> TokenConfig {
    let (_, shift) = token_word_position(index);
    TokenConfig::unpack_at(word, shift)
}

/// Token entry keyed by token address: `index + 1` (0 = not a pool token) and its config.
pub fn pack_entry(index: usize, token: TokenConfig) -> U256 {
    // Pool sizes are validated far below 255, so the 8-bit tag never saturates.
    U256::from(index.saturating_add(1)) | (token.pack() << 8)
}

/// Returns `(index, config)`, or `None` when the address is not a pool token.
pub fn unpack_entry(word: U256) -> Option<(usize, TokenConfig)> {
    let tag = low_bits(word, 0, 8) as usize;
    let index = tag.checked_sub(1)?;
    Some((index, TokenConfig::unpack_at(word, 8)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_round_trips_extremes() {
        let c = Config {
            vault: Address::repeat_byte(0xff),
            swap_fee: u64::MAX,
            num_tokens: 255,
            paused: true,
        };
        assert_eq!(Config::unpack(c.pack()), c);
        let c = Config { vault: Address::repeat_byte(0x12), swap_fee: 3_000_000_000_000_000, num_tokens: 2, paused: false };
        assert_eq!(Config::unpack(c.pack()), c);
        assert_eq!(Config::unpack(U256::ZERO).vault, Address::ZERO);
    }

    #[test]
    fn token_words_keep_neighbours() {
        let mut word = U256::ZERO;
        let toks = [
            TokenConfig { weight: 990_000_000_000_000_000, scaling_exponent: 12 },
            TokenConfig { weight: u64::MAX, scaling_exponent: 255 },
            TokenConfig { weight: 10_000_000_000_000_000, scaling_exponent: 0 },
        ];
        for (i, t) in toks.iter().enumerate() {
            word = put_token(word, i, *t);
        }
        for (i, t) in toks.iter().enumerate() {
            assert_eq!(get_token(word, i), *t);
        }
        // Overwrite the middle one; the others stay.
        let mid = TokenConfig { weight: 5, scaling_exponent: 1 };
        word = put_token(word, 1, mid);
        assert_eq!(get_token(word, 0), toks[0]);
        assert_eq!(get_token(word, 1), mid);
        assert_eq!(get_token(word, 2), toks[2]);
        assert_eq!(token_word_position(4), (1, 72));
    }

    #[test]
    fn low_bits_reads_across_limbs() {
        let word = U256::from_be_bytes(core::array::from_fn::<u8, 32, _>(|i| (i as u8).wrapping_mul(37).wrapping_add(11)));
        for shift in [0, 1, 8, 63, 64, 72, 100, 127, 128, 144, 160, 192, 200, 224, 232] {
            for bits in [1, 8, 63, 64] {
                let expected: U256 = (word >> shift) & mask(bits);
                let expected = expected.as_limbs()[0];
                assert_eq!(low_bits(word, shift, bits), expected, "shift {shift} bits {bits}");
            }
        }
        assert_eq!(low_bits(U256::MAX, 250, 64), 0b11_1111);
    }

    #[test]
    fn entries_distinguish_absent_tokens() {
        assert_eq!(unpack_entry(U256::ZERO), None);
        let t = TokenConfig { weight: 123, scaling_exponent: 18 };
        assert_eq!(unpack_entry(pack_entry(0, t)), Some((0, t)));
        assert_eq!(unpack_entry(pack_entry(15, t)), Some((15, t)));
    }
}
