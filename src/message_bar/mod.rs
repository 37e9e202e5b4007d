//! The message bar: the symbols the child has chosen, with Speak, Delete last and Clear.
//! Speak plays the message, and each symbol is highlighted as it is said.

use std::time::Duration;

use bevy::prelude::*;
use bevy::window::RequestRedraw;

use bevy::ui_widgets::observe;

use crate::Content;
use crate::input::Activate;
use crate::model::session::Actor;
use crate::screen::MessageBarSlot;
use crate::symbol_images::{SymbolImages, SymbolImagesSystems};
use crate::theme::{self, GAP_PX, MESSAGE_LABEL_PX, Paint};

/// How long each symbol stays highlighted while the message is "spoken".
pub const HIGHLIGHT_STEP: Duration = Duration::from_millis(600);
/// Symbols shown in the bar before its width is known; then as many as fit, the newest always
/// shown and older ones scrolled off to the left.
const SHOWN_SYMBOLS: usize = 10;
const SYMBOL_PX: f32 = 84.0;
/// The height a word in the bar may take: 40 % of a symbol's.
const SYMBOL_WORD_PX: f32 = 34.0;

mod symbol;

use symbol::{SymbolLook, message_symbol};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Message>()
        .init_resource::<Speaking>()
        .add_message::<WordChosen>()
        .add_message::<SpeakRequested>()
        .add_systems(PostStartup, spawn_bar)
        .add_systems(
            Update,
            (
                (add_chosen_words, want_message_pictures)
                    .chain()
                    .before(SymbolImagesSystems),
                (advance_speaking, show_message, tell_screen_reader)
                    .chain()
                    .after(SymbolImagesSystems),
            )
                .chain()
                .in_set(MessageSystems),
        );
}

/// A word cell was activated: the word to add to the message.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct WordChosen(pub MessageItem);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageItem {
    pub board: String,
    pub cell: String,
    pub word: String,
    /// What the tablet says for it (the cell's spoken text, else its word; the word in the
    /// child's home language where the cell has it).
    pub spoken: String,
    /// The language `spoken` is in, when it is the child's home language (BCP 47); `None`: the
    /// worker's.
    pub language: Option<String>,
    pub symbol: String,
    /// Who chose it: the child, or the worker modelling. A message can hold both.
    pub by: Actor,
}

/// The message the child is building.
#[derive(Resource, Debug, Default, Clone)]
pub struct Message {
    pub items: Vec<MessageItem>,
}

