//! Self-tests of program loading: what activation accepts and refuses, and the
//! deployment-code format.

use stylus_testbed::stylus::{
    deployment_code_from_wasm, is_stylus_code, process_wasm, wasm_from_deployment_code, Limits,
    Program, ProgramError, MAX_WASM_SIZE,
};

fn wasm(wat: &str) -> Vec<u8> {
    wat::parse_str(wat).expect("valid wat")
}

const OK: &str = r#"(module
    (import "vm_hooks" "read_args" (func $read_args (param i32)))
    (func (export "user_entrypoint") (param i32) (result i32) (i32.const 0))
    (memory (export "memory") 1))"#;

fn load(wat: &str) -> Result<Program, ProgramError> {
    Program::from_wasm(&wasm(wat))
}

#[test]
fn minimal_program_loads_with_its_facts() {
    let program = load(OK).expect("valid");
    let info = program.info();
    assert_eq!(info.function_count, 1);
    assert_eq!(info.footprint_pages, 1);
    assert!(info.hooks.contains("read_args"));
    assert!(info.features.is_empty());
    assert!(info.fits_code_limit());
    // Nitro's formula for 1 function of type (i32)->i32, 4 instrumentation globals, 1 page:
    // cached = 0 + 0 + wasm_len*122/1e5 + 4*1628/1000 + 0 + 1*5.
    let wasm_len = info.wasm_size as u64;
    assert_eq!(u64::from(info.cached_init_cost), wasm_len * 122 / 100_000 + 6 + 5);
    assert_eq!(u64::from(info.init_cost), 8 + 2 * 1059 / 1000 + wasm_len * 1286 / 10_000);
}

#[test]
fn float_instruction_is_rejected() {
    let err = load(
        r#"(module (func (export "user_entrypoint") (param i32) (result i32)
            (drop (f64.add (f64.const 1) (f64.const 2))) (i32.const 0))
            (memory (export "memory") 1))"#,
    )
    .unwrap_err();
    assert!(matches!(err, ProgramError::FloatInstruction { ref op, .. } if op == "F64Const"), "{err}");
}

#[test]
fn missing_or_mistyped_entrypoint_is_rejected() {
    let missing = load(r#"(module (func (export "main") (param i32) (result i32) (i32.const 0)) (memory (export "memory") 1))"#);
    assert_eq!(missing.unwrap_err(), ProgramError::MissingEntrypoint);
    let mistyped = load(r#"(module (func (export "user_entrypoint") (param i64) (result i32) (i32.const 0)) (memory (export "memory") 1))"#);
    assert!(matches!(mistyped.unwrap_err(), ProgramError::BadEntrypointType(_)));
}

#[test]
fn memory_must_exist_and_fit() {
    let none = load(r#"(module (func (export "user_entrypoint") (param i32) (result i32) (i32.const 0)))"#);
    assert_eq!(none.unwrap_err(), ProgramError::MissingMemory);
    let huge = load(r#"(module (func (export "user_entrypoint") (param i32) (result i32) (i32.const 0)) (memory (export "memory") 129))"#);
    assert_eq!(huge.unwrap_err(), ProgramError::MemoryTooLarge { pages: 129, limit: 128 });
}

#[test]
fn foreign_imports_and_wrong_signatures_are_rejected() {
    let foreign = load(
        r#"(module (import "env" "abort" (func)) (func (export "user_entrypoint") (param i32) (result i32) (i32.const 0)) (memory (export "memory") 1))"#,
    );
    assert_eq!(foreign.unwrap_err(), ProgramError::ForeignImport { module: "env".into(), name: "abort".into() });
    let unknown = load(
        r#"(module (import "vm_hooks" "self_destruct" (func)) (func (export "user_entrypoint") (param i32) (result i32) (i32.const 0)) (memory (export "memory") 1))"#,
    );
    assert!(matches!(unknown.unwrap_err(), ProgramError::ForeignImport { .. }));
    let wrong = load(
        r#"(module (import "vm_hooks" "read_args" (func (param i64))) (func (export "user_entrypoint") (param i32) (result i32) (i32.const 0)) (memory (export "memory") 1))"#,
    );
    assert!(matches!(wrong.unwrap_err(), ProgramError::ImportSignature { .. }));
}

#[test]
fn start_functions_and_unsupported_bulk_ops_are_rejected() {
    let start = load(
        r#"(module (func $s) (start $s) (func (export "user_entrypoint") (param i32) (result i32) (i32.const 0)) (memory (export "memory") 1))"#,
    );
    assert_eq!(start.unwrap_err(), ProgramError::StartFunction);
    let init = load(
        r#"(module (memory (export "memory") 1) (data $d "abc")
            (func (export "user_entrypoint") (param i32) (result i32)
                (memory.init $d (i32.const 0) (i32.const 0) (i32.const 1)) (i32.const 0)))"#,
    );
    assert!(matches!(init.unwrap_err(), ProgramError::UnsupportedInstruction { ref op, .. } if op == "MemoryInit"));
}

#[test]
fn reference_types_and_simd_are_refused_by_the_feature_set() {
    let reftypes = load(
        r#"(module (table 1 funcref) (func (export "user_entrypoint") (param i32) (result i32)
            (drop (ref.null func)) (i32.const 0)) (memory (export "memory") 1))"#,
    );
    assert!(matches!(reftypes.unwrap_err(), ProgramError::InvalidWasm(_)));
    let simd = load(
        r#"(module (func (export "user_entrypoint") (param i32) (result i32)
            (drop (v128.const i64x2 0 0)) (i32.const 0)) (memory (export "memory") 1))"#,
    );
    assert!(matches!(simd.unwrap_err(), ProgramError::InvalidWasm(_)));
}

