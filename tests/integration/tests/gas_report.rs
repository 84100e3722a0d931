//! Gas report: every operation of DESIGN.md's table, measured in the test bed through
//! the release wasm, cached and uncached program entry, side by side with Balancer V2.
//!
//! Command (README): after `bash deploy/build-contracts.sh` and `node tests/solidity/build.mjs`,
//!     cargo test -p integration --test gas_report -- --nocapture
//! It prints the report and writes tests/reports/gas.md. Every measured transaction must
//! succeed (a reverted transaction's gas is meaningless): a row whose operation cannot
//! run says why instead of giving a number, the rest of the report is still written, and
//! the test then fails.
//!
//! Scenario (what a realistic trader's transaction touches; see `Scenario::new`):
//! * 2-token 50/50 pools with 18-decimal Solidity TestERC20s, swap fee 1%, created
//!   through the factory (dispatch proxies over the WeightedPool facet programs), INIT-joined by
//!   an LP with 1,000 of each token.
//! * Batch swaps go t0 -> t1 -> t2 -> t3 through three such pools (P01, P12, P23).
//! * The trader (bob) already holds every token, has approved the Vault, holds BPT of
//!   P01, has internal balances of t0 and t1, and has traded once in each direction on
//!   every pool: no zero -> non-zero storage writes except what the operation creates.
//! * The flash-loan recipient is tests/solidity's MinimalFlashLoanRecipient, pre-funded
//!   with 1 token of each (for fees; the Vault's flash fee is 0).
//! * Every measurement is its own transaction (cold access lists, full 21,000 + calldata),
//!   run from the same state (snapshot / revert), once with the Vault, WeightedPool facet
//!   and factory programs in the ArbOS cache and once without.

use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};

use alloy_primitives::{Address, Bytes, I256, U256};
use alloy_sol_types::{SolCall, SolValue};
use integration::factory_fixture::{equal_weights, salt, FactoryFixture};
use integration::pool_fixture::{e, wp, Pool, GIVEN_IN, GIVEN_OUT};
use integration::sizes::{release_program_info, BUDGET_BYTES, CONTRACTS};
use integration::vault_fixture::{funds, v};
use stylus_testbed::{release_wasm_path, TestBed};

/// Balancer V2 figures (DESIGN.md, "Numbers to beat": full transaction gas incl. 21k,
/// 2-token 50/50 pools).
mod v2 {
    pub const SWAP_GIVEN_IN: u64 = 101_527;
    pub const SWAP_GIVEN_OUT: u64 = 101_972;
    pub const SWAP_INTERNAL: u64 = 75_910;
    pub const BATCH_1: u64 = 107_722;
    pub const BATCH_2: u64 = 141_151;
    pub const BATCH_3: u64 = 174_616;
    pub const JOIN_INIT: u64 = 267_071;
    pub const JOIN_EXACT_TOKENS_IN: u64 = 180_647;
    pub const JOIN_PROPORTIONAL: u64 = 168_845;
    pub const EXIT_SINGLE: u64 = 135_915;
    pub const EXIT_PROPORTIONAL: u64 = 151_127;
    pub const FLASH_1: u64 = 71_300;
    pub const FLASH_2: u64 = 108_172;
}

/// One report row: cached and uncached gas, or why the operation could not run.
struct Row {
    op: String,
    v2: Option<u64>,
    gas: Result<(u64, u64), String>,
}

/// Warm-up: `who` swaps 1 token of the pool's first token for its second and back, so a
/// measured trade finds its balances and the pool's storage already non-zero.
fn trade_both_ways(f: &mut FactoryFixture, pool: &Pool, who: Address) {
    for (a, b) in [(pool.tokens[0], pool.tokens[1]), (pool.tokens[1], pool.tokens[0])] {
        let r = f.pf.swap(pool, who, GIVEN_IN, a, b, e(1, 18));
        assert!(r.success, "warm-up swap reverted: 0x{}", alloy_primitives::hex::encode(&r.output));
    }
}

/// The measured world: pools, tokens, trader, recipient.
struct Scenario {
    f: FactoryFixture,
    tokens: Vec<Address>,
    p01: Pool,
    p12: Pool,
    p23: Pool,
    /// Created by the factory, no liquidity yet (for the INIT join).
    fresh: Pool,
    recipient: Address,
    trader: Address,
}

