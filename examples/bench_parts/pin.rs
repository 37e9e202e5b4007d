//! `pin`: how long the worker waits after OK on the PIN pad (one Argon2id check of the stored
//! costs, 19 MiB and 2 passes), next to the floor: Argon2id at its smallest costs (8 KiB, one
//! pass), timed the same way in the same run.

use std::time::Instant;

use hearme::model::pin::PinRecord;

const TRIES: usize = 15;

pub fn run() {
    let Ok(record) = PinRecord::new("270419") else {
        eprintln!("could not make a PIN record");
        return;
    };
    let mut checks = Vec::new();
    for _ in 0..TRIES {
        // A fresh copy each time, so no try is counted as a lockout.
        let mut copy = record.clone();
        let start = Instant::now();
        std::hint::black_box(copy.try_pin("270419", 0));
        checks.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let mut floors = Vec::new();
    let params = argon2::Params::new(8, 1, 1, Some(32)).expect("the smallest Argon2 costs");
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    for _ in 0..TRIES {
        let mut out = [0u8; 32];
        let start = Instant::now();
        let _ = argon.hash_password_into(b"270419", b"sixteen byte salt", &mut out);
        std::hint::black_box(out);
        floors.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let check = super::median(checks.clone());
    let floor = super::median(floors);
    println!("pin_check_median: {check:.1} ms ({TRIES} runs)");
    println!("pin_check_p99: {:.1} ms", super::percentile(&checks, 0.99));
    println!("pin_floor_smallest_argon2_median: {floor:.3} ms");
    println!("pin_ratio_to_floor: {:.0}x", check / floor.max(1e-9));
}
