//! The quiet cues of the access rules (docs/access.md): auditory scanning says each control's
//! word as the scan highlights it, softer than a chosen word so the child can tell "this is on
//! offer" from "this was said"; and a finger landing on a control clicks, when the child's
//! settings ask, so a child does not tap again because nothing seemed to happen.

use std::sync::{Arc, OnceLock};

use bevy::a11y::AccessibilityNode;
use bevy::prelude::*;

use super::SystemSpeech;
use super::output::Speaker;
use crate::board::BoardCell;
use crate::input::{Highlighted, TouchLanded};
use crate::message_bar::Speaking;
use crate::model::voice::{Clip, ClipChoice, choose_clip};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, (say_highlighted, click_on_landing));
}

/// How loud a scanning cue is, against the child's volume.
pub const CUE_GAIN: f32 = 0.4;

/// How loud the landing click is, against the child's volume.
const CLICK_GAIN: f32 = 0.5;

fn say_highlighted(
    mut highlighted: MessageReader<Highlighted>,
    cells: Query<&BoardCell>,
    labels: Query<&AccessibilityNode>,
    mut speaker: Speaker,
    speech: Res<SystemSpeech>,
    speaking: Res<Speaking>,
) {
    let Some(Highlighted(control)) = highlighted.read().last().copied() else {
        return;
    };
    // A message being spoken is heard to its end; the scan goes on silently meanwhile.
    if speaking.position.is_some() {
        return;
    }
    let label = labels
        .get(control)
        .ok()
        .and_then(|node| node.label().map(str::to_string))
        .unwrap_or_default();
    let clip = match cells.get(control) {
        Ok(cell) => speaker.clip_path(&cell.board, &cell.cell),
        Err(_) => match choose_clip(None, &crate::asset_root(), "", "", &label) {
            ClipChoice::Bundled(path) | ClipChoice::Recorded(path) => Some(path),
            ClipChoice::Missing => None,
        },
    };
    let played = clip.is_some_and(|path| speaker.play_at(vec![(0, path)], CUE_GAIN));
    if !played && !label.is_empty() {
        speaker.output.stop_current();
        speech.speak(&label);
    }
}

fn click_on_landing(mut landed: MessageReader<TouchLanded>, mut speaker: Speaker) {
    if landed.read().last().is_some() {
        speaker.play_over(click(), CLICK_GAIN);
    }
}

/// A 25 ms tick: a decaying 2 kHz tone, made once.
fn click() -> &'static Clip {
    static CLICK: OnceLock<Clip> = OnceLock::new();
    CLICK.get_or_init(|| {
        let rate = 22_050u32;
        let frames = rate as usize / 40;
        let samples: Vec<f32> = (0..frames)
            .map(|i| {
                let t = i as f32 / rate as f32;
                let fade = 1.0 - i as f32 / frames as f32;
                0.6 * fade * fade * (t * 2_000.0 * std::f32::consts::TAU).sin()
            })
            .collect();
        Clip {
            channels: 1,
            sample_rate: rate,
            samples: Arc::from(samples),
        }
    })
}
