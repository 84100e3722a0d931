//! EIP-1167 minimal proxies ("clones") and their CREATE2 addresses.
//!
//! Written from the EIP-1167 specification: the 45-byte runtime code
//! `363d3d373d3d3d363d73 <implementation> 5af43d82803e903d91602b57fd5bf3` copies the
//! calldata, DELEGATECALLs the implementation with all gas, and returns or reverts with
//! its return data. The 10-byte creation prefix `3d602d80600a3d3981f3` copies those 45
//! bytes into memory and returns them as the new account's code.
//!
//! Every pool is such a clone of one activated WeightedPool program: the program runs
//! with the clone's storage, balance and address, so each clone is an independent pool
//! that costs 55 bytes of init code instead of a full program deployment + activation.

use alloy_primitives::{Address, B256};
use stylus_sdk::crypto::keccak;

/// Creation code before the implementation address (prefix) and after it (suffix).
const PREFIX: [u8; 20] = [
    0x3d, 0x60, 0x2d, 0x80, 0x60, 0x0a, 0x3d, 0x39, 0x81, 0xf3, // creation: return the runtime
    0x36, 0x3d, 0x3d, 0x37, 0x3d, 0x3d, 0x3d, 0x36, 0x3d, 0x73, // runtime up to PUSH20
];
const SUFFIX: [u8; 15] = [0x5a, 0xf4, 0x3d, 0x82, 0x80, 0x3e, 0x90, 0x3d, 0x91, 0x60, 0x2b, 0x57, 0xfd, 0x5b, 0xf3];

/// Length of the creation code (10 + 45 bytes).
pub const INIT_CODE_LEN: usize = PREFIX.len() + 20 + SUFFIX.len();

/// The EIP-1167 creation code of a clone of `implementation`.
pub fn init_code(implementation: Address) -> [u8; INIT_CODE_LEN] {
    let mut code = [0u8; INIT_CODE_LEN];
    let (head, rest) = code.split_at_mut(PREFIX.len());
    head.copy_from_slice(&PREFIX);
    let (addr, tail) = rest.split_at_mut(20);
    addr.copy_from_slice(implementation.as_slice());
    tail.copy_from_slice(&SUFFIX);
    code
}

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
    use alloy_primitives::{address, b256, hex, keccak256};

    #[test]
    fn init_code_is_the_eip1167_template() {
        let implementation = address!("bebebebebebebebebebebebebebebebebebebebe");
        // EIP-1167's reference bytecode, with the creation prefix every clone factory uses.
        let expected = hex!(
            "3d602d80600a3d3981f3363d3d373d3d3d363d73bebebebebebebebebebebebebebebebebebebebe5af43d82803e903d91602b57fd5bf3"
        );
        assert_eq!(init_code(implementation), expected);
        assert_eq!(INIT_CODE_LEN, 55);
    }

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
        let code = init_code(address!("1111111111111111111111111111111111111111"));
        let hash = keccak256(code);
        assert_eq!(create2_address(deployer, salt, hash), deployer.create2(salt, hash));
    }
}
