//! The worker's PIN: chosen once (6 to 12 digits), kept only as an Argon2id hash with its own
//! random salt, and checked with a lockout that grows after five wrong tries and survives a
//! restart. The clock is passed in, so the rules are tested without waiting
//! (docs/decisions.md, "PIN").

use std::path::{Path, PathBuf};

use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};

use super::files::{read_ron, write_ron};

pub const MIN_DIGITS: usize = 6;
pub const MAX_DIGITS: usize = 12;
/// Wrong tries allowed before the first lockout.
pub const FREE_TRIES: u32 = 5;
/// Lockouts in seconds after the fifth wrong try, the sixth, ...; the last repeats.
pub const LOCKOUT_SECONDS: [i64; 4] = [30, 60, 5 * 60, 15 * 60];
/// OWASP's Argon2id minimum (19 MiB, 2 passes, 1 lane). The hash keeps the PIN itself off the
/// disk and slows a guesser who has the file; the lockout is what stops one at the pad.
const MEMORY_KIB: u32 = 19 * 1024;
const PASSES: u32 = 2;
const LANES: u32 = 1;
const SALT_BYTES: usize = 16;
const HASH_BYTES: usize = 32;
/// The PIN file is a few hundred bytes; anything bigger is not ours.
const MAX_FILE_BYTES: u64 = 4096;

/// What is stored in `DATA/worker/pin.ron`: never the PIN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinRecord {
    pub v: u32,
    /// Hex.
    pub salt: String,
    /// Hex, Argon2id of the PIN with `salt` and the costs below.
    pub hash: String,
    pub memory_kib: u32,
    pub passes: u32,
    pub lanes: u32,
    /// Wrong tries since the last right one.
    pub failures: u32,
    /// Unix seconds until which no try is checked.
    pub locked_until: Option<i64>,
}

/// What a try of the PIN came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Right,
    /// Wrong; this many tries are left before a lockout (0 when this try started one).
    Wrong {
        tries_left: u32,
        locked_for: Option<i64>,
    },
    /// Not checked: the pad is locked for this many more seconds.
    Locked {
        seconds_left: i64,
    },
}

/// Why a new PIN is refused, in plain words for the PIN page.
pub fn check_new_pin(pin: &str) -> Result<(), String> {
    let digits = pin.chars().count();
    if !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err("A PIN is digits only.".into());
    }
    if !(MIN_DIGITS..=MAX_DIGITS).contains(&digits) {
        return Err(format!(
            "A PIN has {MIN_DIGITS} to {MAX_DIGITS} digits: it also guards the children's data."
        ));
    }
    let bytes = pin.as_bytes();
    let steps: Vec<i16> = bytes
        .windows(2)
        .map(|pair| i16::from(pair[1]) - i16::from(pair[0]))
        .collect();
    if steps.iter().all(|step| *step == steps[0]) && steps[0].abs() <= 1 {
        return Err(
            "That PIN is too easy to guess (all one digit, or counting up or down).".into(),
        );
    }
    Ok(())
}

impl PinRecord {
    /// A record for a new PIN, with a fresh random salt.
    pub fn new(pin: &str) -> Result<PinRecord, String> {
        check_new_pin(pin)?;
        let mut salt = [0u8; SALT_BYTES];
        getrandom::fill(&mut salt).map_err(|e| format!("no random numbers for the salt: {e}"))?;
        let hash = derive(pin, &salt, MEMORY_KIB, PASSES, LANES)?;
        Ok(PinRecord {
            v: 1,
            salt: hex(&salt),
            hash: hex(&hash),
            memory_kib: MEMORY_KIB,
            passes: PASSES,
            lanes: LANES,
            failures: 0,
            locked_until: None,
        })
    }

    /// Checks a try at `now` (Unix seconds). A try during a lockout is not checked at all, so
    /// the right PIN then does not open either.
    pub fn try_pin(&mut self, pin: &str, now: i64) -> Verdict {
        if let Some(until) = self.locked_until.filter(|until| *until > now) {
            return Verdict::Locked {
                seconds_left: until - now,
            };
        }
        self.locked_until = None;
        if self.matches(pin) {
            self.failures = 0;
            return Verdict::Right;
        }
        self.failures = self.failures.saturating_add(1);
        if self.failures < FREE_TRIES {
            return Verdict::Wrong {
                tries_left: FREE_TRIES - self.failures,
                locked_for: None,
            };
        }
        let step = ((self.failures - FREE_TRIES) as usize).min(LOCKOUT_SECONDS.len() - 1);
        let seconds = LOCKOUT_SECONDS[step];
        self.locked_until = Some(now.saturating_add(seconds));
        Verdict::Wrong {
            tries_left: 0,
            locked_for: Some(seconds),
        }
    }

    fn matches(&self, pin: &str) -> bool {
        let (Some(salt), Some(stored)) = (unhex(&self.salt), unhex(&self.hash)) else {
            return false;
        };
        let Ok(tried) = derive(pin, &salt, self.memory_kib, self.passes, self.lanes) else {
            return false;
        };
        // Compared in full whatever the first difference, so timing says nothing.
        tried.len() == stored.len()
            && tried
                .iter()
                .zip(&stored)
                .fold(0u8, |diff, (a, b)| diff | (a ^ b))
                == 0
    }
}

fn derive(
    pin: &str,
    salt: &[u8],
    memory_kib: u32,
    passes: u32,
    lanes: u32,
) -> Result<Vec<u8>, String> {
    // A hostile file could ask for gigabytes of memory: the costs are capped at twice ours.
    if memory_kib > 2 * MEMORY_KIB || passes > 2 * PASSES || lanes > 4 {
        return Err("the PIN file asks for costs this app never writes".into());
    }
    let params =
        Params::new(memory_kib, passes, lanes, Some(HASH_BYTES)).map_err(|e| e.to_string())?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let mut out = vec![0u8; HASH_BYTES];
    argon
        .hash_password_into(pin.as_bytes(), salt, &mut out)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// `DATA/worker/pin.ron`.
pub fn pin_path(data_dir: &Path) -> PathBuf {
    data_dir.join("worker").join("pin.ron")
}

/// The stored record, `Ok(None)` when no PIN has been set, or why the file cannot be used
/// (naming it and the place).
pub fn load(path: &Path) -> Result<Option<PinRecord>, String> {
    read_ron(path, MAX_FILE_BYTES, "a PIN record")
}

/// Writes the record (after every try, so a lockout survives a restart), replacing the old
/// one only once the new one is on disk.
pub fn save(path: &Path, record: &PinRecord) -> Result<(), String> {
    write_ron(path, record)
}
