//! A minimal Solidity ABI reader and writer for the Vault's entry points, hooks and
//! events.
//!
//! Why not alloy-sol-types' generic decoder/encoder (which the `#[public]` router
//! uses)? Size: monomorphised token code for the V2 structs cost ~50 KB of wasm, twice
//! the whole 24 KiB compressed budget. Selectors, event topics and error selectors
//! still come from alloy's `sol!` declarations (`abi.rs`, `errors.rs`); only the word
//! layout is done here, with unit tests against alloy's encoder.
//!
//! Decoding is strict where it matters for safety: addresses, bools and enums with
//! dirty high bits, offsets or lengths pointing outside the calldata, and arrays
//! longer than the calldata could hold all fail with `MalformedCalldata`.

use alloc::vec::Vec;
use alloy_primitives::{Address, B256, I256, U256};

use crate::errors::Res;

fn malformed() -> crate::errors::Revert {
    crate::err!(MalformedCalldata)
}

/// A view of an ABI-encoded tuple: `base` is where its head starts (offsets of its
/// dynamic members are relative to it).
#[derive(Clone, Copy)]
pub struct Reader<'a> {
    base: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(base: &'a [u8]) -> Self {
        Self { base }
    }

    /// The `i`-th head word.
    pub fn word(&self, i: usize) -> Res<[u8; 32]> {
        let start = i.checked_mul(32).ok_or_else(malformed)?;
        let end = start.checked_add(32).ok_or_else(malformed)?;
        let w = self.base.get(start..end).ok_or_else(malformed)?;
        // Never fails: `w` is exactly 32 bytes (no panicking conversion in the wasm).
        Ok(w.try_into().unwrap_or_default())
    }

    pub fn uint(&self, i: usize) -> Res<U256> {
        Ok(U256::from_be_bytes(self.word(i)?))
    }

    pub fn int(&self, i: usize) -> Res<I256> {
        Ok(I256::from_raw(self.uint(i)?))
    }

    pub fn b256(&self, i: usize) -> Res<B256> {
        Ok(B256::new(self.word(i)?))
    }

    /// A word whose first `pad` bytes must be zero (address, bool, enum).
    fn narrow(&self, i: usize, pad: usize) -> Res<[u8; 32]> {
        let w = self.word(i)?;
        if w.iter().take(pad).any(|b| *b != 0) {
            return Err(malformed());
        }
        Ok(w)
    }

    pub fn address(&self, i: usize) -> Res<Address> {
        Ok(word_to_address(self.narrow(i, 12)?))
    }

    /// A `uint8` / enum no larger than `max`.
    pub fn small(&self, i: usize, max: u8) -> Res<u8> {
        let v = self.narrow(i, 31)?[31];
        if v > max {
            return Err(malformed());
        }
        Ok(v)
    }

    pub fn boolean(&self, i: usize) -> Res<bool> {
        Ok(self.small(i, 1)? == 1)
    }

    /// A small integer (offset or length), bounded by the calldata size.
    fn offset(&self, i: usize) -> Res<usize> {
        let v = self.uint(i)?;
        usize::try_from(v).ok().filter(|v| *v <= self.base.len()).ok_or_else(malformed)
    }

    /// The dynamic member whose offset is head word `i`.
    pub fn tail(&self, i: usize) -> Res<Reader<'a>> {
        let off = self.offset(i)?;
        Ok(Reader { base: self.base.get(off..).ok_or_else(malformed)? })
    }

    /// A dynamic array at head word `i`: its elements' reader and length.
    pub fn array(&self, i: usize) -> Res<(Reader<'a>, usize)> {
        let t = self.tail(i)?;
        let len = t.offset(0)?;
        let items = Reader { base: t.base.get(32..).ok_or_else(malformed)? };
        if len > items.base.len() / 32 {
            return Err(malformed());
        }
        Ok((items, len))
    }

    pub fn addresses(&self, i: usize) -> Res<Vec<Address>> {
        let (items, len) = self.array(i)?;
        let mut out = Vec::with_capacity(len);
        for k in 0..len {
            out.push(items.address(k)?);
        }
        Ok(out)
    }

    pub fn uints(&self, i: usize) -> Res<Vec<U256>> {
        let (items, len) = self.array(i)?;
        let mut out = Vec::with_capacity(len);
        for k in 0..len {
            out.push(items.uint(k)?);
        }
        Ok(out)
    }

    pub fn ints(&self, i: usize) -> Res<Vec<I256>> {
        Ok(self.uints(i)?.into_iter().map(I256::from_raw).collect())
    }

    /// An array of dynamic tuples at head word `i`: each element's reader.
    pub fn tuples(&self, i: usize) -> Res<Vec<Reader<'a>>> {
        let (items, len) = self.array(i)?;
        let mut out = Vec::with_capacity(len);
        for k in 0..len {
            out.push(items.tail(k)?);
        }
        Ok(out)
    }

    /// An array of static tuples of `width` words at head word `i`: each element's
    /// reader.
    pub fn static_tuples(&self, i: usize, width: usize) -> Res<Vec<Reader<'a>>> {
        let (items, len) = self.array(i)?;
        let mut out = Vec::with_capacity(len);
        for k in 0..len {
            let start = k.checked_mul(width * 32).ok_or_else(malformed)?;
            out.push(Reader { base: items.base.get(start..).ok_or_else(malformed)? });
        }
        Ok(out)
    }

    /// `bytes` at head word `i`, borrowed from the calldata.
    pub fn bytes(&self, i: usize) -> Res<&'a [u8]> {
        let t = self.tail(i)?;
        let len = t.offset(0)?;
        t.base.get(32..).and_then(|d| d.get(..len)).ok_or_else(malformed)
    }
}