#[test]
fn accepted_post_mvp_features_are_reported() {
    let program = load(
        r#"(module (func (export "user_entrypoint") (param i32) (result i32)
            (memory.copy (i32.const 0) (i32.const 8) (i32.const 4))
            (i32.extend8_s (local.get 0)))
            (func $pair (result i32 i32) (i32.const 1) (i32.const 2))
            (memory (export "memory") 1))"#,
    )
    .expect("valid");
    let features: Vec<_> = program.info().features.iter().copied().collect();
    assert_eq!(features, vec!["bulk-memory", "multi-value", "sign-extension"]);
}

#[test]
fn garbage_is_an_error_not_a_panic() {
    assert!(matches!(Program::from_wasm(b"\0asm\x01\0\0\0\xff\xff").unwrap_err(), ProgramError::InvalidWasm(_)));
    assert!(matches!(Program::from_wasm(&[]).unwrap_err(), ProgramError::InvalidWasm(_)));
    assert_eq!(Program::from_deployment_code(&[0x60, 0x80]).unwrap_err(), ProgramError::NotStylusCode);
    assert_eq!(Program::from_deployment_code(&[0xEF, 0xF0, 0x00, 0x01, 1, 2]).unwrap_err(), ProgramError::UnsupportedDictionary(1));
    assert_eq!(Program::from_deployment_code(&[0xEF, 0xF0, 0x01, 0x00]).unwrap_err(), ProgramError::FragmentedCode);
    assert!(matches!(
        Program::from_deployment_code(&[0xEF, 0xF0, 0x00, 0x00, 1, 2, 3]).unwrap_err(),
        ProgramError::Decompression(_)
    ));
}

#[test]
fn deployment_code_round_trips_with_the_cargo_stylus_prefix() {
    let raw = wasm(OK);
    let code = deployment_code_from_wasm(&raw);
    assert_eq!(&code[..4], &[0xEF, 0xF0, 0x00, 0x00]);
    assert!(is_stylus_code(&code));
    let processed = process_wasm(&raw).unwrap();
    assert_eq!(wasm_from_deployment_code(&code, MAX_WASM_SIZE).unwrap(), processed);
    let program = Program::from_deployment_code(&code).expect("valid");
    assert_eq!(program.info().code_size, code.len());
    assert_eq!(program.info().wasm_size, processed.len());
    assert_eq!(Program::from_wasm(&raw).unwrap().info(), program.info(), "same facts either way");
}

#[test]
fn size_limits_apply_to_code_and_decompressed_wasm() {
    let code = deployment_code_from_wasm(&wasm(OK));
    let tight = Limits { max_code_size: code.len() - 1, ..Limits::default() };
    assert_eq!(
        Program::from_deployment_code_with(&code, &tight).unwrap_err(),
        ProgramError::CodeTooLarge { size: code.len(), limit: code.len() - 1 }
    );
    let small_wasm = Limits { max_wasm_size: 10, ..Limits::default() };
    assert_eq!(Program::from_deployment_code_with(&code, &small_wasm).unwrap_err(), ProgramError::WasmTooLarge { limit: 10 });
}

/// A module whose `call_indirect` carries its table index as the padded LEB
/// `80 80 80 80 00`, as rustc >= 1.82 (reference-types std) links it.
fn padded_call_indirect() -> Vec<u8> {
    let canonical = wasm(
        r#"(module (type $t (func (result i32))) (table 1 funcref)
            (func $f (result i32) (i32.const 7)) (elem (i32.const 0) $f)
            (func (export "user_entrypoint") (param i32) (result i32) (call_indirect (type $t) (i32.const 0)))
            (memory (export "memory") 1))"#,
    );
    let mut section_size_at = None;
    let mut last_body = None;
    for payload in wasmparser::Parser::new(0).parse_all(&canonical) {
        match payload.unwrap() {
            wasmparser::Payload::CodeSectionStart { range, .. } => section_size_at = Some(range.start - 1),
            wasmparser::Payload::CodeSectionEntry(body) => last_body = Some(body.range()),
            _ => {}
        }
    }
    let (section_size_at, body) = (section_size_at.unwrap(), last_body.unwrap());
    let op = body.start + canonical[body.clone()].windows(3).position(|w| w == [0x11, 0x00, 0x00]).unwrap();
    let mut padded = canonical.clone();
    padded.splice(op + 2..op + 3, [0x80, 0x80, 0x80, 0x80, 0x00]);
    padded[body.start - 1] += 4; // single-byte body size
    padded[section_size_at] += 4; // single-byte section size
    padded
}

#[test]
fn processing_canonicalises_padded_call_indirect_like_cargo_stylus() {
    let padded = padded_call_indirect();
    let raw = Program::from_raw_wasm_with(&padded, &Limits::default()).unwrap_err();
    assert!(raw.to_string().contains("zero byte expected"), "{raw}");
    let processed = process_wasm(&padded).unwrap();
    assert!(processed.windows(3).any(|w| w == [0x11, 0x00, 0x00]), "canonical call_indirect");
    let program = Program::from_wasm(&padded).expect("accepted once processed");
    assert_eq!(program.info().wasm_size, processed.len());
}