const LP_AMOUNT: u64 = 1_000;

impl Scenario {
    fn new() -> Self {
        let mut f = FactoryFixture::new();
        let tokens = f.new_tokens(4, &[18]);
        let (alice, bob) = (f.pf.vf.alice, f.pf.vf.bob);
        let w = equal_weights(2);
        let fee = e(1, 16);
        let pool = |f: &mut FactoryFixture, a: usize, b: usize, s: u64| {
            let (p, _) = f.create_pool(alice, &[tokens[a], tokens[b]], &w, fee, salt(s));
            p
        };
        let p01 = pool(&mut f, 0, 1, 1);
        let p12 = pool(&mut f, 1, 2, 2);
        let p23 = pool(&mut f, 2, 3, 3);
        let fresh = pool(&mut f, 0, 1, 4);
        for p in [&p01, &p12, &p23] {
            f.pf.init_join(p, alice, &[e(LP_AMOUNT, 18), e(LP_AMOUNT, 18)]);
        }
        // The trader: BPT of P01, internal balances, one trade each way on every pool.
        let join = (U256::from(3), e(10, 18)).abi_encode_params();
        let r = f.pf.join(&p01, bob, join);
        assert!(r.success, "trader's first join reverted: 0x{}", alloy_primitives::hex::encode(&r.output));
        let deposits = [tokens[0], tokens[1]]
            .iter()
            .map(|t| v::UserBalanceOp { kind: 0, asset: *t, amount: e(100, 18), sender: bob, recipient: bob })
            .collect();
        f.pf.vf.ok(bob, &v::manageUserBalanceCall { ops: deposits });
        for p in [&p01, &p12, &p23] {
            trade_both_ways(&mut f, p, bob);
        }
        let vault = f.pf.vf.vault;
        let recipient = f.pf.vf.bed.deploy_artifact("MinimalFlashLoanRecipient", &vault.into_word().0).expect("MinimalFlashLoanRecipient artifact");
        for t in &tokens[..2] {
            f.pf.vf.bed.mint(*t, recipient, e(1, 18)).expect("mint");
        }
        f.pf.vf.bed.advance_time(12);
        Scenario { f, tokens, p01, p12, p23, fresh, recipient, trader: bob }
    }

    fn programs(&self) -> Vec<Address> {
        let mut programs = vec![self.f.pf.vf.vault, self.f.factory];
        programs.extend(self.f.pf.facets);
        programs
    }

    /// Runs `data` to `to` from the trader twice from the same state: programs cached,
    /// then uncached. Err if either reverts.
    fn measure(&mut self, to: Address, data: Vec<u8>) -> Result<(u64, u64), String> {
        let from = self.trader;
        let programs = self.programs();
        let bed: &mut TestBed = &mut self.f.pf.vf.bed;
        let mut gas = [0u64; 2];
        for (slot, cached) in [(0, true), (1, false)] {
            let snap = bed.snapshot();
            for p in &programs {
                assert!(bed.set_cached(*p, cached), "{p} is not an activated program");
            }
            let r = bed.call(from, to, data.clone(), U256::ZERO);
            bed.revert_to(&snap);
            if !r.success {
                return Err(format!("reverted: 0x{}", alloy_primitives::hex::encode(&r.output)));
            }
            gas[slot] = r.gas_used;
        }
        Ok((gas[0], gas[1]))
    }

    fn vault_op<C: SolCall>(&mut self, call: &C) -> Result<(u64, u64), String> {
        let vault = self.f.pf.vf.vault;
        self.measure(vault, call.abi_encode())
    }

    fn swap(&mut self, kind: u8, internal: bool) -> Result<(u64, u64), String> {
        let (t0, t1, bob) = (self.tokens[0], self.tokens[1], self.trader);
        let limit = if kind == GIVEN_IN { U256::ZERO } else { U256::MAX };
        let mut call = self.f.pf.vf.swap_call(self.p01.pool_id, kind, t0, t1, e(1, 18), bob, limit);
        call.funds = funds(bob, internal);
        self.vault_op(&call)
    }

