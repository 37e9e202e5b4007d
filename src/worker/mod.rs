//! The worker area, drawn over the child's screen: visit start, the controls used during a
//! visit, review and export. Until the PIN lands it opens when a finger holds the top-left
//! corner for 2 s; visits left on the tablet are listed there, and a line on the child's screen
//! tells the worker one is waiting.

mod corner_hold;
mod export;
mod home;
mod review;
mod start;

use std::borrow::Cow;

use bevy::prelude::*;
use bevy::text::EditableText;

use crate::theme::{self, GAP_PX, HIGHLIGHT, TEXT, TEXT_ON_DARK};
use crate::visit::UnfinishedVisits;

pub use corner_hold::{CORNER_HOLD, CORNER_PX};
pub use export::ExportOutcome;

const PAGE_BACKGROUND: Color = Color::srgb(0.96, 0.96, 0.94);
const FIELD_BACKGROUND: Color = Color::srgb(1.0, 1.0, 1.0);
const PROBLEM: Color = Color::srgb(0.65, 0.05, 0.05);
pub const TITLE_PX: f32 = 30.0;
pub const BODY_PX: f32 = 22.0;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<WorkerArea>()
        .add_systems(Startup, spawn_area)
        .add_systems(PostStartup, offer_unfinished_visits)
        .add_systems(
            Update,
            (
                show_or_hide_area
                    .before(PageSystems)
                    .run_if(resource_changed::<WorkerArea>),
                show_visit_waiting.run_if(resource_changed::<UnfinishedVisits>),
            ),
        )
        .add_plugins((
            corner_hold::plugin,
            home::plugin,
            start::plugin,
            review::plugin,
            export::plugin,
        ));
}

/// Whether the worker area is open, and on which page.
#[derive(Resource, Debug, Default)]
pub struct WorkerArea {
    pub open: bool,
    pub page: WorkerPage,
}

