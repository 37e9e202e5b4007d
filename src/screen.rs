//! The child's screen frame: message bar on top, the board grid, and the nav strip, which sits
//! on the left in landscape and along the bottom in portrait so cells stay big either way.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use bevy::ui_widgets::observe;

use crate::activity::{ActivityScreen, ShowActivity};
use crate::board::{Navigation, ShowBoard};
use crate::input::Activate;
use crate::message_bar::{Message, MessageSystems};
use crate::theme::{self, GAP_PX, MESSAGE_BAR_PX, NAV_STRIP_PX};
use crate::visit::Visit;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ProfileSwitched>()
        .add_systems(Startup, spawn_screen)
        .add_systems(
            Update,
            (
                follow_orientation,
                // Before the screens are built from what it resets, so they show it in this frame.
                start_afresh_for_each_visit
                    .run_if(visit_or_profile_changed)
                    .before(ShowBoard)
                    .before(MessageSystems)
                    .before(ShowActivity),
            ),
        );
}

/// The worker switched the child's screens to another profile (`Content` is replaced): they
/// start afresh, as for a new visit, and what was loaded for the last profile is loaded anew.
#[derive(Message, Debug, Clone)]
pub struct ProfileSwitched;

#[derive(Component)]
pub struct ScreenRoot;

/// Holds the nav strip and the board grid side by side (landscape) or stacked (portrait).
#[derive(Component)]
pub struct BoardArea;

#[derive(Component)]
pub struct NavStrip;

/// The slot the board plugin fills with the current board's grid.
#[derive(Component)]
pub struct GridSlot;

/// The slot the message bar plugin fills.
#[derive(Component)]
pub struct MessageBarSlot;

#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub enum NavAction {
    Home,
    Back,
}

/// The places in the nav strip that other features fill, in the order they show: each starts
/// hidden and empty, and the feature that owns it inserts its button or notice into it
/// ([`fill_nav_slot`]), so no feature depends on another's place or on plugin order.
#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub enum NavSlot {
    Feelings,
    Activities,
    /// The modelling badge (after the symbol credit, at the far end, like the notices).
    Modelling,
    VisitWaiting,
    NoSound,
}

/// Puts `contents` into the nav strip's `slot`; the contents bring their own `Node`.
pub fn fill_nav_slot(
    commands: &mut Commands,
    slots: &Query<(Entity, &NavSlot)>,
    slot: NavSlot,
    contents: impl Bundle,
) {
    if let Some((entity, _)) = slots.iter().find(|(_, s)| **s == slot) {
        commands.entity(entity).insert(contents);
    }
}

fn empty_slot(slot: NavSlot) -> impl Bundle {
    (
        Name::new(format!("{slot:?} slot")),
        slot,
        Node {
            display: Display::None,
            ..default()
        },
    )
}

fn go(activate: On<Activate>, actions: Query<&NavAction>, mut navigation: ResMut<Navigation>) {
    match actions.get(activate.entity) {
        Ok(NavAction::Home) => navigation.home(),
        Ok(NavAction::Back) => navigation.back(),
        Err(_) => {}
    }
}

fn spawn_screen(mut commands: Commands, window: Query<&Window, With<PrimaryWindow>>) {
    commands.spawn((Name::new("Camera"), Camera2d));
    let landscape = window
        .single()
        .map(|w| w.width() >= w.height())
        .unwrap_or(true);
    commands.spawn((
        Name::new("Screen"),
        ScreenRoot,
        Node {
            width: percent(100.0),
            height: percent(100.0),
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(px(GAP_PX)),
            row_gap: px(GAP_PX),
            ..default()
        },
        children![
            (
                Name::new("Message bar slot"),
                MessageBarSlot,
                Node {
                    height: px(MESSAGE_BAR_PX),
                    flex_shrink: 0.0,
                    ..default()
                },
            ),
            (
                Name::new("Board area"),
                BoardArea,
                area_node(landscape),
                children![
                    (
                        NavStrip,
                        Name::new("Nav strip"),
                        nav_node(landscape),
                        children![
                            theme::child_button(
                                "Home button",
                                "Home",
                                (NavAction::Home, observe(go))
                            ),
                            theme::child_button(
                                "Back button",
                                "Back",
                                (NavAction::Back, observe(go))
                            ),
                            empty_slot(NavSlot::Feelings),
                            empty_slot(NavSlot::Activities),
                            symbol_credit(),
                            empty_slot(NavSlot::Modelling),
                            empty_slot(NavSlot::VisitWaiting),
                            empty_slot(NavSlot::NoSound),
                        ]
                    ),
                    (
                        Name::new("Grid slot"),
                        GridSlot,
                        Node {
                            flex_grow: 1.0,
                            flex_basis: px(0.0),
                            min_width: px(0.0),
                            min_height: px(0.0),
                            ..default()
                        },
                    ),
                ],
            ),
        ],
    ));
}

