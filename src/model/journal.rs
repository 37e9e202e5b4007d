//! Writing a visit's journal so that nothing acknowledged is lost: each line is appended and
//! made durable (fsync) before it counts as saved, through a small [`JournalStorage`] seam that
//! tests replace with a disk that keeps only what was synced. [`BackgroundJournal`] does the
//! same on its own thread for the app. What "acknowledged" means for a tap:
//! docs/journal-format.md, "When a tap is on disk".

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;

use super::seal::{DataKey, seal_line};
use super::session::{
    Event, JOURNAL_EXTENSION, JOURNAL_VERSION, JournalLine, Recovered, timestamp_now, visit_id,
};

/// A visit's key and name, with which each line is sealed before it is written
/// (docs/data-protection.md, "Journals").
#[derive(Clone)]
pub struct LineSeal {
    pub key: Arc<DataKey>,
    pub visit: String,
}

impl LineSeal {
    /// The seal for the journal at `path`, whose name is the visit's.
    pub fn for_journal(key: DataKey, path: &Path) -> LineSeal {
        LineSeal {
            key: Arc::new(key),
            visit: visit_id(path),
        }
    }
}

/// Where a journal's bytes go. A line counts as saved only once `sync` has returned after it.
pub trait JournalStorage: Send + 'static {
    fn append(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// Makes everything appended so far survive a power cut.
    fn sync(&mut self) -> io::Result<()>;
}

impl JournalStorage for File {
    fn append(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.write_all(bytes)
    }

    fn sync(&mut self) -> io::Result<()> {
        self.sync_data()
    }
}

/// Appends events to a journal, one durable line each.
pub struct JournalWriter<S: JournalStorage = File> {
    storage: S,
    path: PathBuf,
    next_seq: u64,
    /// The file may end part-way through a line (a write that failed, or a torn line found on
    /// resume): the next line starts on a line of its own, so it is never glued to that one.
    after_torn_line: bool,
    /// Seals each line; `None` writes plain lines (the v1 format, for fixtures and tools).
    seal: Option<LineSeal>,
}

impl JournalWriter<File> {
    /// Starts a new journal of plain lines; fails if the file exists, so no visit is ever
    /// overwritten.
    pub fn create(path: &Path) -> io::Result<Self> {
        Self::create_sealed(path, None)
    }

    /// Starts a new journal whose lines are sealed with `seal` (plain when `None`).
    pub fn create_sealed(path: &Path, seal: Option<LineSeal>) -> io::Result<Self> {
        let file = OpenOptions::new()
            .append(true)
            .create_new(true)
            .open(path)?;
        sync_parent(path);
        Ok(JournalWriter::on(file, path, 0).sealed_with(seal))
    }

    /// Continues a journal of plain lines after `recovered`.
    pub fn resume(recovered: &Recovered) -> io::Result<Self> {
        Self::resume_sealed(recovered, None)
    }

    /// Continues a journal after `recovered`, sealing new lines with `seal`. A torn last line is
    /// left where it is (it is reported each time the journal is read) and new lines start on a
    /// line of their own.
    pub fn resume_sealed(recovered: &Recovered, seal: Option<LineSeal>) -> io::Result<Self> {
        let file = OpenOptions::new().append(true).open(&recovered.path)?;
        let bytes = std::fs::read(&recovered.path)?;
        let mut writer =
            JournalWriter::on(file, &recovered.path, recovered.next_seq()).sealed_with(seal);
        writer.after_torn_line = bytes.last().is_some_and(|&last| last != b'\n');
        Ok(writer)
    }
}

impl<S: JournalStorage> JournalWriter<S> {
    /// A writer on any storage; `path` names the journal in messages.
    pub fn on(storage: S, path: &Path, next_seq: u64) -> Self {
        JournalWriter {
            storage,
            path: path.to_path_buf(),
            next_seq,
            after_torn_line: false,
            seal: None,
        }
    }

