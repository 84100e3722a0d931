//! Pool addresses: CREATE2 by the factory with a salt bound to the caller.
//!
//! `address = keccak256(0xff ++ factory ++ keccak256(abi.encode(sender, userSalt)) ++
//! keccak256(creationCode))[12..]`, where the creation code is the pool proxy's
//! ([`crate::proxy::creation_code`]: fixed by the factory's facets). So a pool's address
//! is known before `create` from (factory, sender, salt) alone.

use alloy_primitives::{Address, B256};
use stylus_sdk::crypto::keccak;

/// The CREATE2 salt of a pool: `keccak256(abi.encode(sender, userSalt))`. Binding the
/// caller into the salt means nobody can take (squat) the address another user's
/// `create` would deploy to.
pub fn pool_salt(sender: Address, user_salt: B256) -> B256 {
    let mut data = [0u8; 64];
    let (word, salt) = data.split_at_mut(32);
    if let Some(low) = word.get_mut(12..) {
        low.copy_from_slice(sender.as_slice());
    }
    salt.copy_from_slice(user_salt.as_slice());
    keccak(data)
}

/// The CREATE2 address `keccak256(0xff ++ deployer ++ salt ++ keccak256(initCode))[12..]`.
pub fn create2_address(deployer: Address, salt: B256, init_code_hash: B256) -> Address {
    let mut data = [0u8; 85];
    data[0] = 0xff;
    let (_, rest) = data.split_at_mut(1);
    let (d, rest) = rest.split_at_mut(20);
    d.copy_from_slice(deployer.as_slice());
    let (s, h) = rest.split_at_mut(32);
    s.copy_from_slice(salt.as_slice());
    h.copy_from_slice(init_code_hash.as_slice());
    Address::from_word(keccak(data))
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::{address, b256, keccak256};

    #[test]
    fn salt_binds_the_sender() {
        let salt = b256!("0000000000000000000000000000000000000000000000000000000000000007");
        let a = address!("00000000000000000000000000000000000000aa");
        let b = address!("00000000000000000000000000000000000000bb");
        let mut encoded = [0u8; 64];
        encoded[12..32].copy_from_slice(a.as_slice());
        encoded[32..].copy_from_slice(salt.as_slice());
        assert_eq!(pool_salt(a, salt), keccak256(encoded));
        assert_ne!(pool_salt(a, salt), pool_salt(b, salt));
    }

    #[test]
    fn create2_address_matches_alloy() {
        let deployer = address!("5fbdb2315678afecb367f032d93f642f64180aa3");
        let salt = b256!("00000000000000000000000000000000000000000000000000000000000000ff");
        let code = crate::proxy::creation_code(&[address!("1111111111111111111111111111111111111111"); crate::proxy::FACET_COUNT]);
        let hash = keccak256(code);
        assert_eq!(create2_address(deployer, salt, hash), deployer.create2(salt, hash));
    }
}
