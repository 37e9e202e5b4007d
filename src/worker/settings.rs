//! The worker's settings page: their name and role for the summary's "Recorded by" line, how
//! long the area stays open with nothing done, and About (version, licences, attribution). The
//! settings are the worker's, not a child's: they are kept in `DATA/worker/settings.ron`.

use bevy::prelude::*;
use bevy::text::EditableText;
use bevy::ui_widgets::observe;

use super::lock::WorkerLock;
use super::{FormField, PageRoot, PageTurn, WorkerPage, field_text, new_page};
use crate::Content;
use crate::input::Activate;
use crate::model::worker_settings::{self, IDLE_LOCK_CHOICES, KEEP_DAYS_CHOICES};
use crate::theme::{body, button, choice_button, filled_text_field, problem, row, title};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SettingsOutcome>()
        .add_systems(OnEnter(WorkerPage::Settings), build_settings)
        .add_systems(
            Update,
            build_settings.run_if(
                resource_changed::<SettingsOutcome>.and_then(in_state(WorkerPage::Settings)),
            ),
        );
}

/// What the last save came to, shown on the page.
#[derive(Resource, Default)]
struct SettingsOutcome(Option<Result<String, String>>);

#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
enum SettingsAction {
    IdleMinutes(u32),
    KeepDays(u32),
    Save,
    Back,
}

fn settings_action(action: SettingsAction) -> impl Bundle {
    (action, observe(press_settings_button))
}

fn build_settings(
    mut commands: Commands,
    shown: Query<Entity, With<PageRoot>>,
    lock: Res<WorkerLock>,
    outcome: Res<SettingsOutcome>,
) {
    let page = new_page(&mut commands, &shown, WorkerPage::Settings);
    let settings = &lock.settings;
    commands.entity(page).with_children(|page| {
        page.spawn(title("Settings"));
        if let Some(why) = &lock.settings_problem {
            page.spawn(problem(format!(
                "The saved settings cannot be read, so the defaults are used: {why}"
            )));
        }
        page.spawn(body(
            "Your name and role, for the summary's \"Recorded by\" line (never the child's):",
        ));
        for (label, name, field, value) in [
            (
                "Name",
                "Worker name field",
                FormField::WorkerName,
                &settings.name,
            ),
            (
                "Role",
                "Worker role field",
                FormField::WorkerRole,
                &settings.role,
            ),
        ] {
            page.spawn(row()).with_children(|line| {
                line.spawn((
                    Node {
                        width: px(80.0),
                        ..default()
                    },
                    children![body(label)],
                ));
                line.spawn(filled_text_field(name, field, 520.0, value));
            });
        }
        let idle = IDLE_LOCK_CHOICES.map(|minutes| {
            (
                format!("Idle lock {minutes} min"),
                format!("{minutes} min"),
                settings.idle_lock().as_secs() == u64::from(minutes) * 60,
                SettingsAction::IdleMinutes(minutes),
            )
        });
        let keep = KEEP_DAYS_CHOICES.map(|days| {
            (
                format!("Keep {days} days"),
                format!("{days} days"),
                settings.keep_days() == days,
                SettingsAction::KeepDays(days),
            )
        });
        // Each choice on one line with what it is for, so the page fits a tablet either way up.
        for (what, choices) in [("Lock after, idle:", idle), ("Warn if not exported:", keep)] {
            page.spawn(row()).with_children(|line| {
                line.spawn((
                    Node {
                        width: px(200.0),
                        ..default()
                    },
                    children![body(what)],
                ));
                for (name, word, chosen, action) in choices {
                    line.spawn(choice_button(name, word, chosen, settings_action(action)));
                }
            });
        }
        page.spawn(body(
            "Export folder for summaries that outlive the visit, outside Hearme's data (empty: \
             kept on the tablet until the visit is deleted):",
        ));
        page.spawn(filled_text_field(
            "Export folder field",
            FormField::ExportFolder,
            740.0,
            &settings.export_folder,
        ));
        match &outcome.0 {
            Some(Ok(said)) => {
                page.spawn((Name::new("Settings saved"), body(said.clone())));
            }
            Some(Err(why)) => {
                page.spawn(problem(why.clone()));
            }
            None => {}
        }
        page.spawn(row()).with_children(|line| {
            line.spawn(button(
                "Save settings button",
                "Save",
                settings_action(SettingsAction::Save),
            ));
            line.spawn(button(
                "Settings back button",
                "Back",
                settings_action(SettingsAction::Back),
            ));
        });
        page.spawn(title("About"));
        page.spawn((Name::new("About"), body(about())));
    });
}

fn about() -> String {
    format!(
        "Hearme {}. Symbols: OpenMoji (openmoji.org), CC BY-SA 4.0. Font: Andika, SIL (SIL \
         Open Font License 1.1). Bundled voice: British English clips made with espeak-ng \
         (tools/make-voice.py). Hearme sends nothing anywhere: everything stays on this tablet until \
         you export it.",
        env!("CARGO_PKG_VERSION")
    )
}

fn press_settings_button(
    activate: On<Activate>,
    actions: Query<&SettingsAction>,
    fields: Query<(&FormField, &EditableText)>,
    mut lock: ResMut<WorkerLock>,
    mut outcome: ResMut<SettingsOutcome>,
    content: Res<Content>,
    mut turn: PageTurn,
) {
    let Ok(action) = actions.get(activate.entity) else {
        return;
    };
    match *action {
        SettingsAction::Back => {
            outcome.0 = None;
            turn.show(WorkerPage::Home);
            return;
        }
        SettingsAction::IdleMinutes(minutes) => lock.settings.idle_lock_minutes = minutes,
        SettingsAction::KeepDays(days) => lock.settings.keep_days = days,
        SettingsAction::Save => {}
    }
    // Typed text is kept with every save, so choosing the idle time loses nothing typed.
    lock.settings.name = field_text(&fields, FormField::WorkerName);
    lock.settings.role = field_text(&fields, FormField::WorkerRole);
    let folder = field_text(&fields, FormField::ExportFolder);
    let saved = match &content.data_dir {
        Some(dir) => {
            let previous = std::mem::replace(&mut lock.settings.export_folder, folder);
            let checked = lock.settings.export_folder(dir).map(|_| ());
            if checked.is_err() {
                lock.settings.export_folder = previous;
            }
            checked.and_then(|()| {
                worker_settings::save(&worker_settings::settings_path(dir), &lock.settings)
            })
        }
        None => Ok(()),
    };
    outcome.0 = Some(match saved {
        Ok(()) => Ok(format!(
            "Saved. The worker area locks after {} min with nothing done.",
            lock.settings.idle_lock().as_secs() / 60
        )),
        Err(why) => Err(format!("The settings could not be saved: {why}")),
    });
}
