//! The deployed contract's dispatcher: selector -> the [`PoolFactory`] function.
//! Selectors are alloy's `SolCall::SELECTOR` of the declarations in [`crate::contract`].
//! Hand-written (not the SDK's `#[public]` router) so that `create` forwards its
//! arguments without decoding them (see [`crate::contract`]): the wasm stays small.
//!
//! Nothing is payable: a call with value fails with `EthNotSupported`.

use alloc::vec::Vec;
use alloy_primitives::Address;
use alloy_sol_types::SolCall;
use stylus_sdk::prelude::*;

use crate::contract::IWeightedPoolFactory::*;
use crate::contract::PoolFactory;
use crate::errors::*;

fn malformed() -> Revert {
    FactoryError::MalformedCalldata(MalformedCalldata {}).into()
}

/// The `i`-th argument word as an address; its 12 high bytes must be zero.
fn address_arg(args: &[u8], i: usize) -> Result<Address, Revert> {
    let word = args.get(i * 32..(i + 1) * 32).ok_or_else(malformed)?;
    let (high, low) = word.split_at(12);
    if high.iter().any(|b| *b != 0) {
        return Err(malformed());
    }
    Ok(Address::from_slice(low))
}

fn word(a: Address) -> Vec<u8> {
    a.into_word().to_vec()
}

/// The `i`-th argument word as a small number (offsets, lengths): high 24 bytes zero.
fn usize_arg(args: &[u8], i: usize) -> Result<usize, Revert> {
    let word = args.get(i * 32..(i + 1) * 32).ok_or_else(malformed)?;
    let (high, low) = word.split_at(24);
    if high.iter().any(|b| *b != 0) {
        return Err(malformed());
    }
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(low);
    usize::try_from(u64::from_be_bytes(bytes)).map_err(|_| malformed())
}

/// The `address[]` whose offset is argument word `i` (standard ABI head/tail layout).
fn address_array_arg(args: &[u8], i: usize) -> Result<Vec<Address>, Revert> {
    let offset = usize_arg(args, i)?;
    if offset % 32 != 0 {
        return Err(malformed());
    }
    let tail = args.get(offset..).ok_or_else(malformed)?;
    let len = usize_arg(tail, 0)?;
    // Bounded by the calldata actually present before allocating.
    if tail.len() / 32 <= len {
        return Err(malformed());
    }
    (1..=len).map(|k| address_arg(tail, k)).collect()
}

/// ABI encoding of one `address[]` return value.
fn encode_addresses(list: &[Address]) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + 32 * list.len());
    let mut head = [0u8; 32];
    if let Some(last) = head.last_mut() {
        *last = 0x20;
    }
    out.extend_from_slice(&head);
    let mut len = [0u8; 32];
    if let Some(low) = len.get_mut(24..) {
        low.copy_from_slice(&(list.len() as u64).to_be_bytes());
    }
    out.extend_from_slice(&len);
    for a in list {
        out.extend_from_slice(a.into_word().as_slice());
    }
    out
}

/// Routes one call; `Err` is revert data.
pub fn route(f: &mut PoolFactory, input: &[u8]) -> Result<Vec<u8>, Revert> {
    if !f.vm().msg_value().is_zero() {
        return Err(FactoryError::EthNotSupported(EthNotSupported {}).into());
    }
    let Some((selector, args)) = input.split_first_chunk::<4>() else {
        return Err(FactoryError::UnknownFunction(UnknownFunction {}).into());
    };
    match *selector {
        createCall::SELECTOR => f.create_from_args(args).map(word),
        isPoolFromFactoryCall::SELECTOR => {
            let pool = address_arg(args, 0)?;
            let mut out = vec![0u8; 32];
            if let Some(last) = out.last_mut() {
                *last = u8::from(f.is_pool_from_factory(pool));
            }
            Ok(out)
        }
        getVaultCall::SELECTOR => Ok(word(f.get_vault())),
        initializeCall::SELECTOR => {
            let vault = address_arg(args, 0)?;
            let facets = address_array_arg(args, 1)?;
            f.do_initialize(vault, &facets).map(|()| Vec::new())
        }
        getFacetsCall::SELECTOR => Ok(encode_addresses(&f.facets())),
        _ => Err(FactoryError::UnknownFunction(UnknownFunction {}).into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::address;
    use alloy_sol_types::SolValue;

    #[test]
    fn address_array_decoding_and_encoding_match_alloy() {
        let facets = vec![
            address!("00000000000000000000000000000000000000a1"),
            address!("00000000000000000000000000000000000000a2"),
            address!("00000000000000000000000000000000000000a3"),
        ];
        let vault = address!("00000000000000000000000000000000000000ff");
        let call = initializeCall { vault, facets: facets.clone() }.abi_encode();
        let args = &call[4..];
        assert_eq!(address_arg(args, 0).unwrap(), vault);
        assert_eq!(address_array_arg(args, 1).unwrap(), facets);
        assert_eq!(encode_addresses(&facets), facets.abi_encode());
        assert_eq!(encode_addresses(&[]), Vec::<Address>::new().abi_encode());
    }

    #[test]
    fn malformed_address_arrays_are_refused() {
        let facets = vec![address!("00000000000000000000000000000000000000a1")];
        let call = initializeCall { vault: Address::ZERO, facets }.abi_encode();
        let args = call[4..].to_vec();
        // Truncated element.
        assert!(address_array_arg(&args[..args.len() - 1], 1).is_err());
        // Length larger than the data present.
        let mut long = args.clone();
        long[64 + 31] = 2;
        assert!(address_array_arg(&long, 1).is_err());
        // Huge length (no allocation happens first).
        let mut huge = args.clone();
        huge[64 + 24] = 0xff;
        assert!(address_array_arg(&huge, 1).is_err());
        // Offset out of range / unaligned.
        let mut off = args.clone();
        off[63] = 0xe0;
        assert!(address_array_arg(&off, 1).is_err());
        off[63] = 0x41;
        assert!(address_array_arg(&off, 1).is_err());
        // Dirty high bytes in an element.
        let mut dirty = args;
        dirty[96] = 1;
        assert!(address_array_arg(&dirty, 1).is_err());
    }
}