impl Message {
    pub fn text(&self) -> String {
        self.items
            .iter()
            .map(|i| i.word.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The systems that keep the message bar up to date.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct MessageSystems;

/// Speak was pressed: the whole message, to be spoken in order.
#[derive(Message, Debug, Clone)]
pub struct SpeakRequested {
    pub items: Vec<MessageItem>,
}

/// Which symbol of the message is being spoken, if any. The voice paces it when there is
/// sound; without sound a timer does, so the child still sees the message "said".
#[derive(Resource, Debug, Default)]
pub struct Speaking {
    pub position: Option<usize>,
    timer: Timer,
    paced_by_voice: bool,
    /// How many symbols the message being spoken has (words tapped meanwhile are not in it).
    length: usize,
}

impl Speaking {
    fn start(&mut self, length: usize) {
        self.length = length;
        self.position = Some(0);
        self.timer = Timer::new(HIGHLIGHT_STEP, TimerMode::Repeating);
        self.paced_by_voice = false;
    }

    fn stop(&mut self) {
        self.position = None;
        self.paced_by_voice = false;
    }

    /// From now on the voice moves the highlight.
    pub fn follow_voice(&mut self) {
        self.paced_by_voice = true;
    }

    pub fn voice_reached(&mut self, position: usize) {
        if self.paced_by_voice {
            self.position = Some(position);
        }
    }

    pub fn voice_finished(&mut self) {
        if self.paced_by_voice {
            self.stop();
        }
    }
}

#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarAction {
    Speak,
    DeleteLast,
    Clear,
}

#[derive(Component)]
pub struct MessageSymbols;

/// One symbol in the bar, with its position in the message.
#[derive(Component, Debug)]
pub struct MessageSymbol(pub usize);

fn spawn_bar(mut commands: Commands, slot: Query<Entity, With<MessageBarSlot>>) {
    let Ok(slot) = slot.single() else { return };
    commands.entity(slot).with_child((
        Name::new("Message bar"),
        Node {
            flex_grow: 1.0,
            // However long the message, the bar never grows past the screen: its words clip,
            // and Speak, Delete and Clear keep their place.
            min_width: px(0.0),
            flex_direction: FlexDirection::Row,
            align_items: AlignItems::Stretch,
            column_gap: px(GAP_PX),
            padding: UiRect::all(px(GAP_PX)),
            border_radius: BorderRadius::all(px(12.0)),
            ..default()
        },
        BackgroundColor::default(),
        Paint::Bar,
        children![
            (
                Name::new("Message symbols"),
                MessageSymbols,
                bevy::a11y::AccessibilityNode(accesskit::Node::new(accesskit::Role::Label)),
                AccessibleLabel::new(said_to_screen_reader(&[])),
                Node {
                    flex_grow: 1.0,
                    flex_basis: px(0.0),
                    min_width: px(0.0),
                    flex_direction: FlexDirection::Row,
                    column_gap: px(GAP_PX),
                    overflow: Overflow::clip(),
                    ..default()
                },
            ),
            (
                theme::button("Speak button", "Speak", bar_action(BarAction::Speak)),
                Paint::Button
            ),
            (
                theme::button(
                    "Delete last button",
                    "Delete",
                    bar_action(BarAction::DeleteLast)
                ),
                Paint::Button
            ),
            (
                theme::button("Clear button", "Clear", bar_action(BarAction::Clear)),
                Paint::Button
            ),
        ],
    ));
}

/// The message so far, as a screen reader says it.
fn said_to_screen_reader(words: &[&str]) -> String {
    if words.is_empty() {
        "Message, empty".to_string()
    } else {
        format!("Message: {}", words.join(" "))
    }
}

fn tell_screen_reader(
    message: Res<Message>,
    bar: Query<Entity, With<MessageSymbols>>,
    mut commands: Commands,
) {
    if !message.is_changed() {
        return;
    }
    let words: Vec<&str> = message.items.iter().map(|i| i.word.as_str()).collect();
    for entity in &bar {
        commands
            .entity(entity)
            .try_insert(AccessibleLabel::new(said_to_screen_reader(&words)));
    }
}

fn add_chosen_words(mut chosen: MessageReader<WordChosen>, mut message: ResMut<Message>) {
    // A word tapped while the message is spoken joins it without cutting the message off.
    for word in chosen.read() {
        message.items.push(word.0.clone());
    }
}

fn bar_action(action: BarAction) -> impl Bundle {
    (action, observe(press_bar_button))
}

fn want_message_pictures(message: Res<Message>, mut images: ResMut<SymbolImages>) {
    if message.is_changed() {
        let symbols = message.items.iter().map(|i| i.symbol.clone()).collect();
        images.want("message", symbols);
    }
}

fn press_bar_button(
    activate: On<Activate>,
    actions: Query<&BarAction>,
    mut message: ResMut<Message>,
    mut speaking: ResMut<Speaking>,
    mut speak: MessageWriter<SpeakRequested>,
) {
    let Ok(action) = actions.get(activate.entity) else {
        return;
    };
    match action {
        BarAction::Speak => {
            if !message.items.is_empty() {
                speaking.start(message.items.len());
                speak.write(SpeakRequested {
                    items: message.items.clone(),
                });
            }
        }
        BarAction::DeleteLast => {
            speaking.stop();
            message.items.pop();
        }
        BarAction::Clear => {
            speaking.stop();
            message.items.clear();
        }
    }
}

fn advance_speaking(
    time: Res<Time>,
    message: Res<Message>,
    mut speaking: ResMut<Speaking>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let Some(position) = speaking.position else {
        return;
    };
    if speaking.paced_by_voice {
        return;
    }
    speaking.timer.tick(time.delta());
    let steps = speaking.timer.times_finished_this_tick() as usize;
    if steps > 0 {
        let next = position + steps;
        speaking.position = (next < speaking.length.min(message.items.len())).then_some(next);
    }
    if speaking.position.is_some() {
        redraw.write(RequestRedraw);
    }
}

fn show_message(
    mut commands: Commands,
    (message, speaking): (Res<Message>, Res<Speaking>),
    (images, content): (Res<SymbolImages>, Res<Content>),
    container: Query<(Entity, &ComputedNode), With<MessageSymbols>>,
    mut shown: Query<ShownSymbol>,
    mut words: Query<&mut TextColor>,
    mut fitting_before: Local<usize>,
) {
    let look = SymbolLook {
        palette: content.settings.theme.palette(),
        text_scale: content.settings.text_size.scale(),
    };
    let Ok((container, laid_out)) = container.single() else {
        return;
    };
    let width = laid_out.size().x * laid_out.inverse_scale_factor();
    let fitting = if width > 0.0 {
        (((width + GAP_PX) / (SYMBOL_PX + GAP_PX)) as usize).max(1)
    } else {
        SHOWN_SYMBOLS
    };
    // Turning the tablet changes how many fit: the newest must stay in view.
    let turned = std::mem::replace(&mut *fitting_before, fitting) != fitting;
    if message.is_changed() || turned || content.is_changed() {
        commands.entity(container).despawn_related::<Children>();
        // When older words are scrolled off, the first place says how many, so the message
        // never looks shorter than it is.
        let length = message.items.len();
        let shown = if length > fitting {
            fitting.saturating_sub(1).max(1)
        } else {
            length
        };
        let first = length - shown;
        commands.entity(container).with_children(|bar| {
            if first > 0 {
                bar.spawn((
                    Name::new("Older words"),
                    Node {
                        width: px(SYMBOL_PX),
                        flex_shrink: 0.0,
                        justify_content: JustifyContent::Center,
                        align_items: AlignItems::Center,
                        ..default()
                    },
                    Pickable::IGNORE,
                    children![theme::label(
                        format!("+{first}"),
                        MESSAGE_LABEL_PX * 1.4,
                        look.palette.bar_ink.into()
                    )],
                ));
            }
            for (position, item) in message.items.iter().enumerate().skip(first) {
                bar.spawn(message_symbol(
                    position,
                    item,
                    images.get(&item.symbol),
                    speaking.position == Some(position),
                    look,
                ));
            }
        });
    } else if speaking.is_changed() {
        for (symbol, mut background, mut edge, mut node, children) in &mut shown {
            let highlighted = speaking.position == Some(symbol.0);
            let (face, frame, frame_px) = look.symbol(highlighted);
            background.0 = face;
            *edge = frame;
            node.border = UiRect::all(px(frame_px));
            for &child in children {
                if let Ok(mut word) = words.get_mut(child) {
                    word.0 = look.ink(highlighted);
                }
            }
        }
    }
}

type ShownSymbol<'a> = (
    &'a MessageSymbol,
    &'a mut BackgroundColor,
    &'a mut BorderColor,
    &'a mut Node,
    &'a Children,
);
