//! Transactions: decoding and validating signed transactions (alloy-consensus does RLP and
//! sender recovery), dev-account signing, and mining one block per transaction.

use alloy_consensus::{
    proofs::{calculate_receipt_root, calculate_transaction_root},
    transaction::SignerRecoverable,
    Eip658Value, Receipt, ReceiptEnvelope, ReceiptWithBloom, SignableTransaction, Transaction, TxEip1559,
    TxEnvelope, TxType,
};
use alloy_eips::eip2718::Decodable2718;
use alloy_network::TxSignerSync;
use alloy_primitives::{logs_bloom, Address, Bytes, TxKind, B256, U256};

use super::{
    block::{self, BlockContents},
    Node, NodeError, TxRecord,
};
use crate::backend::{BlockEnv, ExecStatus, Execution};

fn invalid(message: impl Into<String>) -> NodeError {
    NodeError::InvalidTransaction(message.into())
}

/// An unsigned transaction from a dev account (eth_sendTransaction); unset fields are filled.
#[derive(Clone, Debug, Default)]
pub struct DevTransaction {
    pub from: Address,
    pub to: Option<Address>,
    pub value: U256,
    pub data: Bytes,
    pub gas: Option<u64>,
    pub nonce: Option<u64>,
    pub max_fee_per_gas: Option<u128>,
    pub max_priority_fee_per_gas: Option<u128>,
}

impl Node {
    /// eth_sendRawTransaction: decodes an EIP-2718 envelope, recovers the sender, validates
    /// it against the state and mines it in a new block. Returns the transaction hash.
    pub fn send_raw_transaction(&mut self, raw: &[u8]) -> Result<B256, NodeError> {
        let mut buf = raw;
        let envelope = TxEnvelope::decode_2718(&mut buf).map_err(|e| invalid(format!("invalid transaction encoding: {e}")))?;
        if !buf.is_empty() {
            return Err(invalid("invalid transaction encoding: trailing bytes"));
        }
        let from = envelope.recover_signer().map_err(|e| invalid(format!("invalid sender: {e}")))?;
        self.mine(envelope, from)
    }

    /// eth_sendTransaction from an unlocked dev account: fills nonce, gas and fees, signs an
    /// EIP-1559 transaction with the account's key and mines it.
    pub fn send_dev_transaction(&mut self, request: DevTransaction) -> Result<B256, NodeError> {
        let signer = self
            .signers
            .iter()
            .find(|s| s.address() == request.from)
            .cloned()
            .ok_or_else(|| invalid(format!("unknown account {}: only the dev accounts are unlocked", request.from)))?;
        let gas_limit = match request.gas {
            Some(gas) => gas,
            None => self.estimate_gas(&super::CallRequest {
                from: Some(request.from),
                to: request.to,
                value: request.value,
                data: request.data.clone(),
                gas: None,
            })?,
        };
        let mut tx = TxEip1559 {
            chain_id: self.config.chain_id,
            nonce: request.nonce.unwrap_or_else(|| self.backend.nonce(request.from)),
            gas_limit,
            max_fee_per_gas: request.max_fee_per_gas.unwrap_or(u128::from(self.config.base_fee) * 2),
            max_priority_fee_per_gas: request.max_priority_fee_per_gas.unwrap_or(0),
            to: request.to.map_or(TxKind::Create, TxKind::Call),
            value: request.value,
            access_list: Default::default(),
            input: request.data,
        };
        let signature = signer.sign_transaction_sync(&mut tx).map_err(|e| invalid(format!("signing failed: {e}")))?;
        let envelope = TxEnvelope::Eip1559(tx.into_signed(signature));
        self.mine(envelope, request.from)
    }

    /// Checks a signed transaction against the chain and the sender's state (what a
    /// transaction pool refuses) without changing anything.
    fn validate(&self, envelope: &TxEnvelope, from: Address) -> Result<(), NodeError> {
        let hash = *envelope.tx_hash();
        if self.transactions.contains_key(&hash) {
            return Err(invalid("already known"));
        }
        match envelope.tx_type() {
            TxType::Legacy | TxType::Eip2930 | TxType::Eip1559 => {}
            TxType::Eip4844 => return Err(invalid("blob transactions are not supported (Arbitrum has no blobs)")),
            TxType::Eip7702 => return Err(invalid("EIP-7702 transactions are not supported by this dev node")),
        }
        if let Some(chain_id) = envelope.chain_id() {
            if chain_id != self.config.chain_id {
                return Err(invalid(format!("invalid chain id {chain_id}: this chain is {}", self.config.chain_id)));
            }
        }
        if envelope.access_list().is_some_and(|list| !list.is_empty()) {
            return Err(invalid("access lists are not supported by this dev node (their warm slots and gas are not modelled)"));
        }
        let expected = self.backend.nonce(from);
        let nonce = envelope.nonce();
        if nonce < expected {
            return Err(invalid(format!("nonce too low: next nonce {expected}, tx nonce {nonce}")));
        }
        if nonce > expected {
            return Err(invalid(format!("nonce too high: next nonce {expected}, tx nonce {nonce} (automine keeps no queue)")));
        }
        if envelope.gas_limit() > self.config.block_gas_limit {
            return Err(invalid("exceeds block gas limit"));
        }
        let base_fee = u128::from(self.config.base_fee);
        if envelope.max_fee_per_gas() < base_fee {
            return Err(invalid(format!(
                "max fee per gas less than block base fee: maxFeePerGas: {}, baseFee: {base_fee}",
                envelope.max_fee_per_gas()
            )));
        }
        if let Some(tip) = envelope.max_priority_fee_per_gas() {
            if tip > envelope.max_fee_per_gas() {
                return Err(invalid("max priority fee per gas higher than max fee per gas"));
            }
        }
        let cost = U256::from(envelope.gas_limit())
            .checked_mul(U256::from(envelope.max_fee_per_gas()))
            .and_then(|gas| gas.checked_add(envelope.value()))
            .ok_or_else(|| invalid("transaction cost overflows"))?;
        let balance = self.backend.balance(from);
        if balance < cost {
            return Err(invalid(format!(
                "insufficient funds for gas * price + value: address {from} have {balance} want {cost}"
            )));
        }
        Ok(())
    }

