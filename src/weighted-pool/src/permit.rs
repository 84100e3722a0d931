//! EIP-712 / EIP-2612 hashing for the BPT's `permit` (pure, host-testable).
//!
//! The domain is `EIP712Domain(string name,string version,uint256 chainId,address
//! verifyingContract)` with the BPT's name, version "1" (as V2's BalancerPoolToken), the
//! current chain id and `address(this)`. For a clone, `address(this)` is the proxy's
//! address (a delegatecall runs in the proxy's context), so every clone has its own
//! domain and a signature for one pool can never be replayed on another. The separator
//! is recomputed on every call, so it follows a chain fork's new chain id.

use alloy_primitives::{keccak256, Address, B256, U256};

const DOMAIN_TYPE: &[u8] = b"EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";
const PERMIT_TYPE: &[u8] = b"Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)";
const VERSION: &[u8] = b"1";

/// secp256k1n / 2: signatures with a larger `s` are the malleable twin (EIP-2).
pub const MAX_S: B256 = B256::new([
    0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x5d, 0x57,
    0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
]);

/// keccak256 of the concatenated 32-byte words (= `keccak256(abi.encode(...))` of static values).
fn hash_words(words: &[[u8; 32]]) -> B256 {
    let mut buf = alloc::vec::Vec::with_capacity(words.len().saturating_mul(32));
    for w in words {
        buf.extend_from_slice(w);
    }
    keccak256(buf)
}

pub fn domain_separator(name: &[u8], chain_id: u64, this: Address) -> B256 {
    hash_words(&[
        keccak256(DOMAIN_TYPE).0,
        keccak256(name).0,
        keccak256(VERSION).0,
        U256::from(chain_id).to_be_bytes(),
        this.into_word().0,
    ])
}

pub fn permit_digest(
    domain_separator: B256,
    owner: Address,
    spender: Address,
    value: U256,
    nonce: U256,
    deadline: U256,
) -> B256 {
    let struct_hash = hash_words(&[
        keccak256(PERMIT_TYPE).0,
        owner.into_word().0,
        spender.into_word().0,
        value.to_be_bytes(),
        nonce.to_be_bytes(),
        deadline.to_be_bytes(),
    ]);
    let mut message = [0u8; 66];
    message[0] = 0x19;
    message[1] = 0x01;
    message[2..34].copy_from_slice(domain_separator.as_slice());
    message[34..66].copy_from_slice(struct_hash.as_slice());
    keccak256(message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::{address, b256};

    #[test]
    fn max_s_is_half_the_curve_order() {
        // n = FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFE BAAEDCE6 AF48A03B BFD25E8C D0364141
        let n = U256::from_be_bytes(b256!("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141").0);
        assert_eq!(U256::from_be_bytes(MAX_S.0), n >> 1);
    }

    #[test]
    fn typehashes_are_the_standard_ones() {
        assert_eq!(
            keccak256(PERMIT_TYPE),
            b256!("6e71edae12b1b97f4d1f60370fef10105fa2faae0126114a169c64845d6126c9")
        );
        assert_eq!(
            keccak256(DOMAIN_TYPE),
            b256!("8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f")
        );
    }

    #[test]
    fn hashes_match_abi_encode() {
        use alloy_sol_types::SolValue;
        let a = address!("00000000000000000000000000000000000000aa");
        let expected = keccak256(
            (keccak256(DOMAIN_TYPE), keccak256(b"Pool"), keccak256(VERSION), U256::from(5u8), a).abi_encode(),
        );
        assert_eq!(domain_separator(b"Pool", 5, a), expected);
    }

    #[test]
    fn separator_depends_on_chain_and_address() {
        let a = address!("00000000000000000000000000000000000000aa");
        let b = address!("00000000000000000000000000000000000000bb");
        let base = domain_separator(b"Pool", 42161, a);
        assert_ne!(base, domain_separator(b"Pool", 1, a));
        assert_ne!(base, domain_separator(b"Pool", 42161, b));
        assert_ne!(base, domain_separator(b"Other", 42161, a));
        assert_eq!(base, domain_separator(b"Pool", 42161, a));
    }
}
