//! The visit being recorded: its header, every symbol chosen and message spoken (the child's, or
//! the worker's while modelling), notes, marks and redactions, appended to the journal on a
//! writer thread so that saving never stalls a frame.

use std::io;
use std::path::{Path, PathBuf};

use bevy::prelude::*;

use crate::Content;
use crate::keys::Keys;
use crate::message_bar::{SpeakRequested, WordChosen};
use crate::model::audit::{self, Audited};
use crate::model::journal::{BackgroundJournal, JournalWriter, LineSeal, new_journal_path};
use crate::model::keyring::Keyring;
use crate::model::session::{
    Actor, Event, FoundVisit, JOURNAL_VERSION, JournalLine, Recovered, SkippedLine, journals_in,
    timestamp_now, visit_id,
};
use crate::model::visits::{describe_visit, seal_plain_journals};
use crate::voice::VoiceOutput;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Visit>()
        .init_resource::<UnfinishedVisits>()
        .add_observer(journal_access_used)
        .add_systems(Startup, count_waiting_visits)
        .add_systems(
            Update,
            list_visits_when_unlocked.run_if(resource_changed::<Keys>),
        )
        .add_systems(
            Update,
            (
                journal_chosen_words,
                journal_spoken_messages,
                collect_save_failures,
            ),
        );
}

/// The visit on this tablet now, if one is being recorded or reviewed.
#[derive(Resource, Default)]
pub struct Visit {
    recording: Option<Recording>,
    /// While on, taps are the worker's own (modelling), kept apart from the child's words.
    pub modelling: bool,
    /// Lines that could not be saved, in plain words, for the worker to see.
    pub problems: Vec<String>,
}

struct Recording {
    path: PathBuf,
    lines: Vec<JournalLine>,
    skipped: Vec<SkippedLine>,
    next_seq: u64,
    /// `VisitEnded` is in the journal: from then on only the worker's review is recorded.
    ended: bool,
    /// Opened from the tablet's list for review and export: like an ended visit, the board
    /// records nothing until the worker resumes it.
    review_only: bool,
    /// The line of a damaged `VisitStarted`, kept so an export says so.
    damaged_header: Option<usize>,
    journal: BackgroundJournal,
    /// The data folder, whose audit trail notes when the visit started, resumed and ended.
    data_dir: Option<PathBuf>,
}

/// Notes a visit's step in the audit trail of the data folder its journal is in
/// (`DATA/sessions/<visit>.journal`); a trail that cannot be written never stops a visit.
fn audit_step(data_dir: Option<&Path>, what: Audited, journal: &Path) {
    if let Some(data_dir) = data_dir {
        let _ = audit::record(data_dir, what, Some(&visit_id(journal)));
    }
}

impl Visit {
    /// Starts a new journal in `sessions` (`DATA/sessions`) with the visit header as its first
    /// line, every line sealed under a new key of the visit's own, kept in `ring`.
    pub fn start(&mut self, sessions: &Path, header: Event, ring: &Keyring) -> io::Result<PathBuf> {
        std::fs::create_dir_all(sessions)?;
        let path = new_journal_path(sessions);
        let key = ring
            .new_visit_key(&visit_id(&path))
            .map_err(io::Error::other)?;
        let seal = LineSeal::for_journal(key, &path);
        let journal = BackgroundJournal::start(JournalWriter::create_sealed(&path, Some(seal))?)?;
        let data_dir = sessions.parent().map(Path::to_path_buf);
        audit_step(data_dir.as_deref(), Audited::VisitStarted, &path);
        self.recording = Some(Recording {
            path: path.clone(),
            lines: Vec::new(),
            skipped: Vec::new(),
            next_seq: 0,
            ended: false,
            review_only: false,
            damaged_header: None,
            journal,
            data_dir,
        });
        self.modelling = false;
        self.record(header);
        Ok(path)
    }

    /// Carries on with a journal found on the tablet (after a crash, or a visit not yet
    /// exported), sealing new lines with `seal`, its visit's key.
    pub fn resume(&mut self, recovered: Recovered, seal: Option<LineSeal>) -> io::Result<()> {
        let journal = BackgroundJournal::start(JournalWriter::resume_sealed(&recovered, seal)?)?;
        let data_dir = recovered
            .path
            .parent()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let next_seq = recovered.next_seq();
        let ended = recovered.is_ended();
        let damaged_header = recovered.damaged_header;
        self.recording = Some(Recording {
            path: recovered.path,
            lines: recovered.lines,
            skipped: recovered.skipped,
            next_seq,
            ended,
            review_only: false,
            damaged_header,
            journal,
            data_dir,
        });
        self.modelling = false;
        Ok(())
    }