    fn batch(&mut self, hops: usize) -> Result<(u64, u64), String> {
        let ids = [self.p01.pool_id, self.p12.pool_id, self.p23.pool_id];
        let steps = (0..hops)
            .map(|i| v::BatchSwapStep {
                poolId: ids[i],
                assetInIndex: U256::from(i),
                assetOutIndex: U256::from(i + 1),
                amount: if i == 0 { e(1, 18) } else { U256::ZERO },
                userData: Bytes::new(),
            })
            .collect();
        let mut limits = vec![I256::ZERO; 4];
        limits[0] = I256::try_from(e(1, 18)).expect("fits");
        let call = v::batchSwapCall {
            kind: GIVEN_IN,
            swaps: steps,
            assets: self.tokens.clone(),
            funds: funds(self.trader, false),
            limits,
            deadline: U256::MAX,
        };
        self.vault_op(&call)
    }

    fn join(&mut self, pool: Pool, user_data: Vec<u8>) -> Result<(u64, u64), String> {
        let bob = self.trader;
        let call = v::joinPoolCall {
            poolId: pool.pool_id,
            sender: bob,
            recipient: bob,
            request: v::JoinPoolRequest {
                assets: pool.tokens.clone(),
                maxAmountsIn: vec![U256::MAX; pool.tokens.len()],
                userData: user_data.into(),
                fromInternalBalance: false,
            },
        };
        self.vault_op(&call)
    }

    fn exit(&mut self, user_data: Vec<u8>) -> Result<(u64, u64), String> {
        let p01 = self.p01.clone();
        self.exit_from(&p01, user_data)
    }

    fn exit_from(&mut self, pool: &Pool, user_data: Vec<u8>) -> Result<(u64, u64), String> {
        let bob = self.trader;
        let call = v::exitPoolCall {
            poolId: pool.pool_id,
            sender: bob,
            recipient: bob,
            request: v::ExitPoolRequest {
                assets: pool.tokens.clone(),
                minAmountsOut: vec![U256::ZERO; pool.tokens.len()],
                userData: user_data.into(),
                toInternalBalance: false,
            },
        };
        self.vault_op(&call)
    }

    fn flash(&mut self, n: usize) -> Result<(u64, u64), String> {
        let call = v::flashLoanCall {
            recipient: self.recipient,
            tokens: self.tokens[..n].to_vec(),
            amounts: vec![e(100, 18); n],
            userData: Bytes::new(),
        };
        self.vault_op(&call)
    }

    /// Every row of DESIGN.md's table.
    fn rows(&mut self) -> Vec<Row> {
        let fresh = self.fresh.clone();
        let p01 = self.p01.clone();
        let ops: Vec<(&str, u64, Result<(u64, u64), String>)> = vec![
            ("swap GIVEN_IN", v2::SWAP_GIVEN_IN, self.swap(GIVEN_IN, false)),
            ("swap GIVEN_OUT", v2::SWAP_GIVEN_OUT, self.swap(GIVEN_OUT, false)),
            ("swap with internal balances (both sides)", v2::SWAP_INTERNAL, self.swap(GIVEN_IN, true)),
            ("batchSwap 1 hop", v2::BATCH_1, self.batch(1)),
            ("batchSwap 2 hops", v2::BATCH_2, self.batch(2)),
            ("batchSwap 3 hops", v2::BATCH_3, self.batch(3)),
            (
                "join INIT (2 tokens)",
                v2::JOIN_INIT,
                self.join(fresh, (U256::ZERO, vec![e(LP_AMOUNT, 18); 2]).abi_encode_params()),
            ),
            (
                "join EXACT_TOKENS_IN_FOR_BPT_OUT",
                v2::JOIN_EXACT_TOKENS_IN,
                self.join(p01.clone(), (U256::from(1), vec![e(1, 18), e(2, 18)], U256::ZERO).abi_encode_params()),
            ),
            (
                "join proportional (ALL_TOKENS_IN_FOR_EXACT_BPT_OUT)",
                v2::JOIN_PROPORTIONAL,
                self.join(p01, (U256::from(3), e(1, 18)).abi_encode_params()),
            ),
            (
                "exit single token (EXACT_BPT_IN_FOR_ONE_TOKEN_OUT)",
                v2::EXIT_SINGLE,
                self.exit((U256::ZERO, e(1, 18), U256::ZERO).abi_encode_params()),
            ),
            (
                "exit proportional (EXACT_BPT_IN_FOR_TOKENS_OUT)",
                v2::EXIT_PROPORTIONAL,
                self.exit((U256::from(1), e(1, 18)).abi_encode_params()),
            ),
            ("flashLoan 1 token (minimal recipient)", v2::FLASH_1, self.flash(1)),
            ("flashLoan 2 tokens (minimal recipient)", v2::FLASH_2, self.flash(2)),
        ];
        ops.into_iter().map(|(op, v2, gas)| Row { op: op.into(), v2: Some(v2), gas }).collect()
    }

