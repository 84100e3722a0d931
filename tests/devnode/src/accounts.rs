//! Prefunded, unlocked development accounts.
//!
//! The first ten are the keys of the standard test mnemonic
//! `test test test test test test test test test test test junk` at
//! `m/44'/60'/0'/0/{0..9}`, the accounts anvil and hardhat prefund. They are public, for
//! local development only; a test derives them from the mnemonic to prove the list right.
//! The eleventh is the Nitro dev node's funded key (nitro-testnode, the Stylus docs), so
//! scripts written for that node run here unchanged.

use alloy_primitives::{Address, B256, U256};
use alloy_signer_local::PrivateKeySigner;

/// Private keys of the dev accounts, in order (well-known, public).
pub const DEV_KEYS: [&str; 11] = [
    "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
    "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
    "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
    "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
    "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
    "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
    "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
    "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
    "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
    "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
    // Nitro dev node (nitro-testnode) funded account 0x3f1Eae7D46d88F08fc2F8ed27FCb2AB183EB2d0E.
    "0xb6b15c8cb491557369f3c7d2c287b053eb229daa9c22138887752191c9520659",
];

/// Balance of every dev account at genesis: 10,000 ETH (as anvil).
pub fn dev_balance() -> U256 {
    U256::from(10_000u64) * U256::from(10u64).pow(U256::from(18u64))
}

/// The dev accounts' signers, in [`DEV_KEYS`] order.
pub fn dev_signers() -> Vec<PrivateKeySigner> {
    DEV_KEYS
        .iter()
        .filter_map(|key| key.parse::<B256>().ok())
        .filter_map(|key| PrivateKeySigner::from_bytes(&key).ok())
        .collect()
}

/// Addresses of the dev accounts, in order.
pub fn dev_addresses() -> Vec<Address> {
    dev_signers().iter().map(PrivateKeySigner::address).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_signer_local::{coins_bip39::English, MnemonicBuilder};

    #[test]
    fn first_ten_keys_are_the_test_mnemonic() {
        let signers = dev_signers();
        assert_eq!(signers.len(), DEV_KEYS.len());
        for (index, signer) in signers.iter().take(10).enumerate() {
            let derived = MnemonicBuilder::<English>::default()
                .phrase("test test test test test test test test test test test junk")
                .index(index as u32)
                .expect("index")
                .build()
                .expect("derive");
            assert_eq!(derived.address(), signer.address(), "key {index}");
        }
        assert_eq!(signers[0].address().to_string(), "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        assert_eq!(signers[10].address().to_string(), "0x3f1Eae7D46d88F08fc2F8ed27FCb2AB183EB2d0E");
    }
}
