//! A cell's photo and recording from the editor: the platform's file dialog (or the microphone)
//! and the work on what it gives (a photo made upright, square, small and free of EXIF; a clip
//! trimmed and normalised: `src/setup.rs`, as the set-up commands do) run off the main thread,
//! so the page never freezes; the outcome comes back to the page, and the board and voice
//! follow. Which dialog is the [`FileChooser`] seam (tests give it a file).

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};

use bevy::prelude::*;

use bevy::ui_widgets::observe;
use bevy::winit::{EventLoopProxy, EventLoopProxyWrapper, WinitUserEvent};

use super::{Editing, Selected};
use crate::Content;
use crate::board::VocabularyChanged;
use crate::input::Activate;
use crate::setup::{CellRef, add_photo, import_voice, record_voice};
use crate::symbol_images::{FindPhotos, PhotosChanged};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FileChooser>()
        .init_resource::<MediaJob>()
        .add_systems(
            Update,
            // Also after the page was left: the board must still show what was saved.
            take_finished_job.before(FindPhotos),
        );
}

/// What the worker is asked to choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Photo,
    Recording,
    /// Boards from another AAC app (`.obf`, `.obz`).
    BoardsIn,
    /// Where to write the profile's boards (`.obz`).
    BoardsOut,
    /// Where to write the profile's boards for printing (`.pdf`).
    BoardsPrint,
}

/// Asks the worker for a file: the platform's own dialog (on Linux the XDG desktop portal). It
/// is called off the main thread; `None` when the worker cancels or there is no dialog.
#[derive(Resource, Clone)]
pub struct FileChooser(pub Arc<dyn Fn(FileKind) -> Option<PathBuf> + Send + Sync>);

impl Default for FileChooser {
    #[cfg(any(target_os = "linux", target_os = "windows", target_os = "macos"))]
    fn default() -> Self {
        FileChooser(Arc::new(|kind| {
            let dialog = rfd::FileDialog::new();
            let dialog = match kind {
                FileKind::Photo => dialog
                    .set_title("A photo for this cell")
                    .add_filter("Photos", &["jpg", "jpeg", "png"]),
                FileKind::Recording => dialog
                    .set_title("A recording for this cell")
                    .add_filter("Recordings", &["wav", "ogg", "mp3"]),
                FileKind::BoardsIn => dialog
                    .set_title("Boards from another AAC app")
                    .add_filter("Open Board Format", &["obz", "obf"]),
                FileKind::BoardsOut => {
                    return dialog
                        .set_title("Where to write the boards")
                        .set_file_name("boards.obz")
                        .add_filter("Open Board Format", &["obz"])
                        .save_file();
                }
                FileKind::BoardsPrint => {
                    return dialog
                        .set_title("Where to write the boards for printing")
                        .set_file_name("boards.pdf")
                        .add_filter("PDF", &["pdf"])
                        .save_file();
                }
            };
            dialog.pick_file()
        }))
    }

    /// Tablets' own pickers are not wired yet: the worker is told to use the set-up commands.
    #[cfg(not(any(target_os = "linux", target_os = "windows", target_os = "macos")))]
    fn default() -> Self {
        FileChooser(Arc::new(|_| None))
    }
}

/// What the worker asked for.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MediaAction {
    ChoosePhoto,
    ChooseRecording,
    /// Three seconds from the microphone.
    Record,
}

const RECORD_SECONDS: u64 = 3;

/// What a job comes to: what to tell the worker, or why nothing changed.
type JobOutcome = Mutex<Receiver<Result<String, String>>>;

/// The one job under way, if any: its board, what it gets, and what comes back.
#[derive(Resource, Default)]
pub(super) struct MediaJob {
    running: Option<(String, FileKind, JobOutcome)>,
}

impl MediaJob {
    pub(super) fn is_running(&self) -> bool {
        self.running.is_some()
    }
}

pub(super) fn media_action(action: MediaAction) -> impl Bundle {
    (action, observe(press_media_button))
}

