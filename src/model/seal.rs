//! Sealing children's data at rest (issue 12), the model's first part: a random data key per
//! visit or profile, wrapped by a key-encryption key derived from the worker's PIN (Argon2id),
//! and journal lines sealed one by one with XChaCha20-Poly1305, the visit and the line's sequence
//! bound in as associated data, so a line cannot be moved to another place or visit unnoticed.
//! RustCrypto's crates do the cryptography; keys are wiped from memory when dropped. The keys
//! on disk are `keyring.rs`'s; the journal seals its lines with these (docs/data-protection.md).

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

pub const KEY_BYTES: usize = 32;
const NONCE_BYTES: usize = 24;
/// Argon2id costs for the key-encryption key: 64 MiB and 10 passes, about 0.31 s on this
/// project's 2-core machine (`bench seal`; 6 passes took 0.21 s and 8 passes 0.25 s, the floor
/// the issue set), so trying every 6-digit PIN offline costs days of a core.
pub const KEK_MEMORY_KIB: u32 = 64 * 1024;
pub const KEK_PASSES: u32 = 10;
/// The start of a sealed journal line: its format version.
const LINE_PREFIX: &str = "S1:";

/// Why something could not be unsealed, in words that follow its name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("it does not open with this PIN, or it was changed or moved")]
    DoesNotOpen,
    #[error("it is not a sealed line of a format this Hearme reads")]
    NotSealed,
    #[error("the key could not be made: {0}")]
    Key(String),
}

/// A data key, wiped from memory when dropped.
pub struct DataKey(Zeroizing<[u8; KEY_BYTES]>);

impl DataKey {
    pub fn random() -> Result<Self, SealError> {
        let mut key = Zeroizing::new([0u8; KEY_BYTES]);
        getrandom::fill(key.as_mut()).map_err(|e| SealError::Key(e.to_string()))?;
        Ok(DataKey(key))
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&(*self.0).into())
    }
}

/// The key-encryption key, derived from the PIN and a salt of its own; wiped when dropped.
pub struct Kek(DataKey);

impl Kek {
    pub fn from_pin(
        pin: &str,
        salt: &[u8],
        memory_kib: u32,
        passes: u32,
    ) -> Result<Self, SealError> {
        let params = Params::new(memory_kib, passes, 1, Some(KEY_BYTES))
            .map_err(|e| SealError::Key(e.to_string()))?;
        let mut key = Zeroizing::new([0u8; KEY_BYTES]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(pin.as_bytes(), salt, key.as_mut())
            .map_err(|e| SealError::Key(e.to_string()))?;
        Ok(Kek(DataKey(key)))
    }
}

impl AsRef<DataKey> for DataKey {
    fn as_ref(&self) -> &DataKey {
        self
    }
}

impl AsRef<DataKey> for Kek {
    fn as_ref(&self) -> &DataKey {
        &self.0
    }
}

/// A data key as stored: sealed under the key-encryption key, with what it is for as
/// associated data (a visit's or a profile's id), so a wrapped key cannot stand in for another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrappedKey {
    pub v: u32,
    pub nonce: Vec<u8>,
    pub sealed: Vec<u8>,
}

/// Seals `key` under `kek` (the PIN's key, or the tablet's key for a visit's own).
pub fn wrap(
    kek: &impl AsRef<DataKey>,
    key: &DataKey,
    what_for: &str,
) -> Result<WrappedKey, SealError> {
    let nonce = random_nonce()?;
    let sealed = kek
        .as_ref()
        .cipher()
        .encrypt(
            &nonce,
            Payload {
                msg: key.0.as_ref(),
                aad: what_for.as_bytes(),
            },
        )
        .map_err(|_| SealError::Key("sealing failed".into()))?;
    Ok(WrappedKey {
        v: 1,
        nonce: nonce.to_vec(),
        sealed,
    })
}

pub fn unwrap(
    kek: &impl AsRef<DataKey>,
    wrapped: &WrappedKey,
    what_for: &str,
) -> Result<DataKey, SealError> {
    let nonce = XNonce::try_from(wrapped.nonce.as_slice()).map_err(|_| SealError::DoesNotOpen)?;
    let opened = Zeroizing::new(
        kek.as_ref()
            .cipher()
            .decrypt(
                &nonce,
                Payload {
                    msg: &wrapped.sealed,
                    aad: what_for.as_bytes(),
                },
            )
            .map_err(|_| SealError::DoesNotOpen)?,
    );
    let key: [u8; KEY_BYTES] = opened
        .as_slice()
        .try_into()
        .map_err(|_| SealError::DoesNotOpen)?;
    Ok(DataKey(Zeroizing::new(key)))
}