    /// A factory pool of `n` fresh 18-decimal tokens (equal weights, fee 1%), INIT-joined
    /// by the LP with 1,000 of each; the trader holds BPT of it and has swapped t0 <-> t1
    /// once each way (same warm state as the 2-token scenario).
    fn sized_pool(&mut self, n: usize, salt_n: u64) -> Pool {
        let (alice, bob) = (self.f.pf.vf.alice, self.trader);
        let tokens = self.f.new_tokens(n, &[18]);
        let (pool, _) = self.f.create_pool(alice, &tokens, &equal_weights(n), e(1, 16), salt(salt_n));
        self.f.pf.init_join(&pool, alice, &vec![e(LP_AMOUNT, 18); n]);
        let r = self.f.pf.join(&pool, bob, (U256::from(3), e(10, 18)).abi_encode_params());
        assert!(r.success, "trader's join of the {n}-token pool reverted: 0x{}", alloy_primitives::hex::encode(&r.output));
        trade_both_ways(&mut self.f, &pool, bob);
        pool
    }

    /// How gas grows with the number of tokens: swap, proportional join and exit on pools
    /// of 2, 4, 8 and 16 tokens (16 is the pool's maximum). Pools of more than two tokens
    /// use the Vault's general specialization (balances in one slot per token).
    fn pool_size_rows(&mut self) -> Vec<Row> {
        let mut rows = Vec::new();
        for (k, n) in [2usize, 4, 8, 16].into_iter().enumerate() {
            let pool = self.sized_pool(n, 100 + k as u64);
            let (t0, t1, bob) = (pool.tokens[0], pool.tokens[1], self.trader);
            let swap = self.f.pf.vf.swap_call(pool.pool_id, GIVEN_IN, t0, t1, e(1, 18), bob, U256::ZERO);
            rows.push(Row { op: format!("{n} tokens: swap GIVEN_IN"), v2: None, gas: self.vault_op(&swap) });
            let join = self.join(pool.clone(), (U256::from(3), e(1, 18)).abi_encode_params());
            rows.push(Row { op: format!("{n} tokens: join proportional"), v2: None, gas: join });
            let exit = self.exit_from(&pool, (U256::from(1), e(1, 18)).abi_encode_params());
            rows.push(Row { op: format!("{n} tokens: exit proportional"), v2: None, gas: exit });
        }
        rows
    }

    /// Pool creation: factory `create` (clone + initialize + Vault registration) vs a
    /// fresh WeightedPool program (deploy + activate + initialize), 2 tokens.
    fn creation_rows(&mut self) -> Vec<Row> {
        let (t0, t1) = (self.tokens[0], self.tokens[1]);
        let create = self.f.create_call(&[t0, t1], &equal_weights(2), e(1, 16), salt(77));
        let factory = self.f.factory;
        let clone = Row {
            op: "create() via factory: pool proxy + initialize + Vault registration".into(),
            v2: None,
            gas: self.measure(factory, create.abi_encode()),
        };
        let fresh = Row {
            op: "for reference, without the factory: deploy + activate the 4 facet programs, deploy a proxy, initialize".into(),
            v2: None,
            gas: self.fresh_program(),
        };
        vec![clone, fresh]
    }