/// The low 20 bytes of a word (callers check the padding where it matters).
pub fn word_to_address(w: [u8; 32]) -> Address {
    let mut a = [0u8; 20];
    a.copy_from_slice(&w[12..]);
    Address::new(a)
}

/// An address as a left-padded word.
pub fn address_to_word(a: Address) -> [u8; 32] {
    let mut w = [0u8; 32];
    w[12..].copy_from_slice(a.as_slice());
    w
}

/// Anything that is one ABI word.
pub trait ToWord {
    fn to_word(&self) -> B256;
}

impl ToWord for U256 {
    fn to_word(&self) -> B256 {
        B256::from(*self)
    }
}

impl ToWord for I256 {
    fn to_word(&self) -> B256 {
        B256::from(self.into_raw())
    }
}

impl ToWord for Address {
    fn to_word(&self) -> B256 {
        B256::new(address_to_word(*self))
    }
}

impl ToWord for B256 {
    fn to_word(&self) -> B256 {
        *self
    }
}

impl ToWord for bool {
    fn to_word(&self) -> B256 {
        U256::from(*self as u8).to_word()
    }
}

/// One member of a tuple to encode.
pub enum Item<'a> {
    /// A static word.
    Word(B256),
    /// A dynamic array of static words.
    Array(Vec<B256>),
    /// `bytes`.
    Bytes(&'a [u8]),
    /// An already-encoded dynamic tuple.
    Tuple(Vec<u8>),
}

/// `Item::Array` from any slice of words.
pub fn array<T: ToWord>(items: &[T]) -> Item<'static> {
    Item::Array(items.iter().map(ToWord::to_word).collect())
}

pub fn word<T: ToWord>(value: T) -> Item<'static> {
    Item::Word(value.to_word())
}

