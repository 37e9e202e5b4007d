//! The worker area, drawn over the child's screen: the PIN pad, visit start, the controls used
//! during a visit, review and export. The input seam reports the corner hold, and the area opens
//! on the PIN pad (`pin_pad.rs`); only the right PIN goes further. Visits left on the tablet are listed there, and a line on the child's screen
//! tells the worker one is waiting. Each page is a state of [`WorkerPage`]: its entities are
//! built on entering it (and again when what it shows changes) and go when it is left.

mod access;
mod boards_file;
mod child_settings;
mod choices;
mod editor;
mod export;
mod found_visits;
mod home;
mod lock;
mod pin_keys;
mod pin_pad;
mod profiles;
mod record;
mod review;
mod review_item;
mod settings;
mod start;
mod voice_language;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use crate::input::AccessRules;
use bevy::text::EditableText;

use crate::input::WorkerAreaRequested;
use crate::screen::{NavSlot, fill_nav_slot};
use crate::theme::{self, PAGE_BACKGROUND, TEXT_ON_DARK};
use crate::visit::UnfinishedVisits;

pub use crate::input::{CORNER_HOLD, CORNER_PX};
pub use editor::{FileChooser, FileKind};
pub use export::ExportOutcome;
pub use lock::{PinClock, WorkerLock};

pub(super) fn plugin(app: &mut App) {
    app.init_state::<WorkerArea>()
        .add_sub_state::<WorkerPage>()
        // The state machinery is about 30 small systems that run every frame and almost always
        // find nothing to do; on the multi-threaded executor they cost about 0.5 ms a frame on
        // a 2-core tablet (docs/benchmarks.md), one after the other about a tenth of that.
        .edit_schedule(bevy::state::state::StateTransition, |schedule| {
            schedule.set_executor(bevy::ecs::schedule::SingleThreadedExecutor::new());
        })
        .add_systems(PostStartup, offer_unfinished_visits)
        // An adult uses the worker area: the child's hold, dwell and scanning wait outside it.
        .add_systems(
            OnEnter(WorkerArea::Open),
            |mut rules: ResMut<AccessRules>| rules.set_worker_area_open(true),
        )
        .add_systems(
            OnExit(WorkerArea::Open),
            |mut rules: ResMut<AccessRules>| rules.set_worker_area_open(false),
        )
        .add_systems(
            Update,
            show_visit_waiting.run_if(resource_changed::<UnfinishedVisits>),
        )
        .add_observer(open_area)
        .add_plugins((
            lock::plugin,
            pin_pad::plugin,
            found_visits::plugin,
            home::plugin,
            start::plugin,
            review::plugin,
            review_item::plugin,
            export::plugin,
            settings::plugin,
            editor::plugin,
            profiles::plugin,
            child_settings::plugin,
            access::plugin,
            boards_file::plugin,
            record::plugin,
        ))
        .add_plugins(voice_language::plugin);
}

/// Whether the worker area is open. While it is, [`WorkerPage`] says which page shows.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum WorkerArea {
    #[default]
    Closed,
    Open,
}

/// The page of the open worker area. The area always opens on `Pin`, and only the right PIN
/// turns it to `Home`, so every way of closing the area locks it. New pages (profiles, the
/// editor, settings) are new variants with a plugin of their own.
#[derive(SubStates, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[source(WorkerArea = WorkerArea::Open)]
pub enum WorkerPage {
    /// The PIN pad (or, on first use, choosing the PIN).
    #[default]
    Pin,
    /// Choosing a new PIN, from `Home`.
    NewPin,
    /// Visits on the tablet, or the controls of the visit under way.
    Home,
    Start,
    Review,
    Export,
    /// The worker's settings and About.
    Settings,
    /// The vocabulary editor, for the active profile's own boards.
    Editor,
    /// The children's profiles: which one is in use, switching, adding.
    Profiles,
    /// The shown profile's communication details and settings.
    ChildSettings,
    /// How the shown profile's child reaches the controls: touch, dwell, switches.
    Access,
    /// The shown profile's boards in from another AAC app, and out (Open Board Format).
    BoardsFile,
    /// The worker's part of the record for the visit under review.
    Record,
    /// The shown profile's home language and the tablet's voice for it.
    VoiceLanguage,
}

/// Moves the worker area to another page, or closes it.
#[derive(SystemParam)]
pub struct PageTurn<'w> {
    area: ResMut<'w, NextState<WorkerArea>>,
    page: ResMut<'w, NextState<WorkerPage>>,
}

impl PageTurn<'_> {
    pub fn show(&mut self, page: WorkerPage) {
        self.page.set(page);
    }

    /// Hands the tablet back to the child.
    pub fn close(&mut self) {
        self.area.set(WorkerArea::Closed);
    }
}

/// The root of the page on screen; pages rebuild by despawning it and spawning anew.
#[derive(Component)]
pub struct PageRoot;

fn open_area(
    _: On<WorkerAreaRequested>,
    area: Res<State<WorkerArea>>,
    mut next: ResMut<NextState<WorkerArea>>,
) {
    if *area.get() == WorkerArea::Closed {
        next.set(WorkerArea::Open);
    }
}

/// Despawns the page on screen and spawns an empty one for `page`, over everything else and
/// taking every touch; it goes when the page is left.
fn new_page(
    commands: &mut Commands,
    shown: &Query<Entity, With<PageRoot>>,
    page: WorkerPage,
) -> Entity {
    for old in shown {
        commands.entity(old).despawn();
    }
    commands
        .spawn((
            theme::overlay_root("Worker page", PAGE_BACKGROUND, 100, 24.0, AlignItems::Start),
            PageRoot,
            DespawnOnExit(page),
        ))
        .id()
}

/// Says on the child's screen that a visit was left on the tablet, without showing anything of
/// it: the list (with its case references) is only in the worker area, behind the corner hold.
#[derive(Component)]
pub struct VisitWaitingNotice;

fn offer_unfinished_visits(mut commands: Commands, slots: Query<(Entity, &NavSlot)>) {
    fill_nav_slot(
        &mut commands,
        &slots,
        NavSlot::VisitWaiting,
        (
            Name::new("Visit waiting notice"),
            VisitWaitingNotice,
            Node {
                display: Display::None,
                ..default()
            },
            theme::label(
                "Worker: a visit is waiting. Hold the top-left corner.",
                12.0,
                TEXT_ON_DARK,
            ),
        ),
    );
}

fn show_visit_waiting(
    unfinished: Res<UnfinishedVisits>,
    mut notice: Query<&mut Node, With<VisitWaitingNotice>>,
) {
    for mut node in &mut notice {
        node.display = if unfinished.waiting == 0 {
            Display::None
        } else {
            Display::Flex
        };
    }
}

/// The text fields of the worker pages.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    CaseRef,
    Purpose,
    Present,
    Reason,
    Note,
    WorkerName,
    WorkerRole,
    ExportFolder,
    SymbolSearch,
    CellWord,
    CellSays,
    ProfileLabel,
    Communication,
    Supports,
    SelectKeys,
    MoveKeys,
    /// An entry of the worker's part of the record.
    Record,
    /// Who is present now, during a visit.
    PresentNow,
    /// The child's home language, as a BCP 47 tag.
    HomeLanguage,
    /// A cell's word in the child's home language.
    CellTranslation,
}

/// The text typed into a field, trimmed.
pub fn field_text(fields: &Query<(&FormField, &EditableText)>, wanted: FormField) -> String {
    fields
        .iter()
        .find(|(field, _)| **field == wanted)
        .map(|(_, text)| text.value().to_string().trim().to_string())
        .unwrap_or_default()
}
