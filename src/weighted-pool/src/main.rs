//! `cargo run -p weighted-pool --features export-abi` prints the Solidity interface.
fn main() {
    weighted_pool::print_from_args();
}