/// Encodes `items` as a tuple, prefixed by `selector` when given.
pub fn encode(selector: Option<[u8; 4]>, items: &[Item]) -> Vec<u8> {
    let head_len = items.len() * 32;
    let mut head = Vec::with_capacity(head_len + 4);
    if let Some(s) = selector {
        head.extend_from_slice(&s);
    }
    let mut tail: Vec<u8> = Vec::new();
    for item in items {
        let word = match item {
            Item::Word(w) => *w,
            _ => U256::from(head_len + tail.len()).to_word(),
        };
        head.extend_from_slice(word.as_slice());
        match item {
            Item::Word(_) => {}
            Item::Array(words) => {
                tail.extend_from_slice(U256::from(words.len()).to_word().as_slice());
                for w in words {
                    tail.extend_from_slice(w.as_slice());
                }
            }
            Item::Bytes(data) => {
                tail.extend_from_slice(U256::from(data.len()).to_word().as_slice());
                tail.extend_from_slice(data);
                tail.resize(tail.len() + (32 - data.len() % 32) % 32, 0);
            }
            Item::Tuple(encoded) => tail.extend_from_slice(encoded),
        }
    }
    head.extend_from_slice(&tail);
    head
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::{onJoinPoolCall, onSwapCall, SwapRequest};
    use alloy_primitives::Bytes;
    use alloy_sol_types::{SolCall, SolValue};

    #[test]
    fn encodes_like_alloy() {
        let request = SwapRequest {
            kind: 1,
            tokenIn: Address::repeat_byte(1),
            tokenOut: Address::repeat_byte(2),
            amount: U256::from(77u8),
            poolId: B256::repeat_byte(3),
            lastChangeBlock: U256::from(9u8),
            from: Address::repeat_byte(4),
            to: Address::repeat_byte(5),
            userData: Bytes::from(vec![1u8, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33]),
        };
        let expected = onSwapCall { request: request.clone(), balanceTokenIn: U256::from(5u8), balanceTokenOut: U256::from(6u8) }.abi_encode();
        let tuple = encode(None, &[
            word(U256::from(request.kind)),
            word(request.tokenIn),
            word(request.tokenOut),
            word(request.amount),
            word(request.poolId),
            word(request.lastChangeBlock),
            word(request.from),
            word(request.to),
            Item::Bytes(&request.userData),
        ]);
        let ours = encode(Some(onSwapCall::SELECTOR), &[Item::Tuple(tuple), word(U256::from(5u8)), word(U256::from(6u8))]);
        assert_eq!(ours, expected);

        let join = onJoinPoolCall {
            poolId: B256::repeat_byte(7),
            sender: Address::repeat_byte(8),
            recipient: Address::repeat_byte(9),
            balances: vec![U256::from(1u8), U256::from(2u8)],
            lastChangeBlock: U256::from(3u8),
            protocolSwapFeePercentage: U256::ZERO,
            userData: Bytes::new(),
        };
        let ours = encode(Some(onJoinPoolCall::SELECTOR), &[
            word(join.poolId),
            word(join.sender),
            word(join.recipient),
            array(&join.balances),
            word(join.lastChangeBlock),
            word(join.protocolSwapFeePercentage),
            Item::Bytes(&join.userData),
        ]);
        assert_eq!(ours, join.abi_encode());
    }

    #[test]
    fn decodes_like_alloy_and_rejects_garbage() {
        let value = (vec![Address::repeat_byte(1), Address::repeat_byte(2)], vec![I256::MINUS_ONE], Bytes::from(vec![9u8; 40]), true);
        let data = value.abi_encode_params();
        let r = Reader::new(&data);
        assert_eq!(r.addresses(0).unwrap(), value.0);
        assert_eq!(r.ints(1).unwrap(), value.1);
        assert_eq!(r.bytes(2).unwrap(), &value.2[..]);
        assert!(r.boolean(3).unwrap());
        assert!(r.word(1000).is_err());
        assert!(r.word(usize::MAX).is_err());
        // dirty address / bool, huge offsets and lengths
        let mut bad = data.clone();
        bad[32 * 3] = 1;
        assert!(Reader::new(&bad).boolean(3).is_err());
        let mut bad = data.clone();
        bad[31] = 0xff;
        assert!(Reader::new(&bad).addresses(0).is_err());
        let mut bad = data.clone();
        bad[0] = 0xff;
        assert!(Reader::new(&bad).addresses(0).is_err());
        assert!(Reader::new(&[0xffu8; 64]).array(0).is_err());
        assert!(Reader::new(&data).small(3, 0).is_err());
    }
}
