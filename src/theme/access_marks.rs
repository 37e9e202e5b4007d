//! What the access rules show on a control (docs/access.md): a fill rising from the bottom while
//! a hold fills, a ring closing in while a dwell counts down, and the scan's highlight: a thick
//! yellow outline around a black frame, a change of shape and not of colour alone, which the
//! keyboard's focus ring shares.

use bevy::prelude::*;

use super::palette::child_palette;
use crate::input::{Dwelling, Holding, KeyFocus, ScanHighlight};

pub(super) fn plugin(app: &mut App) {
    app.add_observer(add_hold_fill)
        .add_observer(remove_marks::<Holding, HoldFill>)
        .add_observer(add_dwell_ring)
        .add_observer(remove_marks::<Dwelling, DwellRing>)
        .add_observer(add_frame::<ScanHighlight>)
        .add_observer(remove_frame::<ScanHighlight>)
        .add_observer(add_frame::<KeyFocus>)
        .add_observer(remove_frame::<KeyFocus>)
        .add_systems(
            PostUpdate,
            (grow_hold_fill, close_dwell_ring).before(bevy::ui::UiSystems::Layout),
        );
}

/// The translucent fill of a held control.
#[derive(Component)]
struct HoldFill;

/// The dwell countdown's ring.
#[derive(Component)]
struct DwellRing;

/// The scan highlight's inner black frame.
#[derive(Component)]
struct ScanFrame;

/// Pixels of the scan highlight's outline, outside the control.
pub const SCAN_OUTLINE_PX: f32 = 8.0;

fn mark(node: Node, look: impl Bundle) -> impl Bundle {
    (
        node,
        look,
        Pickable::IGNORE,
        GlobalZIndex(5),
        Name::new("Access mark"),
    )
}

fn hold_fill_node(fill: f32) -> Node {
    Node {
        position_type: PositionType::Absolute,
        left: px(0.0),
        right: px(0.0),
        bottom: px(0.0),
        height: percent(fill * 100.0),
        ..default()
    }
}

fn add_hold_fill(
    held: On<Add, Holding>,
    holding: Query<&Holding>,
    content: Option<Res<crate::Content>>,
    mut commands: Commands,
) {
    let fill = holding.get(held.entity).map_or(0.0, |h| h.0);
    let palette = child_palette(content.as_deref());
    let colour = Color::from(palette.hold_fill).with_alpha(palette.hold_alpha);
    let overlay = mark(hold_fill_node(fill), (HoldFill, BackgroundColor(colour)));
    commands.entity(held.entity).with_child(overlay);
}

fn grow_hold_fill(
    held: Query<(&Holding, &Children), Changed<Holding>>,
    mut fills: Query<&mut Node, With<HoldFill>>,
) {
    for (holding, children) in &held {
        for child in children {
            if let Ok(mut node) = fills.get_mut(*child) {
                node.height = percent(holding.0 * 100.0);
            }
        }
    }
}

/// The ring's inset from the control's edges: it closes in towards the middle as the dwell
/// counts down.
fn dwell_ring_node(gone: f32) -> Node {
    let inset = percent(gone * 40.0);
    Node {
        position_type: PositionType::Absolute,
        left: inset,
        right: inset,
        top: inset,
        bottom: inset,
        border: UiRect::all(px(6.0)),
        border_radius: BorderRadius::all(percent(50.0)),
        ..default()
    }
}

fn add_dwell_ring(
    dwelt: On<Add, Dwelling>,
    dwelling: Query<&Dwelling>,
    content: Option<Res<crate::Content>>,
    mut commands: Commands,
) {
    let gone = dwelling.get(dwelt.entity).map_or(0.0, |d| d.0);
    let ring = child_palette(content.as_deref()).dwell_ring;
    let overlay = mark(dwell_ring_node(gone), (DwellRing, BorderColor::all(ring)));
    commands.entity(dwelt.entity).with_child(overlay);
}

fn close_dwell_ring(
    dwelt: Query<(&Dwelling, &Children), Changed<Dwelling>>,
    mut rings: Query<&mut Node, With<DwellRing>>,
) {
    for (dwelling, children) in &dwelt {
        for child in children {
            if let Ok(mut node) = rings.get_mut(*child) {
                *node = dwell_ring_node(dwelling.0);
            }
        }
    }
}

fn remove_marks<State: Component, Mark: Component>(
    gone: On<Remove, State>,
    children: Query<&Children>,
    marks: Query<(), With<Mark>>,
    mut commands: Commands,
) {
    for child in children.get(gone.entity).into_iter().flatten() {
        if marks.contains(*child) {
            commands.entity(*child).try_despawn();
        }
    }
}

/// The scan's highlight and the keyboard's focus ring look the same: one way of saying "this
/// one" to learn.
fn add_frame<Lit: Component>(
    lit: On<Add, Lit>,
    content: Option<Res<crate::Content>>,
    mut commands: Commands,
) {
    let palette = child_palette(content.as_deref());
    let frame = Node {
        position_type: PositionType::Absolute,
        left: px(0.0),
        right: px(0.0),
        top: px(0.0),
        bottom: px(0.0),
        border: UiRect::all(px(4.0)),
        ..default()
    };
    commands
        .entity(lit.entity)
        .try_insert(Outline::new(
            px(SCAN_OUTLINE_PX),
            px(0.0),
            palette.highlight.into(),
        ))
        .with_child(mark(frame, (ScanFrame, BorderColor::all(palette.frame))));
}

fn remove_frame<Lit: Component>(
    gone: On<Remove, Lit>,
    children: Query<&Children>,
    frames: Query<(), With<ScanFrame>>,
    mut commands: Commands,
) {
    if let Ok(mut control) = commands.get_entity(gone.entity) {
        control.try_remove::<Outline>();
    }
    for child in children.get(gone.entity).into_iter().flatten() {
        if frames.contains(*child) {
            commands.entity(*child).try_despawn();
        }
    }
}