/// Whether a journal line is a sealed one (of any version).
pub fn is_sealed_line(line: &[u8]) -> bool {
    line.starts_with(b"S") && line.get(1).is_some_and(u8::is_ascii_digit)
}

/// One journal line sealed: `S1:`, its sequence number, `:`, then the nonce and the sealed
/// bytes in hex, on one line, so the journal stays line-based and a torn last line is still told
/// from the rest. The number is in the clear (it says how many events, nothing of them) so the
/// reader knows which place to check the line against.
pub fn seal_line(key: &DataKey, visit: &str, seq: u64, line: &str) -> Result<String, SealError> {
    let nonce = random_nonce()?;
    let aad = line_aad(visit, seq);
    let sealed = key
        .cipher()
        .encrypt(
            &nonce,
            Payload {
                msg: line.as_bytes(),
                aad: &aad,
            },
        )
        .map_err(|_| SealError::Key("sealing failed".into()))?;
    Ok(format!(
        "{LINE_PREFIX}{seq}:{}{}",
        hex(&nonce),
        hex(&sealed)
    ))
}

/// The sequence number and plain line of a sealed one, checked to be this visit's line at the
/// place it names.
pub fn open_line(key: &DataKey, visit: &str, sealed: &str) -> Result<(u64, String), SealError> {
    let (seq, body) = sealed
        .strip_prefix(LINE_PREFIX)
        .and_then(|rest| rest.split_once(':'))
        .ok_or(SealError::NotSealed)?;
    let seq: u64 = seq.parse().map_err(|_| SealError::NotSealed)?;
    let bytes = unhex(body).ok_or(SealError::NotSealed)?;
    if bytes.len() < NONCE_BYTES {
        return Err(SealError::NotSealed);
    }
    let (nonce, body) = bytes.split_at(NONCE_BYTES);
    let nonce = XNonce::try_from(nonce).map_err(|_| SealError::NotSealed)?;
    let aad = line_aad(visit, seq);
    let plain = key
        .cipher()
        .decrypt(
            &nonce,
            Payload {
                msg: body,
                aad: &aad,
            },
        )
        .map_err(|_| SealError::DoesNotOpen)?;
    let text = String::from_utf8(plain).map_err(|_| SealError::DoesNotOpen)?;
    Ok((seq, text))
}

fn line_aad(visit: &str, seq: u64) -> Vec<u8> {
    let mut aad = visit.as_bytes().to_vec();
    aad.push(0);
    aad.extend_from_slice(&seq.to_be_bytes());
    aad
}

fn random_nonce() -> Result<XNonce, SealError> {
    let mut nonce = [0u8; NONCE_BYTES];
    getrandom::fill(&mut nonce).map_err(|e| SealError::Key(e.to_string()))?;
    Ok(nonce.into())
}

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(super) fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

/// The start of a sealed file (a profile's board, photo or recording): its format version.
const FILE_MAGIC: &[u8] = b"HEARME-SEALED-1\n";

/// Whether a file's bytes are a sealed file's.
pub fn is_sealed_file(bytes: &[u8]) -> bool {
    bytes.starts_with(FILE_MAGIC)
}

/// A whole file sealed, with `what_for` (its place in its folder) as associated data, so a
/// file moved to another name does not open.
pub fn seal_file(key: &DataKey, what_for: &str, bytes: &[u8]) -> Result<Vec<u8>, SealError> {
    let nonce = random_nonce()?;
    let sealed = key
        .cipher()
        .encrypt(
            &nonce,
            Payload {
                msg: bytes,
                aad: what_for.as_bytes(),
            },
        )
        .map_err(|_| SealError::Key("sealing failed".into()))?;
    Ok([FILE_MAGIC, nonce.as_slice(), &sealed].concat())
}

/// The plain bytes of a sealed file, checked to be the one sealed for `what_for`.
pub fn open_file(key: &DataKey, what_for: &str, bytes: &[u8]) -> Result<Vec<u8>, SealError> {
    let body = bytes.strip_prefix(FILE_MAGIC).ok_or(SealError::NotSealed)?;
    if body.len() < NONCE_BYTES {
        return Err(SealError::DoesNotOpen);
    }
    let (nonce, sealed) = body.split_at(NONCE_BYTES);
    let nonce = XNonce::try_from(nonce).map_err(|_| SealError::DoesNotOpen)?;
    key.cipher()
        .decrypt(
            &nonce,
            Payload {
                msg: sealed,
                aad: what_for.as_bytes(),
            },
        )
        .map_err(|_| SealError::DoesNotOpen)
}
