//! Fingers and the mouse button, read raw and hit-tested here (`hit.rs`), through the touch
//! rules (`model/access/touch.rs`): press feedback the moment a finger lands, activation on
//! release or on press, the hold fill, ignored repeats, the first finger only, and a touch that
//! slides away cancelled. With a whole-screen switch, a touch anywhere is the switch instead.

use bevy::input::ButtonState;
use bevy::input::touch::TouchPhase;
use bevy::input_focus::{FocusCause, InputFocus};
use bevy::prelude::*;
use bevy::window::{RequestRedraw, WindowEvent};

use super::access::AccessRules;
use super::clock::InputClock;
use super::hit::{Hit, HitTest};
use super::scan::SwitchPressed;
use super::{AccessMethod, Activate, Holding, Pressed, TouchLanded};
use crate::model::access::touch::TouchOutcome;

/// The mouse is one more finger, with its own number.
const MOUSE: u64 = u64::MAX;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        (follow_fingers, show_hold)
            .chain()
            .after(bevy::picking::PickingSystems::Last)
            .before(bevy::input_focus::InputFocusSystems::Dispatch),
    );
}

/// What one raw event says a finger did.
enum Finger {
    Down(u64, Vec2),
    Moved(u64, Vec2),
    Up(u64, Vec2),
    Lost(u64),
}

fn fingers(events: &mut MessageReader<WindowEvent>, cursor: &mut Option<Vec2>) -> Vec<Finger> {
    let mut out = Vec::new();
    for event in events.read() {
        match event {
            WindowEvent::TouchInput(touch) => out.push(match touch.phase {
                TouchPhase::Started => Finger::Down(touch.id, touch.position),
                TouchPhase::Moved => Finger::Moved(touch.id, touch.position),
                TouchPhase::Ended => Finger::Up(touch.id, touch.position),
                TouchPhase::Canceled => Finger::Lost(touch.id),
            }),
            WindowEvent::CursorMoved(moved) => {
                *cursor = Some(moved.position);
                out.push(Finger::Moved(MOUSE, moved.position));
            }
            WindowEvent::CursorLeft(_) => *cursor = None,
            WindowEvent::MouseButtonInput(button) if button.button == MouseButton::Left => {
                let Some(at) = *cursor else { continue };
                out.push(match button.state {
                    ButtonState::Pressed => Finger::Down(MOUSE, at),
                    ButtonState::Released => Finger::Up(MOUSE, at),
                });
            }
            _ => {}
        }
    }
    out
}

// A Bevy system: each argument is a resource or query it reads.
#[allow(clippy::too_many_arguments)]
pub(super) fn follow_fingers(
    mut events: MessageReader<WindowEvent>,
    mut cursor: Local<Option<Vec2>>,
    hits: HitTest,
    clock: InputClock,
    mut rules: ResMut<AccessRules>,
    mut focus: ResMut<InputFocus>,
    mut switch: MessageWriter<SwitchPressed>,
    mut landed: MessageWriter<TouchLanded>,
    mut commands: Commands,
) {
    let now = clock.now();
    let mut outcomes = Vec::new();
    for finger in fingers(&mut events, &mut cursor) {
        match finger {
            Finger::Down(id, at) => {
                let hit = hits.at(at);
                if let Some(Hit::Field(field)) = hit {
                    // A text field takes the keyboard the moment it is touched, however quick.
                    focus.set(field, FocusCause::Pressed);
                    continue;
                }
                if rules.screen_is_switch {
                    switch.write(SwitchPressed::Select);
                    continue;
                }
                let control = hits.control_at(at);
                outcomes.extend(rules.touch.finger_down(id, control, at.into(), now));
            }
            Finger::Moved(id, at) => {
                outcomes.extend(rules.touch.finger_moved(id, hits.control_at(at), at.into()));
            }
            Finger::Up(id, at) => {
                outcomes.extend(rules.touch.finger_up(id, hits.control_at(at), now));
            }
            Finger::Lost(id) => outcomes.extend(rules.touch.finger_up(id, None, now)),
        }
    }
    outcomes.extend(rules.touch.tick(now));
    for outcome in outcomes {
        match outcome {
            TouchOutcome::Pressed(control) => {
                if let Ok(mut entity) = commands.get_entity(control) {
                    entity.try_insert(Pressed);
                }
                if rules.click_sound {
                    landed.write(TouchLanded);
                }
            }
            TouchOutcome::Unpressed(control) => {
                if let Ok(mut entity) = commands.get_entity(control) {
                    entity.try_remove::<Pressed>();
                }
            }
            TouchOutcome::Activate(control) => commands.trigger(Activate {
                entity: control,
                via: AccessMethod::Touch,
            }),
        }
    }
}

/// The held control's fill grows with the hold; frames keep coming while a touch is down, since
/// a finger held still sends no events.
fn show_hold(
    clock: InputClock,
    rules: Res<AccessRules>,
    held: Query<(Entity, &Holding)>,
    mut commands: Commands,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let progress = rules.touch.hold_progress(clock.now());
    for (entity, _) in &held {
        if progress.is_none_or(|(target, _)| target != entity) {
            commands.entity(entity).try_remove::<Holding>();
        }
    }
    if let Some((target, fill)) = progress
        && let Ok(mut entity) = commands.get_entity(target)
    {
        entity.try_insert(Holding(fill));
    }
    if rules.touch.busy() {
        redraw.write(RequestRedraw);
    }
}
