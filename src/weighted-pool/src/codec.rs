//! A small Solidity ABI reader/writer for the pool's entry points and `userData`.
//!
//! Why not alloy-sol-types' generic coder (which the SDK's `#[public]` router uses)?
//! Size: its monomorphised token code cost over half of the 24 KiB compressed budget.
//! Selectors still come from alloy's `sol!` declarations (`abi.rs`); only the word
//! layout is done here, unit-tested against alloy's encoder.
//!
//! Decoding is strict: addresses/uint8 with dirty high bits, offsets or lengths outside
//! the data, and arrays longer than the data could hold fail with the caller's error.

use alloc::vec::Vec;

use alloy_primitives::{Address, B256, U256};

/// A view of an ABI-encoded tuple; offsets of its dynamic members are relative to `base`.
#[derive(Clone, Copy)]
pub struct Reader<'a> {
    base: &'a [u8],
}

/// Decoding failed (the caller maps it to its own typed error).
#[derive(Debug, PartialEq, Eq)]
pub struct Malformed;

pub type Dec<T> = Result<T, Malformed>;

impl<'a> Reader<'a> {
    pub fn new(base: &'a [u8]) -> Self {
        Self { base }
    }

    pub fn word(&self, i: usize) -> Dec<[u8; 32]> {
        let start = i.checked_mul(32).ok_or(Malformed)?;
        let end = start.checked_add(32).ok_or(Malformed)?;
        let w = self.base.get(start..end).ok_or(Malformed)?;
        <[u8; 32]>::try_from(w).map_err(|_| Malformed)
    }

    pub fn uint(&self, i: usize) -> Dec<U256> {
        Ok(word_u256(self.word(i)?))
    }

    pub fn b256(&self, i: usize) -> Dec<B256> {
        Ok(B256::new(self.word(i)?))
    }

    /// A word whose first `pad` bytes must be zero.
    fn narrow(&self, i: usize, pad: usize) -> Dec<[u8; 32]> {
        let w = self.word(i)?;
        if w.iter().take(pad).any(|b| *b != 0) {
            return Err(Malformed);
        }
        Ok(w)
    }

    pub fn address(&self, i: usize) -> Dec<Address> {
        Ok(Address::from_word(B256::new(self.narrow(i, 12)?)))
    }

    pub fn uint8(&self, i: usize) -> Dec<u8> {
        Ok(self.narrow(i, 31)?[31])
    }

    /// An offset or length, bounded by the data size.
    fn small(&self, i: usize) -> Dec<usize> {
        usize::try_from(self.uint(i)?).ok().filter(|v| *v <= self.base.len()).ok_or(Malformed)
    }

    /// The dynamic member whose offset is head word `i`.
    pub fn tail(&self, i: usize) -> Dec<Reader<'a>> {
        let off = self.small(i)?;
        Ok(Reader { base: self.base.get(off..).ok_or(Malformed)? })
    }

    /// `bytes`/`string` at head word `i`.
    pub fn bytes(&self, i: usize) -> Dec<&'a [u8]> {
        let t = self.tail(i)?;
        let len = t.small(0)?;
        let end = len.checked_add(32).ok_or(Malformed)?;
        t.base.get(32..end).ok_or(Malformed)
    }

    /// `uint256[]` at head word `i`.
    pub fn uints(&self, i: usize) -> Dec<Vec<U256>> {
        self.array(i, |r, k| r.uint(k))
    }

    /// `address[]` at head word `i`.
    pub fn addresses(&self, i: usize) -> Dec<Vec<Address>> {
        self.array(i, |r, k| r.address(k))
    }

    fn array<T>(&self, i: usize, item: impl Fn(&Reader<'a>, usize) -> Dec<T>) -> Dec<Vec<T>> {
        let t = self.tail(i)?;
        let len = t.small(0)?;
        let items = Reader { base: t.base.get(32..).ok_or(Malformed)? };
        if len > items.base.len() / 32 {
            return Err(Malformed);
        }
        (0..len).map(|k| item(&items, k)).collect()
    }
}

/// Appends one static word.
pub fn put_word(out: &mut Vec<u8>, w: impl Into<[u8; 32]>) {
    out.extend_from_slice(&w.into());
}

pub fn u256_word(x: U256) -> [u8; 32] {
    x.to_be_bytes()
}

/// A big-endian word as a U256. ruint's `from_be_bytes` goes through `from_be_slice`,
/// whose (here unreachable) length panic links the formatting machinery.
pub fn word_u256(w: [u8; 32]) -> U256 {
    let (chunks, _) = w.as_chunks::<8>();
    let mut limbs = [0u64; 4];
    // Limb 0 is the least significant: the last 8 bytes.
    for (limb, chunk) in limbs.iter_mut().rev().zip(chunks) {
        *limb = u64::from_be_bytes(*chunk);
    }
    U256::from_limbs(limbs)
}