    /// Deploys and activates the four facet programs in a new test bed (so activation is
    /// really paid), then in the scenario's world deploys a pool proxy (over the scenario's
    /// facets: same code, no activation there) and measures its `initialize` against the
    /// scenario's Vault. Cached = initialize with the programs cached (fresh programs are
    /// not cached: both columns pay the same deployments).
    fn fresh_program(&mut self) -> Result<(u64, u64), String> {
        let mut other = TestBed::new();
        let deployer = other.account("deployer");
        let mut deploy_gas = 0;
        for wasm in pool_factory::proxy::FACETS {
            let code = std::fs::read(release_wasm_path(wasm)).map_err(|e| e.to_string())?;
            let d = other.deploy_wasm_from(deployer, &code).map_err(|e| e.to_string())?;
            let activate = d.activate.as_ref().map(|a| a.gas_used).ok_or("activation was skipped")?;
            deploy_gas += d.deploy.gas_used + activate;
        }
        let creation = pool_factory::proxy::creation_code(&self.f.pf.facets);
        let trader = self.trader;
        let (pool, deployed) = self.f.pf.vf.bed.deploy_evm_from(trader, &creation, &[]).map_err(|e| e.to_string())?;
        deploy_gas += deployed.gas_used;
        let init = wp::initializeCall {
            vault: self.f.pf.vf.vault,
            name: "Fresh".into(),
            symbol: "F".into(),
            tokens: vec![self.tokens[0], self.tokens[1]],
            normalizedWeights: equal_weights(2),
            swapFeePercentage: e(1, 16),
            owner: self.trader,
        };
        let (cached, uncached) = {
            let programs = self.programs();
            let bed = &mut self.f.pf.vf.bed;
            let mut out = [0u64; 2];
            for (slot, c) in [(0, true), (1, false)] {
                let snap = bed.snapshot();
                for p in &programs {
                    bed.set_cached(*p, c);
                }
                let r = bed.call(self.trader, pool, init.abi_encode(), U256::ZERO);
                bed.revert_to(&snap);
                if !r.success {
                    return Err(format!("initialize reverted: 0x{}", alloy_primitives::hex::encode(&r.output)));
                }
                out[slot] = r.gas_used;
            }
            (out[0], out[1])
        };
        Ok((deploy_gas + cached, deploy_gas + uncached))
    }
}

