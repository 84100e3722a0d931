//! `cargo run -p vault --features export-abi` prints the Vault's Solidity interface.
fn main() {
    vault::print_from_args();
}