impl WorkerArea {
    pub fn show(&mut self, page: WorkerPage) {
        self.open = true;
        self.page = page;
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub enum WorkerPage {
    /// Visits on the tablet, or the controls of the visit under way.
    #[default]
    Home,
    Start,
    Review,
    Export,
}

/// The systems that build the open page.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageSystems;

#[derive(Component)]
pub struct WorkerOverlay;

/// Holds the open page's contents.
#[derive(Component)]
pub struct PageSlot;

fn spawn_area(mut commands: Commands) {
    commands.spawn((
        Name::new("Worker area"),
        WorkerOverlay,
        Node {
            position_type: PositionType::Absolute,
            width: percent(100.0),
            height: percent(100.0),
            display: Display::None,
            padding: UiRect::all(px(24.0)),
            ..default()
        },
        BackgroundColor(PAGE_BACKGROUND),
        // Above the child's screen, and it takes every touch while open.
        GlobalZIndex(100),
        children![(
            Name::new("Worker page"),
            PageSlot,
            Node {
                flex_grow: 1.0,
                flex_direction: FlexDirection::Column,
                align_items: AlignItems::Start,
                row_gap: px(GAP_PX * 2.0),
                ..default()
            },
        )],
    ));
}

/// Says on the child's screen that a visit was left on the tablet, without showing anything of
/// it: the list (with its case references) is only in the worker area, behind the corner hold.
#[derive(Component)]
pub struct VisitWaitingNotice;

fn offer_unfinished_visits(
    mut commands: Commands,
    strip: Query<Entity, With<crate::screen::NavStrip>>,
) {
    let Ok(strip) = strip.single() else { return };
    commands.entity(strip).with_child((
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
    ));
}

fn show_visit_waiting(
    unfinished: Res<UnfinishedVisits>,
    mut notice: Query<&mut Node, With<VisitWaitingNotice>>,
) {
    for mut node in &mut notice {
        node.display = if unfinished.found.is_empty() {
            Display::None
        } else {
            Display::Flex
        };
    }
}

fn show_or_hide_area(area: Res<WorkerArea>, mut overlay: Query<&mut Node, With<WorkerOverlay>>) {
    for mut node in &mut overlay {
        node.display = if area.open {
            Display::Flex
        } else {
            Display::None
        };
    }
}

/// Empties the page slot and returns it, when `page` is the page to show now.
fn page_to_build(
    commands: &mut Commands,
    area: &WorkerArea,
    page: WorkerPage,
    slot: &Query<Entity, With<PageSlot>>,
) -> Option<Entity> {
    if !area.open || area.page != page {
        return None;
    }
    let slot = slot.single().ok()?;
    commands.entity(slot).despawn_related::<Children>();
    Some(slot)
}

pub fn title(text: impl Into<String>) -> impl Bundle {
    (Name::new("Page title"), text_line(text, TITLE_PX, TEXT))
}

pub fn body(text: impl Into<String>) -> impl Bundle {
    text_line(text, BODY_PX, TEXT)
}

pub fn problem(text: impl Into<String>) -> impl Bundle {
    (Name::new("Problem"), text_line(text, BODY_PX, PROBLEM))
}

fn text_line(text: impl Into<String>, size_px: f32, color: Color) -> impl Bundle {
    (
        Text::new(text),
        TextFont {
            font_size: FontSize::Px(size_px),
            ..default()
        },
        TextColor(color),
        Pickable::IGNORE,
    )
}

/// A row of buttons or a label with its field.
pub fn row() -> Node {
    Node {
        flex_direction: FlexDirection::Row,
        align_items: AlignItems::Center,
        column_gap: px(GAP_PX * 2.0),
        flex_wrap: FlexWrap::Wrap,
        row_gap: px(GAP_PX),
        ..default()
    }
}

pub fn action_button<A: Component>(
    name: impl Into<Cow<'static, str>>,
    text: impl Into<String>,
    action: A,
) -> impl Bundle {
    (theme::button(name, text), action)
}

/// One of a set of choices; the chosen one is ticked as well as coloured.
pub fn choice_button<A: Component>(
    name: impl Into<Cow<'static, str>>,
    text: &str,
    chosen: bool,
    action: A,
) -> impl Bundle {
    let (face, ink, shown) = if chosen {
        (HIGHLIGHT, TEXT, format!("✓ {text}"))
    } else {
        (theme::BUTTON, TEXT_ON_DARK, text.to_string())
    };
    (
        Name::new(name),
        Button,
        action,
        theme::button_node(64.0, if chosen { 4.0 } else { 2.0 }),
        BackgroundColor(face),
        BorderColor::all(TEXT),
        theme::PressFeedback {
            normal: face,
            pressed: theme::BUTTON_PRESSED,
        },
        children![theme::label(shown, theme::BUTTON_LABEL_PX, ink)],
    )
}

/// A one-line text field; a tap puts the cursor in it.
pub fn text_field(
    name: impl Into<Cow<'static, str>>,
    field: impl Component,
    width_px: f32,
) -> impl Bundle {
    (
        Name::new(name),
        field,
        EditableText {
            max_characters: Some(300),
            ..default()
        },
        TextFont {
            font_size: FontSize::Px(BODY_PX),
            ..default()
        },
        TextColor(TEXT),
        Node {
            width: px(width_px),
            min_height: px(56.0),
            padding: UiRect::axes(px(12.0), px(12.0)),
            border: UiRect::all(px(2.0)),
            border_radius: BorderRadius::all(px(8.0)),
            ..default()
        },
        BackgroundColor(FIELD_BACKGROUND),
        BorderColor::all(TEXT),
    )
}

/// The text fields of the worker pages.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    CaseRef,
    Purpose,
    Present,
    Reason,
    Note,
}

/// The text typed into a field, trimmed.
pub fn field_text(fields: &Query<(&FormField, &EditableText)>, wanted: FormField) -> String {
    fields
        .iter()
        .find(|(field, _)| **field == wanted)
        .map(|(_, text)| text.value().to_string().trim().to_string())
        .unwrap_or_default()
}