fn press_media_button(
    activate: On<Activate>,
    actions: Query<&MediaAction>,
    content: Res<Content>,
    chooser: Res<FileChooser>,
    mut job: ResMut<MediaJob>,
    mut editing: ResMut<Editing>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
) {
    let Ok(&action) = actions.get(activate.entity) else {
        return;
    };
    let Some(Selected::Cell(cell)) = editing.selected.clone() else {
        return;
    };
    let board = editing.board_id().to_string();
    let wake = proxy.map(|p| (**p).clone());
    let started = start(action, (&board, &cell), &content, &chooser, &mut job, wake);
    editing.outcome = Some(started);
}

/// Starts the job for the selected cell; the page says what it waits for.
fn start(
    action: MediaAction,
    (board, cell): (&str, &str),
    content: &Content,
    chooser: &FileChooser,
    job: &mut MediaJob,
    wake: Option<EventLoopProxy<WinitUserEvent>>,
) -> Result<String, String> {
    if job.is_running() {
        return Err("Wait for the file or recording asked for first.".into());
    }
    let data = content
        .data_dir
        .clone()
        .ok_or("There is no data folder, so nothing can be kept.")?;
    let (profile, board_id, cell_id) =
        (content.profile.clone(), board.to_string(), cell.to_string());
    let chooser = chooser.0.clone();
    let (sender, receiver) = channel();
    let kind = match action {
        MediaAction::ChoosePhoto => FileKind::Photo,
        MediaAction::ChooseRecording | MediaAction::Record => FileKind::Recording,
    };
    std::thread::spawn(move || {
        let target = CellRef::new(&data, Some(&profile), &board_id, &cell_id);
        let outcome = match action {
            MediaAction::Record => record_voice(&target, RECORD_SECONDS)
                .map(|_| "Recorded; the cell now says it. Saved.".to_string()),
            MediaAction::ChoosePhoto | MediaAction::ChooseRecording => match chooser(kind) {
                None => Err(
                    "No file was chosen (cancelled, or this tablet has no file dialog: use \
                     the set-up commands)."
                        .to_string(),
                ),
                Some(file) if kind == FileKind::Photo => add_photo(&target, &file)
                    .map(|_| "The photo is the cell's picture now. Saved.".to_string()),
                Some(file) => import_voice(&target, &file)
                    .map(|_| "The recording is the cell's voice now. Saved.".to_string()),
            },
        };
        let _ = sender.send(outcome);
        // The app sleeps between inputs: it wakes to show what came of it.
        if let Some(wake) = wake {
            let _ = wake.send_event(WinitUserEvent::WakeUp);
        }
    });
    job.running = Some((board.to_string(), kind, Mutex::new(receiver)));
    Ok(match action {
        MediaAction::Record => format!("Recording for {RECORD_SECONDS} s: speak now."),
        _ => "Choose the file in the dialog.".to_string(),
    })
}

/// Shows what the job came to, and makes the board show the photo or the voice say the clip.
fn take_finished_job(
    mut job: ResMut<MediaJob>,
    mut editing: ResMut<Editing>,
    mut photos: MessageWriter<PhotosChanged>,
    mut voices: MessageWriter<VocabularyChanged>,
) {
    let Some((board, kind, receiver)) = &job.running else {
        return;
    };
    let received = match receiver.lock() {
        Ok(receiver) => receiver.try_recv(),
        Err(_) => Err(std::sync::mpsc::TryRecvError::Disconnected),
    };
    let outcome = match received {
        Ok(outcome) => outcome,
        Err(std::sync::mpsc::TryRecvError::Empty) => return,
        Err(_) => Err("The file or recording could not be taken.".to_string()),
    };
    let (board, kind) = (board.clone(), *kind);
    if outcome.is_ok() {
        match kind {
            FileKind::Photo => {
                photos.write(PhotosChanged);
            }
            FileKind::Recording => {
                voices.write(VocabularyChanged {
                    boards: Some(vec![board]),
                });
            }
            // The boards page's own job (`worker/boards_file.rs`), never this one's.
            FileKind::BoardsIn | FileKind::BoardsOut | FileKind::BoardsPrint => {}
        }
    }
    editing.outcome = Some(outcome.map_err(|why| format!("Not changed: {why}")));
    job.running = None;
}
