//! `cargo run -p pool-factory --features export-abi` prints the factory's Solidity interface.
fn main() {
    pool_factory::print_from_args();
}