/// Both are looked at every time (an `or_else` would leave the message for the next frame).
fn visit_or_profile_changed(
    visit: Res<Visit>,
    mut switched: MessageReader<ProfileSwitched>,
) -> bool {
    let switched = switched.read().count() > 0;
    visit.is_changed() || switched
}

/// Whenever a visit starts, resumes (also after being opened for review only), ends or is closed
/// (after export), the child's screen starts
/// afresh: an empty message bar, the home board, no activity open and no undo list, so nothing
/// of one visit shows in the next and no undo can strike out a line of another visit's journal.
fn start_afresh_for_each_visit(
    visit: Res<Visit>,
    mut message: ResMut<Message>,
    mut navigation: ResMut<Navigation>,
    mut activity: ResMut<ActivityScreen>,
    mut belongs_to: Local<(Option<std::path::PathBuf>, bool, bool)>,
    mut switched: MessageReader<ProfileSwitched>,
) {
    let now = (
        visit.journal_path().map(std::path::Path::to_path_buf),
        visit.has_ended(),
        visit.is_review_only(),
    );
    let profile_switched = switched.read().count() > 0;
    if *belongs_to == now && !profile_switched {
        return;
    }
    *belongs_to = now;
    if !message.items.is_empty() {
        message.items.clear();
    }
    if navigation.trail.len() > 1 {
        navigation.home();
    }
    if activity.open.is_some() {
        activity.close();
    }
}

fn area_node(landscape: bool) -> Node {
    Node {
        flex_grow: 1.0,
        min_height: px(0.0),
        flex_direction: if landscape {
            FlexDirection::Row
        } else {
            FlexDirection::ColumnReverse
        },
        column_gap: px(GAP_PX),
        row_gap: px(GAP_PX),
        ..default()
    }
}

fn nav_node(landscape: bool) -> Node {
    let (width, height) = if landscape {
        (px(NAV_STRIP_PX), auto())
    } else {
        (auto(), px(NAV_STRIP_PX))
    };
    Node {
        width,
        height,
        flex_shrink: 0.0,
        flex_direction: if landscape {
            FlexDirection::Column
        } else {
            FlexDirection::Row
        },
        justify_content: JustifyContent::Start,
        align_items: AlignItems::Stretch,
        row_gap: px(GAP_PX * 2.0),
        column_gap: px(GAP_PX * 2.0),
        padding: UiRect::all(px(GAP_PX)),
        ..default()
    }
}

fn follow_orientation(
    window: Query<&Window, (With<PrimaryWindow>, Changed<Window>)>,
    mut area: Query<&mut Node, (With<BoardArea>, Without<NavStrip>)>,
    mut strip: Query<&mut Node, (With<NavStrip>, Without<BoardArea>)>,
) {
    let Ok(window) = window.single() else { return };
    let landscape = window.width() >= window.height();
    for mut node in &mut area {
        let wanted = area_node(landscape);
        if node.flex_direction != wanted.flex_direction {
            *node = wanted;
        }
    }
    for mut node in &mut strip {
        let wanted = nav_node(landscape);
        if node.flex_direction != wanted.flex_direction {
            *node = wanted;
        }
    }
}

/// The OpenMoji licence (CC BY-SA 4.0) asks for credit where the symbols are shown; it sits at
/// the far end of the nav strip, out of the child's way.
fn symbol_credit() -> impl Bundle {
    (
        Name::new("Symbol credit"),
        Node {
            margin: UiRect {
                left: auto(),
                top: auto(),
                ..default()
            },
            ..default()
        },
        theme::label("Symbols: OpenMoji\nCC BY-SA 4.0", 12.0, theme::TEXT_ON_DARK),
        theme::Paint::OnBackground,
    )
}
