//! What the screen shows when there is no voice: a "no voice" mark on a cell that has no clip
//! (when the tablet has no speech service either), and "no sound" in the nav strip when there is
//! no audio device.

use bevy::prelude::*;

use super::output::VoiceOutput;
use super::speech::{ClipIndex, SystemSpeech};
use crate::board::BoardCell;
use crate::model::voice::ClipChoice;
use crate::screen::{NavSlot, fill_nav_slot};
use crate::theme;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PostStartup, show_no_sound_notice)
        .add_systems(Update, mark_cells_without_voice);
}

/// A small marker on a cell that has no clip, so the worker sees that it will stay silent.
#[derive(Component)]
pub struct NoVoiceBadge;

/// Marks the cells that will stay silent: those with no clip while the platform's voice is not
/// ready (still starting, failed, not answering, or none). The marks follow the engine: they go
/// when it becomes ready and come back if it stops answering.
fn mark_cells_without_voice(
    mut commands: Commands,
    index: Res<ClipIndex>,
    speech: Res<SystemSpeech>,
    cells: Query<(Entity, Ref<BoardCell>)>,
    badges: Query<Entity, With<NoVoiceBadge>>,
    content: Option<Res<crate::Content>>,
    mut shown_available: Local<Option<bool>>,
) {
    let available = speech.is_available();
    let changed = *shown_available != Some(available);
    *shown_available = Some(available);
    if available {
        if changed {
            for badge in &badges {
                commands.entity(badge).despawn();
            }
        }
        return;
    }
    let palette = theme::child_palette(content.as_deref());
    let ink = palette.tile(palette.plain).ink;
    for (entity, cell) in &cells {
        if !(changed || cell.is_added()) {
            continue;
        }
        if *index.choice(&cell.board, &cell.cell) == ClipChoice::Missing {
            commands.entity(entity).with_child((
                NoVoiceBadge,
                Name::new("No voice badge"),
                Node {
                    position_type: PositionType::Absolute,
                    right: px(4.0),
                    top: px(2.0),
                    ..default()
                },
                theme::label("no voice", 13.0, ink.into()),
            ));
        }
    }
}

#[derive(Component)]
pub struct NoSoundNotice;

fn show_no_sound_notice(
    mut commands: Commands,
    output: Res<VoiceOutput>,
    slots: Query<(Entity, &NavSlot)>,
) {
    if output.has_sound() {
        return;
    }
    fill_nav_slot(
        &mut commands,
        &slots,
        NavSlot::NoSound,
        (
            NoSoundNotice,
            Name::new("No sound notice"),
            Node::default(),
            theme::label("no sound", 16.0, theme::TEXT_ON_DARK),
            theme::Paint::OnBackground,
        ),
    );
}