    /// Validates and executes a signed transaction in a new block.
    fn mine(&mut self, envelope: TxEnvelope, from: Address) -> Result<B256, NodeError> {
        self.validate(&envelope, from)?;
        let hash = *envelope.tx_hash();
        let parent = self.latest().clone();
        let number = parent.number() + 1;
        let timestamp = self.next_timestamp();
        let base_fee = self.config.base_fee;
        self.backend.set_block_env(BlockEnv { number, timestamp, base_fee });

        // Buy gas up front at the effective price (the base fee: Arbitrum pays no tips),
        // refund what is left afterwards, as the protocol does.
        let price = U256::from(base_fee);
        let gas_limit = envelope.gas_limit();
        let balance_before = self.backend.balance(from);
        let prepaid = U256::from(gas_limit) * price;
        self.backend.set_balance(from, balance_before - prepaid);
        let nonce = envelope.nonce();
        let to = envelope.to();
        let execution = Execution { from, to, value: envelope.value(), data: envelope.input().clone(), gas_limit };
        let outcome = match self.backend.execute(&execution, true) {
            Ok(outcome) => outcome,
            Err(reason) => {
                self.backend.set_balance(from, balance_before);
                let head = parent.header.clone();
                self.backend.set_block_env(BlockEnv {
                    number: head.number,
                    timestamp: head.timestamp,
                    base_fee: head.base_fee_per_gas.unwrap_or_default(),
                });
                return Err(invalid(reason));
            }
        };
        let unused = U256::from(gas_limit.saturating_sub(outcome.gas_used)) * price;
        let balance = self.backend.balance(from);
        self.backend.set_balance(from, balance.saturating_add(unused));

        let success = outcome.status == ExecStatus::Success;
        let bloom = logs_bloom(outcome.logs.iter());
        let receipt = ReceiptEnvelope::from_typed(
            envelope.tx_type(),
            ReceiptWithBloom {
                receipt: Receipt {
                    status: Eip658Value::Eip658(success),
                    cumulative_gas_used: outcome.gas_used,
                    logs: outcome.logs.clone(),
                },
                logs_bloom: bloom,
            },
        );
        let sealed = block::seal(
            BlockContents {
                parent_hash: parent.hash,
                number,
                timestamp,
                base_fee,
                gas_limit: self.config.block_gas_limit,
                gas_used: outcome.gas_used,
                logs_bloom: bloom,
                transactions_root: calculate_transaction_root(std::slice::from_ref(&envelope)),
                receipts_root: calculate_receipt_root(&[receipt]),
            },
            vec![hash],
        );
        let contract_address = if to.is_none() { Some(outcome.created.unwrap_or_else(|| from.create(nonce))) } else { None };
        if self.verbose {
            let status = match &outcome.status {
                ExecStatus::Success => "ok".to_string(),
                ExecStatus::Revert => format!("REVERTED 0x{}", alloy_primitives::hex::encode(&outcome.output)),
                ExecStatus::Halt(reason) => format!("HALTED {reason}"),
            };
            let target = match (to, contract_address) {
                (Some(to), _) => format!("{to}"),
                (None, Some(created)) => format!("create {created}"),
                (None, None) => "create".to_string(),
            };
            eprintln!("block {number} tx {hash} {from} -> {target} gas {} {status}", outcome.gas_used);
        }
        let record = TxRecord {
            hash,
            envelope,
            from,
            block_number: number,
            block_hash: sealed.hash,
            block_timestamp: timestamp,
            index: 0,
            success,
            gas_used: outcome.gas_used,
            effective_gas_price: u128::from(base_fee),
            logs: outcome.logs,
            first_log_index: 0,
            contract_address,
            output: outcome.output,
        };
        self.block_numbers.insert(sealed.hash, number);
        self.blocks.push(sealed);
        self.transactions.insert(hash, record);
        Ok(hash)
    }

    /// Mines an empty block (evm_mine).
    pub fn mine_empty(&mut self) -> u64 {
        let parent = self.latest().clone();
        let number = parent.number() + 1;
        let timestamp = self.next_timestamp();
        let base_fee = self.config.base_fee;
        self.backend.set_block_env(BlockEnv { number, timestamp, base_fee });
        let sealed = block::seal(
            BlockContents {
                parent_hash: parent.hash,
                number,
                timestamp,
                base_fee,
                gas_limit: self.config.block_gas_limit,
                gas_used: 0,
                logs_bloom: Default::default(),
                transactions_root: alloy_consensus::EMPTY_ROOT_HASH,
                receipts_root: alloy_consensus::EMPTY_ROOT_HASH,
            },
            Vec::new(),
        );
        self.block_numbers.insert(sealed.hash, number);
        self.blocks.push(sealed);
        number
    }
}
