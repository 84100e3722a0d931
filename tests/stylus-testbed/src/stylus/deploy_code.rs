//! Stylus deployment code: what sits in an account's code on chain.
//!
//! Layout (Nitro `state.StripStylusPrefix`): `0xEF 0xF0 0x00` (the EOF-style Stylus
//! discriminant), one dictionary byte (`0x00` = no dictionary, `0x01` = Nitro's built-in
//! Stylus dictionary), then the brotli-compressed wasm. `cargo stylus deploy` writes
//! `EFF00000` + brotli at quality 11 (window 22), which [`deployment_code_from_wasm`]
//! reproduces, after cargo-stylus's processing of the compiled wasm ([`process_wasm`]).
//! Newer chains also accept fragmented code (`0xEFF001` fragments and a
//! `0xEFF002` root); the test bed reports those as [`ProgramError::FragmentedCode`].

use super::error::ProgramError;
use std::io::{Read, Write};

/// The three bytes that mark Stylus code.
pub const STYLUS_DISCRIMINANT: [u8; 3] = [0xEF, 0xF0, 0x00];
/// Dictionary byte for "no dictionary", the only one cargo-stylus uses.
pub const DICTIONARY_NONE: u8 = 0x00;
/// Brotli quality used by cargo-stylus (`BROTLI_COMPRESSION_LEVEL`).
pub const BROTLI_QUALITY: u32 = 11;
/// Brotli window (log2) used by cargo-stylus (brotli's default, 22).
pub const BROTLI_WINDOW: u32 = 22;

/// True when `code` starts with the Stylus discriminant and a dictionary byte.
pub fn is_stylus_code(code: &[u8]) -> bool {
    code.len() > STYLUS_DISCRIMINANT.len() && code.starts_with(&STYLUS_DISCRIMINANT)
}

/// Brotli-compresses `wasm` exactly as cargo-stylus does (quality 11, window 22).
pub fn compress_wasm(wasm: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(wasm.len() / 2);
    {
        let mut writer =
            brotli::CompressorWriter::new(&mut out, 4096, BROTLI_QUALITY, BROTLI_WINDOW);
        // Writing into a Vec cannot fail; brotli only reports the sink's errors.
        let _ = writer.write_all(wasm);
        let _ = writer.flush();
    }
    out
}

/// Name of the custom section cargo-stylus adds (a hash of the project's sources).
pub const PROJECT_HASH_SECTION: &str = "project_hash";

/// What `cargo stylus deploy` does to a compiled wasm before compressing it:
/// 1. wasm -> wat -> wasm ("remove dangling references"): re-encodes every immediate in
///    canonical form. rustc >= 1.82 builds std with reference-types, which writes
///    `call_indirect`'s table index as a padded 5-byte LEB that Stylus activation refuses
///    ("zero byte expected"); after the round trip it is the single byte 0x00.
/// 2. strips every custom section (names, producers, debug info);
/// 3. appends the 32-byte `project_hash` custom section (zeros here: no source hash).
pub fn process_wasm(wasm: &[u8]) -> Result<Vec<u8>, ProgramError> {
    let text = wasmprinter::print_bytes(wasm).map_err(|e| ProgramError::InvalidWasm(e.to_string()))?;
    let reencoded = wat::parse_str(&text).map_err(|e| ProgramError::InvalidWasm(e.to_string()))?;
    let mut out = Vec::with_capacity(reencoded.len() + 64);
    out.extend_from_slice(b"\0asm\x01\0\0\0");
    for payload in wasmparser::Parser::new(0).parse_all(&reencoded) {
        let payload = payload.map_err(|e| ProgramError::InvalidWasm(e.to_string()))?;
        if matches!(payload, wasmparser::Payload::CustomSection(_)) {
            continue;
        }
        if let Some((id, range)) = payload.as_section() {
            let data = reencoded.get(range).unwrap_or_default();
            push_section(&mut out, id, data);
        }
    }
    let mut hash_section = Vec::with_capacity(PROJECT_HASH_SECTION.len() + 33);
    push_leb(&mut hash_section, PROJECT_HASH_SECTION.len() as u64);
    hash_section.extend_from_slice(PROJECT_HASH_SECTION.as_bytes());
    hash_section.extend_from_slice(&[0u8; 32]);
    push_section(&mut out, 0, &hash_section);
    Ok(out)
}

fn push_section(out: &mut Vec<u8>, id: u8, data: &[u8]) {
    out.push(id);
    push_leb(out, data.len() as u64);
    out.extend_from_slice(data);
}

fn push_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Builds deployment code as `cargo stylus deploy` does: [`process_wasm`], then
/// `EFF00000` + brotli. Input that is not valid wasm is compressed unprocessed (loading
/// it will then report why it is invalid).
pub fn deployment_code_from_wasm(wasm: &[u8]) -> Vec<u8> {
    let processed = process_wasm(wasm).unwrap_or_else(|_| wasm.to_vec());
    let compressed = compress_wasm(&processed);
    let mut code = Vec::with_capacity(compressed.len() + 4);
    code.extend_from_slice(&STYLUS_DISCRIMINANT);
    code.push(DICTIONARY_NONE);
    code.extend_from_slice(&compressed);
    code
}

/// Recovers the wasm from deployment code, refusing anything over `max_wasm_size`
/// bytes once decompressed (Nitro decompresses with the same bound).
pub fn wasm_from_deployment_code(code: &[u8], max_wasm_size: usize) -> Result<Vec<u8>, ProgramError> {
    if matches!(code.get(..3), Some([0xEF, 0xF0, 0x01 | 0x02])) {
        return Err(ProgramError::FragmentedCode);
    }
    if !is_stylus_code(code) {
        return Err(ProgramError::NotStylusCode);
    }
    let dictionary = code.get(3).copied().unwrap_or(DICTIONARY_NONE);
    if dictionary != DICTIONARY_NONE {
        return Err(ProgramError::UnsupportedDictionary(dictionary));
    }
    let compressed = code.get(4..).unwrap_or_default();
    decompress_bounded(compressed, max_wasm_size)
}

/// Brotli-decompresses at most `limit` bytes; more is an error, as on chain.
fn decompress_bounded(compressed: &[u8], limit: usize) -> Result<Vec<u8>, ProgramError> {
    let reader = brotli::Decompressor::new(compressed, 4096);
    let mut out = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    reader
        .take(cap)
        .read_to_end(&mut out)
        .map_err(|e| ProgramError::Decompression(e.to_string()))?;
    if out.len() > limit {
        return Err(ProgramError::WasmTooLarge { limit });
    }
    Ok(out)
}
