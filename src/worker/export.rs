//! Export: one tap writes every summary format into the exports folder and puts the text summary
//! on the clipboard; once the worker confirms, the visit is deleted from the tablet and the
//! summary's footer says so.

use std::path::PathBuf;

use bevy::clipboard::Clipboard;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::ui_widgets::observe;

use super::lock::WorkerLock;
use super::review::ExportRequested;
use super::{PageRoot, PageTurn, WorkerPage, new_page};
use crate::Content;
use crate::input::Activate;
use crate::keys::Keys;
use crate::model::audit::{self, Audited};
use crate::model::export::{Exported, SummaryFormat, VisitExport, kept_on_tablet};
use crate::model::session::visit_id;
use crate::model::summary::picture::PictureRef;
use crate::model::visits::open_visit;
use crate::theme::{body, button, problem, row, title};
use crate::visit::{Visit, exports_dir};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ExportOutcome>()
        .add_systems(OnEnter(WorkerPage::Export), build_export)
        .add_systems(
            Update,
            build_export
                .run_if(in_state(WorkerPage::Export).and_then(resource_changed::<ExportOutcome>)),
        )
        .add_observer(export_visit);
}

/// What the last export did, as the export page shows it.
#[derive(Resource, Debug, Default, Clone)]
pub struct ExportOutcome {
    pub files: Vec<PathBuf>,
    /// `None` once the text is on the clipboard, else why it is not.
    pub clipboard_problem: Option<String>,
    pub problem: Option<String>,
    pub journal_deleted: bool,
    /// Whether the files are sealed on the tablet (no export folder chosen).
    pub sealed: bool,
}

#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportAction {
    DeleteFromTablet,
    BackToReview,
    Done,
}

/// What an export reads of the tablet: the data folder, the keys, the worker's settings.
#[derive(SystemParam)]
struct Tablet<'w> {
    content: Res<'w, Content>,
    keys: Res<'w, Keys>,
    lock: Res<'w, WorkerLock>,
}

/// Writes every format; or, when `delete` (the worker confirmed after an export), destroys the
/// visit's key and deletes its journal and its summary files in the exports folder, keeping only
/// the text whose footer says so, for the clipboard (docs/data-protection.md, "Deleting").
fn write_summaries(visit: &mut Visit, tablet: &Tablet, delete: bool) -> Result<Exported, String> {
    let (content, keys, lock) = (&*tablet.content, &*tablet.keys, &*tablet.lock);
    let recovered = visit
        .recovered()
        .ok_or_else(|| "There is no visit to export.".to_string())?;
    let own = exports_dir(content)
        .ok_or_else(|| "There is no data folder to export into.".to_string())?;
    // A folder the worker chose outside the data folder keeps the summaries after the visit is
    // deleted, their footers saying so; the app's own folder loses them with it.
    let chosen = match &content.data_dir {
        Some(data) => lock.settings.export_folder(data)?,
        None => None,
    };
    let out_dir = chosen.clone().unwrap_or(own);
    let data_dir = content.data_dir.as_deref();
    let name = visit_id(&recovered.path);
    let key_file = keys.ring().and_then(|ring| ring.visit_key_file(&name).ok());
    // Summaries kept in the data folder are sealed under the visit's key like its journal.
    let key = keys
        .ring()
        .filter(|_| kept_on_tablet(data_dir, &out_dir))
        .and_then(|ring| ring.visit_key(&name).ok().flatten());
    let audit_step = |what| {
        if let Some(data_dir) = data_dir {
            let _ = audit::record(data_dir, what, Some(&name));
        }
    };
    if !delete {
        audit_step(Audited::Exported);
    }
    let zone = jiff::tz::TimeZone::system();
    let export = VisitExport {
        journal: &recovered.path,
        recovered: &recovered,
        out_dir: &out_dir,
        zone: &zone,
        key_file: key_file.as_deref().filter(|file| file.exists()),
        trail: data_dir.map_or_else(Vec::new, |dir| audit::for_visit(dir, &name)),
        seal: key.as_ref(),
    };
    let picture_of = |tile: &PictureRef| content.symbol_picture(tile);
    if delete {
        // The journal file is closed before it is deleted (some systems refuse to delete an
        // open file), and reopened if anything fails, so the visit can still be reviewed.
        visit.close();
        let exported = match chosen {
            Some(_) => export.write_and_delete_journal(&SummaryFormat::WITH_FOOTER, &picture_of),
            None => export.delete_with_summaries(),
        };
        match &exported {
            Ok(_) => audit_step(Audited::Deleted),
            Err(_) => {
                if let Some(ring) = keys.ring()
                    && let Ok(opened) = open_visit(ring, &recovered.path)
                {
                    let _ = visit.open_for_review(opened.recovered, opened.seal);
                }
            }
        }
        exported.map_err(|e| e.to_string())
    } else {
        export
            .write(&SummaryFormat::ALL, false, &picture_of)
            .map_err(|e| e.to_string())
    }
}

