//! [`Backend`] over the stylus-testbed world: EVM frames in revm, Stylus frames in wasmi,
//! ArbWasm (0x71) activation, one journal.

use alloy_primitives::{Address, Bytes, U256};
use stylus_testbed::{
    world::{TxRequest, TxStatus},
    ChainConfig, Snapshot, World,
};

use crate::backend::{Backend, BlockEnv, ExecOutcome, ExecStatus, Execution};

/// The test bed's world as the node's execution engine.
pub struct TestbedBackend {
    world: World,
}

impl TestbedBackend {
    pub fn new(chain_id: u64) -> Self {
        Self::with_code_size_limit(chain_id, ChainConfig::default().max_code_size)
    }

    /// A world whose EIP-170 code size limit is `max_code_size` bytes instead of Arbitrum's
    /// 24,576 (development only: oversized programs would not deploy on a real chain).
    pub fn with_code_size_limit(chain_id: u64, max_code_size: usize) -> Self {
        let config = ChainConfig { chain_id, max_code_size, ..ChainConfig::default() };
        Self { world: World::new(config) }
    }

    /// Arbitrum's block gas limit as the world models it.
    pub fn block_gas_limit(&self) -> u64 {
        self.world.config().block_gas_limit
    }
}

impl Backend for TestbedBackend {
    fn balance(&self, address: Address) -> U256 {
        self.world.balance(address)
    }

    fn nonce(&self, address: Address) -> u64 {
        self.world.nonce(address)
    }

    fn code(&self, address: Address) -> Bytes {
        self.world.code(address)
    }

    fn storage(&self, address: Address, slot: U256) -> U256 {
        self.world.storage(address, slot)
    }

    fn set_balance(&mut self, address: Address, balance: U256) {
        self.world.set_balance(address, balance);
    }

    fn set_block_env(&mut self, env: BlockEnv) {
        self.world.set_block(env.number, env.timestamp);
        self.world.set_basefee(env.base_fee);
    }

    fn execute(&mut self, execution: &Execution, commit: bool) -> Result<ExecOutcome, String> {
        let request = TxRequest {
            from: execution.from,
            to: execution.to,
            value: execution.value,
            data: execution.data.clone(),
            gas_limit: execution.gas_limit,
            is_static: false,
            commit,
        };
        let outcome = self.world.transact(&request).map_err(|e| e.to_string())?;
        let status = match outcome.status {
            TxStatus::Success => ExecStatus::Success,
            TxStatus::Revert => ExecStatus::Revert,
            TxStatus::Halt(halt) => ExecStatus::Halt(halt.reason),
        };
        Ok(ExecOutcome {
            status,
            output: outcome.output,
            gas_used: outcome.gas_used,
            logs: outcome.logs,
            created: outcome.created,
        })
    }

    fn snapshot(&self) -> Box<dyn std::any::Any> {
        Box::new(self.world.snapshot())
    }

    fn restore(&mut self, snapshot: &dyn std::any::Any) -> bool {
        match snapshot.downcast_ref::<Snapshot>() {
            Some(snapshot) => {
                self.world.restore(snapshot);
                true
            }
            None => false,
        }
    }
}
