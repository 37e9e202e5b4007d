//! `seal` (also run by `journal`): one journal line appended and fsynced by the app's own
//! writer, plain and sealed, in the same run, with the sealing alone beside them; and one
//! unlock (Argon2id at the documented cost) of the key-encryption key.

use std::time::Instant;

use hearme::model::journal::{JournalWriter, LineSeal};
use hearme::model::seal::{DataKey, KEK_MEMORY_KIB, KEK_PASSES, Kek, seal_line};
use hearme::model::session::{Actor, Event};

const LINES: usize = 400;

pub fn run() {
    let line = r#"(v:1, seq:12, at:"2026-12-02T10:00:00.000Z", event:SymbolChosen(board:"home", cell:"want", label:"want", by:Child, picture:"palm-up-hand"))"#;
    let key = DataKey::random().expect("random numbers");
    let dir = std::env::temp_dir().join(format!("hearme-bench-seal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let append = |name: &str, sealed: bool| -> Vec<f64> {
        let path = dir.join(name);
        let seal = sealed
            .then(|| LineSeal::for_journal(DataKey::random().expect("random numbers"), &path));
        let mut writer = JournalWriter::create_sealed(&path, seal).expect("a scratch journal");
        (0..LINES)
            .map(|_| {
                let tap = Event::SymbolChosen {
                    board: "home".into(),
                    cell: "want".into(),
                    label: "want".into(),
                    by: Actor::Child,
                    symbol: Some("palm-up-hand".into()),
                };
                let start = Instant::now();
                writer.append(tap).expect("appended and synced");
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect()
    };
    let plain = append("plain.journal", false);
    let sealed = append("sealed.journal", true);
    let sealing: Vec<f64> = (0..LINES as u64)
        .map(|seq| {
            let start = Instant::now();
            std::hint::black_box(seal_line(&key, "visit-1", seq, line).expect("sealed"));
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let unlocks: Vec<f64> = (0..5)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(
                Kek::from_pin("270419", b"a salt of sixteen", KEK_MEMORY_KIB, KEK_PASSES)
                    .expect("derived"),
            );
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    let (plain_median, sealed_median) =
        (super::median(plain.clone()), super::median(sealed.clone()));
    println!("seal_lines: {LINES} each");
    println!("seal_append_plain_median: {plain_median:.3} ms (floor)");
    println!("seal_append_sealed_median: {sealed_median:.3} ms");
    println!(
        "seal_append_sealed_p99: {:.3} ms",
        super::percentile(&sealed, 0.99)
    );
    println!(
        "seal_added_by_sealing: {:.3} ms (target at most 0.05)",
        sealed_median - plain_median
    );
    println!(
        "seal_sealing_alone_median: {:.4} ms",
        super::median(sealing)
    );
    println!(
        "seal_unlock_median: {:.0} ms (5 runs)",
        super::median(unlocks)
    );
}