    /// The same writer, sealing each line with `seal` (plain when `None`).
    pub fn sealed_with(mut self, seal: Option<LineSeal>) -> Self {
        self.seal = seal;
        self
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes one event and returns once it is durable.
    pub fn append(&mut self, event: Event) -> io::Result<JournalLine> {
        let line = JournalLine {
            v: JOURNAL_VERSION,
            seq: self.next_seq,
            at: timestamp_now(),
            event,
        };
        self.append_line(&line)?;
        Ok(line)
    }

    /// Writes a line made elsewhere (the app, fixtures, imports) and returns once it is durable;
    /// the sequence continues after it.
    pub fn append_line(&mut self, line: &JournalLine) -> io::Result<()> {
        let mut text = if self.after_torn_line {
            String::from("\n")
        } else {
            String::new()
        };
        let plain = ron::to_string(line).map_err(io::Error::other)?;
        match &self.seal {
            Some(seal) => text.push_str(
                &seal_line(&seal.key, &seal.visit, line.seq, &plain).map_err(io::Error::other)?,
            ),
            None => text.push_str(&plain),
        }
        text.push('\n');
        // Until this write is whole, the file may end part-way through it.
        self.after_torn_line = true;
        self.storage.append(text.as_bytes())?;
        self.after_torn_line = false;
        self.storage.sync()?;
        self.next_seq = self.next_seq.max(line.seq.saturating_add(1));
        Ok(())
    }
}

fn sync_parent(path: &Path) {
    if let Some(parent) = path.parent()
        && let Ok(dir) = File::open(parent)
    {
        let _ = dir.sync_all();
    }
}

/// A name for a new journal in `dir`, starting with the UTC start time so names sort by start;
/// never the name of an existing file.
pub fn new_journal_path(dir: &Path) -> PathBuf {
    let stamp = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    let mut path = dir.join(format!("visit-{stamp}.{JOURNAL_EXTENSION}"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("visit-{stamp}-{n}.{JOURNAL_EXTENSION}"));
        n += 1;
    }
    path
}

enum JournalCommand {
    Append(Box<JournalLine>),
    Flush(mpsc::SyncSender<()>),
}

/// A [`JournalWriter`] on its own thread: the app hands it lines and carries on drawing while
/// each one is written and made durable. Lines are written in the order they were handed over;
/// [`BackgroundJournal::saved`] counts those that are durable.
pub struct BackgroundJournal {
    commands: Option<mpsc::Sender<JournalCommand>>,
    // A Mutex so the app can hold this in shared state (a Receiver alone is not Sync).
    failures: std::sync::Mutex<mpsc::Receiver<String>>,
    saved: Arc<AtomicU64>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl BackgroundJournal {
    pub fn start<S: JournalStorage>(mut writer: JournalWriter<S>) -> io::Result<Self> {
        let (commands, inbox) = mpsc::channel::<JournalCommand>();
        let (report, failures) = mpsc::channel();
        let saved = Arc::new(AtomicU64::new(0));
        let counted = saved.clone();
        let thread = std::thread::Builder::new()
            .name("journal".into())
            .spawn(move || {
                for command in inbox {
                    match command {
                        JournalCommand::Append(line) => match writer.append_line(&line) {
                            Ok(()) => {
                                counted.fetch_add(1, Ordering::Release);
                            }
                            Err(e) => {
                                let _ = report.send(format!(
                                    "{}: line {} could not be saved: {e}",
                                    writer.path().display(),
                                    line.seq
                                ));
                            }
                        },
                        JournalCommand::Flush(done) => {
                            let _ = done.send(());
                        }
                    }
                }
            })?;
        Ok(BackgroundJournal {
            commands: Some(commands),
            failures: std::sync::Mutex::new(failures),
            saved,
            thread: Some(thread),
        })
    }

    pub fn append(&self, line: JournalLine) {
        if let Some(commands) = &self.commands {
            let _ = commands.send(JournalCommand::Append(Box::new(line)));
        }
    }

    /// Waits until every line handed over so far is on disk (or has failed).
    pub fn flush(&self) {
        let (done, wait) = mpsc::sync_channel(1);
        if let Some(commands) = &self.commands
            && commands.send(JournalCommand::Flush(done)).is_ok()
        {
            let _ = wait.recv();
        }
    }

    /// How many of the lines handed over are durable: written and synced.
    pub fn saved(&self) -> u64 {
        self.saved.load(Ordering::Acquire)
    }

    /// Lines that could not be written since the last call, in plain words.
    pub fn failures(&self) -> Vec<String> {
        match self.failures.lock() {
            Ok(failures) => failures.try_iter().collect(),
            Err(_) => Vec::new(),
        }
    }
}

impl Drop for BackgroundJournal {
    fn drop(&mut self) {
        self.commands = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
