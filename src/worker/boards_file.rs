//! The shown profile's boards in and out (docs/obf.md): import an `.obf` or `.obz` from another
//! AAC app as the profile's vocabulary, or export every board, picture and recording as an
//! `.obz`, or print them as a PDF to leave with the child (docs/print.md). The file dialog and the
//! work run off the main thread, as the editor's media do; the report comes back to the page and
//! the child's screens follow an import at once.

use std::sync::Mutex;
use std::sync::mpsc::{Receiver, channel};

use bevy::prelude::*;
use bevy::ui_widgets::observe;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};

use super::{FileChooser, FileKind, PageRoot, PageTurn, WorkerPage, new_page};
use crate::Content;
use crate::board::VocabularyChanged;
use crate::input::Activate;
use crate::model::profile::DEFAULT_PROFILE;
use crate::screen::ProfileSwitched;
use crate::symbol_images::PhotosChanged;
use crate::theme::{body, button, problem, row, title};
use crate::visit::Visit;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<BoardsOutcome>()
        .init_resource::<BoardsJob>()
        .add_systems(OnEnter(WorkerPage::BoardsFile), build_page)
        .add_systems(
            Update,
            (
                take_finished_job,
                build_page.run_if(
                    resource_changed::<BoardsOutcome>.and_then(in_state(WorkerPage::BoardsFile)),
                ),
            )
                .chain(),
        );
}

/// The last import's or export's report, or why it was refused.
#[derive(Resource, Default)]
struct BoardsOutcome(Option<Done>);

/// What an import or export comes to: its report, or why nothing changed.
type Done = Result<Vec<String>, String>;

/// The import or export under way: whether it imports, and what comes back.
#[derive(Resource, Default)]
struct BoardsJob(Option<(bool, Mutex<Receiver<Done>>)>);

#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Import,
    Export,
    Print,
    Back,
}

/// Report lines shown on the page; the rest are counted.
const SHOWN_LINES: usize = 14;

fn build_page(
    mut commands: Commands,
    shown: Query<Entity, With<PageRoot>>,
    content: Res<Content>,
    outcome: Res<BoardsOutcome>,
    job: Res<BoardsJob>,
) {
    let page = new_page(&mut commands, &shown, WorkerPage::BoardsFile);
    let label = content.profile.clone();
    commands.entity(page).with_children(|page| {
        page.spawn(title(format!(
            "Boards of profile {label}: in, out, on paper"
        )));
        page.spawn(body(
            "Import replaces this profile's boards, photos and recordings with those of an .obf \
             or .obz file from another AAC app (Cboard, CoughDrop, AsTeRICS Grid). What it \
             replaces is kept until the next import. Export writes them all as an .obz. Print \
             writes them as a PDF, one board a page as the tablet shows them, for the child to \
             keep when the tablet leaves.",
        ));
        page.spawn(row()).with_children(|line| {
            line.spawn(button(
                "Import boards button",
                "Import from a file…",
                act(Action::Import),
            ));
            line.spawn(button(
                "Export boards button",
                "Export to a file…",
                act(Action::Export),
            ));
            line.spawn(button(
                "Print boards button",
                "Print to a PDF…",
                act(Action::Print),
            ));
            line.spawn(button("Boards back button", "Back", act(Action::Back)));
        });
        let lines = match (&outcome.0, &job.0) {
            (_, Some(_)) => vec![Ok("Working: choose the file in the dialog.".to_string())],
            (Some(Ok(lines)), None) => lines.iter().cloned().map(Ok).collect(),
            (Some(Err(why)), None) => vec![Err(why.clone())],
            (None, None) => Vec::new(),
        };
        let hidden = lines.len().saturating_sub(SHOWN_LINES);
        page.spawn((
            Name::new("Boards report"),
            Node {
                flex_direction: FlexDirection::Column,
                ..default()
            },
        ))
        .with_children(|report| {
            for line in lines.into_iter().take(SHOWN_LINES) {
                match line {
                    Ok(said) => report.spawn(body(said)),
                    Err(why) => report.spawn(problem(why)),
                };
            }
            if hidden > 0 {
                report.spawn(body(format!(
                    "… and {hidden} more (`hearme import` on the command line prints them all)."
                )));
            }
        });
    });
}

fn act(action: Action) -> impl Bundle {
    (action, observe(press))
}

fn press(
    activate: On<Activate>,
    actions: Query<&Action>,
    (content, chooser, visit): (Res<Content>, Res<FileChooser>, Res<Visit>),
    mut job: ResMut<BoardsJob>,
    mut outcome: ResMut<BoardsOutcome>,
    mut turn: PageTurn,
    proxy: Option<Res<EventLoopProxyWrapper>>,
) {
    let Ok(&action) = actions.get(activate.entity) else {
        return;
    };
    if action == Action::Back {
        outcome.0 = None;
        turn.show(WorkerPage::ChildSettings);
        return;
    }
    let importing = action == Action::Import;
    let refused = |why: &str| Some(Err(why.to_string()));
    outcome.0 = if job.0.is_some() {
        refused("Wait for the file asked for first.")
    } else if importing && visit.is_recording() {
        refused("A visit with this profile is open: finish it before its boards change.")
    } else if importing && content.profile == DEFAULT_PROFILE {
        refused(
            "The built-in profile's boards never change: add a child's profile and import into it.",
        )
    } else if let Some(data) = content.data_dir.clone() {
        let (profile, chooser) = (content.profile.clone(), chooser.0.clone());
        let shown = content.clone();
        let wake = proxy.map(|p| (**p).clone());
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let kind = match action {
                Action::Import => FileKind::BoardsIn,
                Action::Print => FileKind::BoardsPrint,
                _ => FileKind::BoardsOut,
            };
            let done = match chooser(kind) {
                None => Err("No file was chosen (cancelled, or this tablet has no file dialog: use `hearme import`).".to_string()),
                Some(file) if importing => crate::obf_cli::import(&data, &file, Some(&profile), None),
                Some(file) if action == Action::Print => crate::print_cli::print_to(&shown, &file),
                Some(file) => crate::obf_cli::export_content(&shown, None, &file),
            };
            let _ = sender.send(done);
            if let Some(wake) = wake {
                let _ = wake.send_event(WinitUserEvent::WakeUp);
            }
        });
        job.0 = Some((importing, Mutex::new(receiver)));
        None
    } else {
        refused("There is no data folder on this tablet.")
    };
}

/// Shows what the job came to; after an import the child's screens show the new boards.
fn take_finished_job(
    mut job: ResMut<BoardsJob>,
    mut outcome: ResMut<BoardsOutcome>,
    mut content: ResMut<Content>,
    mut switched: MessageWriter<ProfileSwitched>,
    mut changed: MessageWriter<VocabularyChanged>,
    mut photos: MessageWriter<PhotosChanged>,
) {
    let Some((importing, receiver)) = &job.0 else {
        return;
    };
    let received = match receiver.lock() {
        Ok(receiver) => receiver.try_recv(),
        Err(_) => Err(std::sync::mpsc::TryRecvError::Disconnected),
    };
    let done = match received {
        Ok(done) => done,
        Err(std::sync::mpsc::TryRecvError::Empty) => return,
        Err(_) => Err("The import or export stopped before it finished; nothing changed.".into()),
    };
    if *importing && done.is_ok() {
        let label = content.profile.clone();
        *content = content.switched_to(Some(&label));
        switched.write(ProfileSwitched);
        changed.write(VocabularyChanged { boards: None });
        photos.write(PhotosChanged);
    }
    job.0 = None;
    outcome.0 = Some(done);
}