fn copy_to_clipboard(clipboard: &mut Clipboard, text: String) -> Option<String> {
    clipboard.set_text(text).err().map(|e| {
        format!(
            "The summary could not be copied to the clipboard ({e}); open the .txt file instead."
        )
    })
}

fn export_visit(
    _: On<ExportRequested>,
    tablet: Tablet,
    mut visit: ResMut<Visit>,
    mut clipboard: ResMut<Clipboard>,
    mut outcome: ResMut<ExportOutcome>,
    mut turn: PageTurn,
) {
    *outcome = match write_summaries(&mut visit, &tablet, false) {
        Ok(exported) => ExportOutcome {
            clipboard_problem: copy_to_clipboard(&mut clipboard, exported.text),
            files: exported.files,
            sealed: exported.sealed,
            ..default()
        },
        Err(text) => ExportOutcome {
            problem: Some(text),
            ..default()
        },
    };
    turn.show(WorkerPage::Export);
}

fn export_action(action: ExportAction) -> impl Bundle {
    (action, observe(press_export_button))
}

fn build_export(
    mut commands: Commands,
    shown: Query<Entity, With<PageRoot>>,
    outcome: Res<ExportOutcome>,
) {
    let slot = new_page(&mut commands, &shown, WorkerPage::Export);
    commands.entity(slot).with_children(|page| {
        if let Some(text) = &outcome.problem {
            page.spawn(title("The summary was not exported"));
            page.spawn(problem(text.clone()));
        } else {
            page.spawn(title("Summary exported"));
            if !outcome.files.is_empty() {
                page.spawn(body(if outcome.sealed {
                    "Kept on this tablet, sealed under the visit's key, until the visit is \
                     deleted (choose an export folder in Settings for files to copy off):"
                } else {
                    "Written to:"
                }));
            }
            for file in &outcome.files {
                page.spawn(body(format!("  {}", file.display())));
            }
            page.spawn(body(match &outcome.clipboard_problem {
                None => "The text summary is on the clipboard: paste it into the case record."
                    .to_string(),
                Some(text) => text.clone(),
            }));
        }
        if outcome.journal_deleted {
            page.spawn(body(if outcome.files.is_empty() {
                "The visit is deleted from this tablet: its key destroyed first, then its \
                 journal and its summary files. The text summary on the clipboard ends by \
                 saying so."
            } else {
                "The visit is deleted from this tablet: its key destroyed first, then its \
                 journal. The summaries above stay in your export folder, their last line \
                 saying so."
            }));
            page.spawn(button(
                "Done button",
                "Done",
                export_action(ExportAction::Done),
            ));
        } else if outcome.problem.is_some() {
            // Deleting is offered only once every format is written and read back.
            page.spawn(body(
                "The visit stays on this tablet. Put the problem right, then export again.",
            ));
            page.spawn(button(
                "Back to review button",
                "Back to review",
                export_action(ExportAction::BackToReview),
            ));
        } else {
            page.spawn(body(if outcome.sealed {
                "Once the summary is pasted into the case record, delete the visit from this \
                 tablet: its sealed summaries go with it."
            } else {
                "Once the summary is safely in the case record (pasted, or the files copied \
                 off), delete the visit from this tablet: the summaries in your export folder \
                 stay."
            }));
            page.spawn((
                row(),
                children![
                    button(
                        "Delete from tablet button",
                        "Delete the visit from this tablet",
                        export_action(ExportAction::DeleteFromTablet),
                    ),
                    button(
                        "Back to review button",
                        "Back to review",
                        export_action(ExportAction::BackToReview),
                    ),
                ],
            ));
        }
    });
}

fn press_export_button(
    activate: On<Activate>,
    actions: Query<&ExportAction>,
    tablet: Tablet,
    mut visit: ResMut<Visit>,
    mut clipboard: ResMut<Clipboard>,
    mut outcome: ResMut<ExportOutcome>,
    mut turn: PageTurn,
) {
    let Ok(action) = actions.get(activate.entity) else {
        return;
    };
    match action {
        ExportAction::DeleteFromTablet => {
            match write_summaries(&mut visit, &tablet, true) {
                Ok(exported) => {
                    *outcome = ExportOutcome {
                        clipboard_problem: copy_to_clipboard(&mut clipboard, exported.text),
                        // Files kept in a folder outside the data folder are listed again.
                        files: exported.files,
                        journal_deleted: true,
                        ..default()
                    };
                }
                Err(text) => outcome.problem = Some(text),
            }
        }
        ExportAction::BackToReview => turn.show(WorkerPage::Review),
        // The visit was closed when its journal was deleted, and the child's screen started
        // afresh then (`screen.rs`).
        ExportAction::Done => {
            *outcome = ExportOutcome::default();
            turn.close();
        }
    }
}