    /// Opens a journal found on the tablet for review and export only: nothing the child taps
    /// is recorded until [`Visit::resume_recording`].
    pub fn open_for_review(
        &mut self,
        recovered: Recovered,
        seal: Option<LineSeal>,
    ) -> io::Result<()> {
        self.resume(recovered, seal)?;
        if let Some(recording) = &mut self.recording {
            recording.review_only = true;
        }
        Ok(())
    }

    /// Records the visit opened for review again, as Resume does.
    pub fn resume_recording(&mut self) {
        if let Some(recording) = &mut self.recording {
            recording.review_only = false;
        }
    }

    pub fn is_review_only(&self) -> bool {
        self.recording.as_ref().is_some_and(|r| r.review_only)
    }

    /// Appends an event and returns its sequence number; does nothing when no visit is being
    /// recorded (the child can still use every screen).
    pub fn record(&mut self, event: Event) -> Option<u64> {
        // Once the visit has ended only the worker's review goes on: marks, strike-outs, notes.
        let review_only = matches!(
            event,
            Event::Marked { .. }
                | Event::Redacted { .. }
                | Event::Restored { .. }
                | Event::WorkerNote { .. }
                | Event::WorkerRecord { .. }
        );
        if (self.has_ended() || self.is_review_only()) && !review_only {
            return None;
        }
        let recording = self.recording.as_mut()?;
        let line = JournalLine {
            v: JOURNAL_VERSION,
            seq: recording.next_seq,
            at: timestamp_now(),
            event,
        };
        recording.next_seq += 1;
        if matches!(line.event, Event::VisitEnded) {
            recording.ended = true;
            audit_step(
                recording.data_dir.as_deref(),
                Audited::VisitEnded,
                &recording.path,
            );
        }
        recording.journal.append(line.clone());
        recording.lines.push(line);
        Some(recording.next_seq - 1)
    }

    /// Who the next tap belongs to.
    pub fn actor(&self) -> Actor {
        if self.modelling {
            Actor::Worker
        } else {
            Actor::Child
        }
    }

    pub fn is_recording(&self) -> bool {
        self.recording.is_some()
    }

    pub fn has_ended(&self) -> bool {
        self.recording.as_ref().is_some_and(|r| r.ended)
    }

    pub fn lines(&self) -> &[JournalLine] {
        self.recording.as_ref().map_or(&[], |r| &r.lines)
    }

    pub fn journal_path(&self) -> Option<&Path> {
        self.recording.as_ref().map(|r| r.path.as_path())
    }

    /// Who is present now: the latest change, else those present at the start.
    pub fn present(&self) -> Vec<String> {
        let struck = crate::model::session::redacted_in(self.lines());
        self.lines()
            .iter()
            .rev()
            .filter(|line| !struck.contains(&line.seq))
            .find_map(|line| match &line.event {
                Event::PresentChanged { present } | Event::VisitStarted { present, .. } => {
                    Some(present.clone())
                }
                _ => None,
            })
            .unwrap_or_default()
    }

    pub fn case_ref(&self) -> Option<&str> {
        self.lines().iter().find_map(|line| match &line.event {
            Event::VisitStarted { case_ref, .. } => Some(case_ref.as_str()),
            _ => None,
        })
    }

    /// Waits until every event so far is on disk.
    pub fn flush(&self) {
        if let Some(recording) = &self.recording {
            recording.journal.flush();
        }
    }

    /// The visit as its journal holds it, once everything so far is on disk.
    pub fn recovered(&self) -> Option<Recovered> {
        let recording = self.recording.as_ref()?;
        recording.journal.flush();
        Some(Recovered {
            path: recording.path.clone(),
            lines: recording.lines.clone(),
            skipped: recording.skipped.clone(),
            damaged_header: recording.damaged_header,
        })
    }

    /// Stops recording (the journal stays on disk until an export deletes it).
    pub fn close(&mut self) {
        self.recording = None;
        self.modelling = false;
    }
}

/// Journals found on the tablet: visits never exported, perhaps cut short by a crash or a flat
/// battery. Before the PIN only how many are there is known (their lines are sealed); once the
/// keys are unlocked, what each one is.
#[derive(Resource, Default, Debug, Clone)]
pub struct UnfinishedVisits {
    /// Journals in `sessions/` at start-up.
    pub waiting: usize,
    pub found: Vec<FoundVisit>,
    /// Journals that could not be read or sealed, in plain words.
    pub problems: Vec<String>,
}

/// The data folder's `sessions/`.
pub fn sessions_dir(content: &Content) -> Option<PathBuf> {
    content.data_dir.as_ref().map(|dir| dir.join("sessions"))
}

/// The data folder's `exports/`.
pub fn exports_dir(content: &Content) -> Option<PathBuf> {
    content.data_dir.as_ref().map(|dir| dir.join("exports"))
}