fn delta(v2: Option<u64>, ours: u64) -> String {
    match v2 {
        Some(v2) => format!("{:+.1}%", (ours as f64 - v2 as f64) * 100.0 / v2 as f64),
        None => "".into(),
    }
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn table(rows: &[Row], out: &mut String) {
    writeln!(out, "| operation | Balancer V2 | ours cached | ours uncached | delta % (cached / uncached) |").unwrap();
    writeln!(out, "|---|---:|---:|---:|---:|").unwrap();
    for r in rows {
        let v2 = r.v2.map(thousands).unwrap_or_else(|| "-".into());
        match &r.gas {
            Ok((c, u)) => {
                let d = if r.v2.is_some() { format!("{} / {}", delta(r.v2, *c), delta(r.v2, *u)) } else { "-".into() };
                writeln!(out, "| {} | {} | {} | {} | {} |", r.op, v2, thousands(*c), thousands(*u), d).unwrap();
            }
            Err(why) => {
                let why: String = why.chars().take(160).collect();
                writeln!(out, "| {} | {} | not run: {} | | |", r.op, v2, why.replace('|', "/").replace('\n', " ")).unwrap();
            }
        }
    }
}

fn panic_text(p: Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_else(|| "panicked".into())
}

#[test]
fn gas_report() {
    let mut md = String::new();
    writeln!(md, "# Gas report\n").unwrap();
    writeln!(
        md,
        "Generated by `cargo test -p integration --test gas_report -- --nocapture` (tests/integration/tests/gas_report.rs); \
         do not edit by hand. Full transaction gas incl. 21,000 and calldata, measured in the stylus-testbed \
         (release wasm, Nitro-like gas model) with the Vault, WeightedPool facet and factory programs in the ArbOS \
         cache (\"cached\") or not (\"uncached\"). Balancer V2 figures from DESIGN.md.\n"
    )
    .unwrap();
    writeln!(
        md,
        "Scenario: 2-token 50/50 pools of 18-decimal Solidity ERC-20s (fee 1%), created by the factory (dispatch \
         proxies over the WeightedPool facet programs) and INIT-joined with 1,000 + 1,000; batch swaps t0->t1->t2->t3 \
         through three such pools; swaps/joins/exits of 1 token (1 BPT) by a trader who already holds every \
         token and BPT, has approved the Vault, has internal balances and has traded each pool both ways; \
         flash loans of 100 tokens to tests/solidity's MinimalFlashLoanRecipient (pre-funded, fee 0). \
         Each operation is its own transaction from the same state.\n"
    )
    .unwrap();

    let (mut rows, creation) = match catch_unwind(AssertUnwindSafe(Scenario::new)) {
        Ok(mut s) => {
            let rows = s.rows();
            let mut creation = s.creation_rows();
            creation.extend(s.pool_size_rows());
            (rows, creation)
        }
        Err(p) => {
            let why = format!("scenario setup failed: {}", panic_text(p));
            let rows = [
                ("swap GIVEN_IN", v2::SWAP_GIVEN_IN),
                ("swap GIVEN_OUT", v2::SWAP_GIVEN_OUT),
                ("swap with internal balances (both sides)", v2::SWAP_INTERNAL),
                ("batchSwap 1 hop", v2::BATCH_1),
                ("batchSwap 2 hops", v2::BATCH_2),
                ("batchSwap 3 hops", v2::BATCH_3),
                ("join INIT (2 tokens)", v2::JOIN_INIT),
                ("join EXACT_TOKENS_IN_FOR_BPT_OUT", v2::JOIN_EXACT_TOKENS_IN),
                ("join proportional (ALL_TOKENS_IN_FOR_EXACT_BPT_OUT)", v2::JOIN_PROPORTIONAL),
                ("exit single token (EXACT_BPT_IN_FOR_ONE_TOKEN_OUT)", v2::EXIT_SINGLE),
                ("exit proportional (EXACT_BPT_IN_FOR_TOKENS_OUT)", v2::EXIT_PROPORTIONAL),
                ("flashLoan 1 token (minimal recipient)", v2::FLASH_1),
                ("flashLoan 2 tokens (minimal recipient)", v2::FLASH_2),
            ]
            .into_iter()
            .map(|(op, v2)| Row { op: op.into(), v2: Some(v2), gas: Err(why.clone()) })
            .collect();
            (rows, vec![Row { op: "pool creation".into(), v2: None, gas: Err(why) }])
        }
    };

    writeln!(md, "## Operations\n").unwrap();
    table(&rows, &mut md);
    let (creation, by_size): (Vec<Row>, Vec<Row>) = creation.into_iter().partition(|r| !r.op.contains(" tokens: "));
    writeln!(md, "\n## Pool creation (2 tokens)\n").unwrap();
    table(&creation, &mut md);
    writeln!(md, "\n## Gas by pool size (same warm trader state; 1 token in, 1 BPT)\n").unwrap();
    table(&by_size, &mut md);

    writeln!(md, "\n## Contract sizes\n").unwrap();
    writeln!(md, "| contract | wasm bytes | compressed (deployment code) bytes | budget 24 KiB | footprint pages | entry gas cached / uncached |").unwrap();
    writeln!(md, "|---|---:|---:|---|---:|---:|").unwrap();
    for name in CONTRACTS {
        match release_program_info(name) {
            Ok(i) => writeln!(
                md,
                "| {name} | {} | {} | {} | {} | {} / {} |",
                thousands(i.wasm_size as u64),
                thousands(i.code_size as u64),
                if i.code_size <= BUDGET_BYTES { "ok" } else { "OVER" },
                i.footprint_pages,
                thousands(i.init_gas(true)),
                thousands(i.init_gas(false)),
            )
            .unwrap(),
            Err(e) => writeln!(md, "| {name} | not measured: {} | | | | |", e.replace('|', "/")).unwrap(),
        }
    }
    writeln!(
        md,
        "\nEach pool is a dispatch proxy (pool_factory::proxy): {} bytes of creation code, {} bytes of runtime code \
         that DELEGATECALLs the swap, join, exit or token facet by selector.",
        pool_factory::proxy::CREATION_LEN,
        pool_factory::proxy::RUNTIME_LEN
    )
    .unwrap();

    println!("{md}");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../reports/gas.md");
    std::fs::create_dir_all(path.parent().expect("parent")).expect("create tests/reports");
    std::fs::write(&path, &md).expect("write tests/reports/gas.md");
    println!("written to {}", path.display());

    rows.extend(creation);
    rows.extend(by_size);
    let failed: Vec<&str> = rows.iter().filter(|r| r.gas.is_err()).map(|r| r.op.as_str()).collect();
    assert!(failed.is_empty(), "operations that did not run (see the report): {failed:?}");
}