/// The address right-aligned in a word (as `Address::into_word`, without its
/// `copy_from_slice` length check).
pub fn address_word(a: Address) -> [u8; 32] {
    let mut w = [0u8; 32];
    if let Some(low) = w.last_chunk_mut::<20>() {
        *low = a.0 .0;
    }
    w
}

pub fn usize_word(x: usize) -> [u8; 32] {
    U256::from(x).to_be_bytes()
}

/// The tail of a `uint256[]`: length then elements.
fn put_uints_tail(out: &mut Vec<u8>, v: &[U256]) {
    put_word(out, usize_word(v.len()));
    for x in v {
        put_word(out, u256_word(*x));
    }
}

/// ABI encoding of the single return value `uint256[]`.
pub fn encode_uints(v: &[U256]) -> Vec<u8> {
    let mut out = Vec::with_capacity(v.len().saturating_add(2).saturating_mul(32));
    put_word(&mut out, usize_word(32));
    put_uints_tail(&mut out, v);
    out
}

/// ABI encoding of the return values `(uint256[], uint256[])`.
pub fn encode_two_uints(a: &[U256], b: &[U256]) -> Vec<u8> {
    let mut out = Vec::new();
    put_word(&mut out, usize_word(64));
    put_word(&mut out, usize_word(a.len().saturating_add(3).saturating_mul(32)));
    put_uints_tail(&mut out, a);
    put_uints_tail(&mut out, b);
    out
}

/// ABI encoding of the return value `address[]`.
pub fn encode_addresses(v: &[Address]) -> Vec<u8> {
    let mut out = Vec::with_capacity(v.len().saturating_add(2).saturating_mul(32));
    put_word(&mut out, usize_word(32));
    put_word(&mut out, usize_word(v.len()));
    for a in v {
        put_word(&mut out, address_word(*a));
    }
    out
}

/// ABI encoding of the return value `string` (or `bytes`).
pub fn encode_bytes(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len().saturating_add(96));
    put_word(&mut out, usize_word(32));
    put_word(&mut out, usize_word(b.len()));
    out.extend_from_slice(b);
    let pad = (32 - b.len() % 32) % 32;
    out.resize(out.len().saturating_add(pad), 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;
    use alloy_sol_types::{sol_data, SolType, SolValue};

    fn u(x: u64) -> U256 {
        U256::from(x)
    }

    #[test]
    fn words_convert_like_alloy() {
        let x = U256::from_be_bytes(core::array::from_fn::<u8, 32, _>(|i| i as u8 + 1));
        assert_eq!(word_u256(x.to_be_bytes()), x);
        assert_eq!(word_u256([0xff; 32]), U256::MAX);
        let a = Address::repeat_byte(0xa7);
        assert_eq!(address_word(a), a.into_word().0);
    }

    #[test]
    fn encoders_match_alloy() {
        let a = vec![u(1), u(2), u(3)];
        let b = vec![u(9)];
        assert_eq!(encode_uints(&a), (a.clone(),).abi_encode_params());
        assert_eq!(encode_two_uints(&a, &b), (a.clone(), b.clone()).abi_encode_params());
        assert_eq!(encode_two_uints(&[], &[]), (Vec::<U256>::new(), Vec::<U256>::new()).abi_encode_params());
        let addrs = vec![Address::repeat_byte(1), Address::repeat_byte(2)];
        assert_eq!(encode_addresses(&addrs), (addrs.clone(),).abi_encode_params());
        for s in ["", "B-80A-20B", "a string that is longer than thirty-two bytes, surely"] {
            assert_eq!(encode_bytes(s.as_bytes()), <(sol_data::String,)>::abi_encode_params(&(s.to_string(),)));
        }
    }

    #[test]
    fn reader_decodes_alloy_encodings_and_rejects_garbage() {
        let addrs = vec![Address::repeat_byte(7), Address::repeat_byte(8)];
        let data = (Address::repeat_byte(3), "name".to_string(), addrs.clone(), vec![u(5), u(6)], u(42), u(7)).abi_encode_params();
        let r = Reader::new(&data);
        assert_eq!(r.address(0).unwrap(), Address::repeat_byte(3));
        assert_eq!(r.bytes(1).unwrap(), b"name");
        assert_eq!(r.addresses(2).unwrap(), addrs);
        assert_eq!(r.uints(3).unwrap(), vec![u(5), u(6)]);
        assert_eq!(r.uint(4).unwrap(), u(42));
        assert_eq!(r.uint8(5).unwrap(), 7);
        // Dirty address / uint8 words.
        let dirty = U256::MAX.abi_encode();
        assert_eq!(Reader::new(&dirty).address(0), Err(Malformed));
        assert_eq!(Reader::new(&dirty).uint8(0), Err(Malformed));
        // Array length beyond the data.
        let mut bad = (vec![u(1)],).abi_encode_params();
        bad[63] = 200;
        assert_eq!(Reader::new(&bad).uints(0), Err(Malformed));
        // Offset beyond the data.
        let mut bad = (vec![u(1)],).abi_encode_params();
        bad[31] = 250;
        assert_eq!(Reader::new(&bad).uints(0), Err(Malformed));
    }
}