fn count_waiting_visits(content: Res<Content>, mut unfinished: ResMut<UnfinishedVisits>) {
    if let Some(dir) = sessions_dir(&content) {
        unfinished.waiting = journals_in(&dir).map_or(0, |found| found.len());
    }
}

/// On unlock, seals the journals written before sealing came in, then lists every visit on the
/// tablet; on lock, forgets the list (its case references are behind the PIN).
fn list_visits_when_unlocked(
    keys: Res<Keys>,
    content: Res<Content>,
    visit: Res<Visit>,
    mut unfinished: ResMut<UnfinishedVisits>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    // The page that lists them may have been built this frame: one more frame shows them.
    redraw.write(bevy::window::RequestRedraw);
    unfinished.found.clear();
    unfinished.problems.clear();
    let (Some(ring), Some(dir)) = (keys.ring(), sessions_dir(&content)) else {
        return;
    };
    let open = visit.journal_path().map(Path::to_path_buf);
    let (sealed, problems) = seal_plain_journals(ring, &dir, open.as_deref());
    unfinished.problems = problems;
    if sealed > 0
        && let Some(data_dir) = &content.data_dir
    {
        let _ = audit::record(data_dir, Audited::Sealed, None);
    }
    for path in journals_in(&dir).unwrap_or_default() {
        if Some(&path) == open.as_ref() {
            continue;
        }
        match describe_visit(ring, &path) {
            Ok(found) => unfinished.found.push(found),
            Err(why) => unfinished.problems.push(why),
        }
    }
    unfinished.waiting = unfinished.found.len();
}

/// Each chosen word goes into the journal; one its board marks as a concern is followed by a
/// `Concern` for the summary (nothing on the child's screen changes).
/// The first time in a visit the child chooses something by dwell, switch scanning or the
/// keyboard, the journal says so: the summary lists the supports actually used.
fn journal_access_used(
    activate: On<crate::input::Activate>,
    rules: Res<crate::input::AccessRules>,
    mut visit: ResMut<Visit>,
) {
    let how = activate.via;
    if how == crate::input::AccessMethod::Touch || !rules.for_the_child() {
        return;
    }
    let noted = visit
        .lines()
        .iter()
        .any(|l| matches!(l.event, Event::AccessUsed { how: used } if used == how));
    if !noted {
        visit.record(Event::AccessUsed { how });
    }
}

fn journal_chosen_words(
    mut chosen: MessageReader<WordChosen>,
    mut visit: ResMut<Visit>,
    content: Res<crate::Content>,
) {
    for WordChosen(item) in chosen.read() {
        let seq = visit.record(Event::SymbolChosen {
            board: item.board.clone(),
            cell: item.cell.clone(),
            label: item.word.clone(),
            by: item.by,
            symbol: Some(item.symbol.clone()),
        });
        let cell = content
            .vocabulary
            .board(&item.board)
            .and_then(|b| b.cell(&item.cell));
        if let (Some(seq), Some(true)) = (seq, cell.map(|c| c.concern)) {
            visit.record(Event::Concern { seq });
        }
    }
}

fn journal_spoken_messages(
    mut spoken: MessageReader<SpeakRequested>,
    mut visit: ResMut<Visit>,
    output: Option<Res<VoiceOutput>>,
    content: Res<crate::Content>,
    speech: Option<Res<crate::voice::SystemSpeech>>,
) {
    // The home-language words are the platform voice's: without it ready, the bundled English
    // clips said the message, and the record says so.
    let home_heard = speech.is_some_and(|speech| speech.is_available());
    // Without a sound device the message is shown, not heard, and the summary says so.
    let silent = !output.is_some_and(|output| output.has_sound());
    for message in spoken.read() {
        let by = visit.actor();
        let text = message
            .items
            .iter()
            .map(|item| item.spoken.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let items = &message.items;
        visit.record(Event::MessageSpoken {
            text,
            symbols: items.iter().map(|item| item.cell.clone()).collect(),
            by,
            chosen_by: items.iter().map(|item| item.by).collect(),
            pictures: items.iter().map(|item| item.symbol.clone()).collect(),
            silent,
            home_language: content.settings.home().map(str::to_string),
            untranslated: match content.settings.home() {
                Some(_) => (0..items.len())
                    .filter(|&i| items[i].language.is_none() || !home_heard)
                    .collect(),
                None => Vec::new(),
            },
        });
    }
}

fn collect_save_failures(mut visit: ResMut<Visit>) {
    let failures = match &visit.recording {
        Some(recording) => recording.journal.failures(),
        None => return,
    };
    if !failures.is_empty() {
        visit.problems.extend(failures);
    }
}
