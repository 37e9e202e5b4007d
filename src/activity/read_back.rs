//! "Check with the child" on the activity screen: each of the child's messages and answers of
//! this visit shown in their own symbols and said, then "Is that right?" and "Can I share this
//! with the people who help you?", with the declines, undo and back every activity has. The
//! rules are `model::read_back`'s; this applies them and journals every answer.

use bevy::prelude::*;

use super::screens::{Cards, PROMPT_PX, bottom_bar, prompt_row, wrapping_row};
use super::{ActivityLibrary, ActivityScreen, activity_control};
use crate::model::activity::{Action, Open};
use crate::model::read_back::{CheckAnswer, Question, ReadBack, Shown, items};
use crate::model::session::Event;
use crate::model::summary::Summary;
use crate::theme::{self, GAP_PX, PictureChoice, picture_choice};
use crate::visit::Visit;
use crate::voice::SayText;

/// The child's messages and answers in the visit so far, to read back to them.
pub fn read_back_items(
    visit: &Visit,
    library: &ActivityLibrary,
) -> Vec<crate::model::read_back::CheckItem> {
    visit
        .recovered()
        .and_then(|recovered| Summary::from_journal(&recovered))
        .map(|summary| items(&summary, &library.activities))
        .unwrap_or_default()
}

/// Starts the read-back on the child's screen: taps from here on are the child's (modelling
/// off), the start is journaled, and the first item is said. False when there is nothing the
/// child said or answered to check.
pub fn start_read_back(
    visit: &mut Visit,
    library: &ActivityLibrary,
    screen: &mut ActivityScreen,
    say: &mut MessageWriter<SayText>,
) -> bool {
    let found = read_back_items(visit, library);
    if found.is_empty() {
        return false;
    }
    visit.modelling = false;
    visit.record(Event::ReadBackStarted { items: found.len() });
    let read_back = ReadBack::new(found);
    say.write(SayText(read_back.spoken()));
    screen.close();
    screen.open = Some(Open::ReadBack(read_back));
    true
}

/// Carries out a control's action while the read-back is on screen.
pub(super) fn act(
    action: &Action,
    screen: &mut ActivityScreen,
    visit: &mut Visit,
    say: &mut MessageWriter<SayText>,
) {
    let Some(Open::ReadBack(read_back)) = &screen.open else {
        return;
    };
    let answer = match action {
        Action::Check(answer) => *answer,
        Action::Decline(decline) => CheckAnswer::from(*decline),
        Action::SayAgain => {
            say.write(SayText(read_back.spoken()));
            return;
        }
        _ => return,
    };
    let Some(step) = read_back.answer(answer) else {
        return;
    };
    let before = Open::ReadBack(read_back.clone());
    let recorded = visit.record(step.record);
    say.write(SayText(step.say));
    screen.undo.push((before, recorded));
    screen.open = Some(Open::ReadBack(step.next));
}

pub(super) fn read_back_screen(
    page: &mut ChildSpawnerCommands,
    read_back: &ReadBack,
    can_undo: bool,
    cards: &Cards,
) {
    let Some(item) = read_back.current() else {
        let [thanks, hand_back] = crate::model::read_back::ALL_CHECKED;
        prompt_row(page, thanks, false, cards);
        page.spawn((
            Name::new("Done"),
            Node {
                flex_direction: FlexDirection::Column,
                align_items: AlignItems::Center,
                row_gap: px(GAP_PX * 2.0),
                margin: UiRect::top(px(GAP_PX * 4.0)),
                ..default()
            },
            children![
                (
                    Node {
                        width: px(SYMBOL_SIZE.0 * 1.4),
                        height: px(SYMBOL_SIZE.1 * 1.4),
                        ..default()
                    },
                    children![theme::symbol_picture(cards.picture(THANKS_SYMBOL))],
                ),
                cards.words(hand_back, PROMPT_PX),
            ],
        ));
        bottom_bar(page, can_undo, false, cards);
        return;
    };
    prompt_row(page, read_back.question.words(), true, cards);
    page.spawn((
        Name::new("Read back"),
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            row_gap: px(GAP_PX),
            ..default()
        },
    ))
    .with_children(|column| {
        let progress = format!("{} of {}", read_back.at + 1, read_back.items.len());
        column.spawn((Name::new("Progress"), cards.words(progress, CHOICE_PX)));
        if let Some(asked) = &item.asked {
            column.spawn((
                Name::new("Asked"),
                cards.words(format!("I asked: {asked}"), CHOICE_PX),
            ));
        }
        // What the child said sits in a strip like the message bar, apart from the answers
        // under it: shown, not for tapping.
        column
            .spawn((
                Name::new("Said symbols"),
                Node {
                    flex_direction: FlexDirection::Row,
                    flex_wrap: FlexWrap::Wrap,
                    align_items: AlignItems::Center,
                    justify_content: JustifyContent::Center,
                    column_gap: px(GAP_PX),
                    row_gap: px(GAP_PX),
                    padding: UiRect::all(px(GAP_PX * 1.5)),
                    border: UiRect::all(px(3.0)),
                    border_radius: BorderRadius::all(px(16.0)),
                    margin: UiRect::bottom(px(GAP_PX * 2.0)),
                    ..default()
                },
                BackgroundColor(cards.palette.bar.into()),
                BorderColor::all(Color::from(cards.palette.button_edge)),
            ))
            .with_children(|strip| {
                strip.spawn(theme::label(
                    "You said:",
                    CHOICE_PX * cards.text_scale,
                    cards.palette.bar_ink.into(),
                ));
                for shown in &item.shown {
                    strip.spawn(said_symbol(shown, cards));
                }
            });
    });
    page.spawn((Name::new("Choices"), wrapping_row()))
        .with_children(|row| {
            for answer in read_back.question.choices() {
                row.spawn(picture_choice(
                    PictureChoice {
                        name: format!("Check {}", answer.words()),
                        word: answer.words(),
                        picture: cards.picture(answer.symbol()),
                        colour: cards.palette.plain,
                        size: CHOICE_SIZE,
                        chosen: false,
                        palette: &cards.palette,
                        text_scale: cards.text_scale,
                    },
                    activity_control(Action::Check(*answer)),
                ));
            }
            // "Is that right?" has one choice fewer than "Can I share this?": its place is kept
            // empty, so yes and no never move between the questions.
            let most = Question::Share.choices().len();
            for _ in read_back.question.choices().len()..most {
                row.spawn((
                    Name::new("Choice slot"),
                    Node {
                        width: px(CHOICE_SIZE.0),
                        height: px(CHOICE_SIZE.1),
                        ..default()
                    },
                ));
            }
        });
    bottom_bar(page, can_undo, true, cards);
}

const CHOICE_PX: f32 = theme::BUTTON_LABEL_PX;
const CHOICE_SIZE: (f32, f32) = (240.0, 210.0);
const SYMBOL_SIZE: (f32, f32) = (150.0, 150.0);
/// Shown when every item is checked: thanks, not an answer (a thumbs-up would read as "yes").
const THANKS_SYMBOL: &str = "clapping-hands";

/// One symbol of what the child said, as they saw it: shown, not a control.
fn said_symbol(shown: &Shown, cards: &Cards) -> impl Bundle {
    let tile = cards.palette.tile(cards.palette.plain);
    let word_px = crate::model::text_fit::scaled_to_fit(
        &shown.word,
        CHOICE_PX,
        cards.text_scale,
        14.0,
        (SYMBOL_SIZE.0 - 16.0, SYMBOL_SIZE.1 * 0.4),
        2,
    );
    let picture = (!shown.picture.is_empty()).then(|| {
        (
            Node {
                width: percent(100.0),
                flex_grow: 1.0,
                min_height: px(0.0),
                flex_direction: FlexDirection::Column,
                align_items: AlignItems::Center,
                ..default()
            },
            children![theme::symbol_picture(cards.picture(&shown.picture))],
        )
    });
    (
        Name::new(format!("Said {}", shown.word)),
        Node {
            width: px(SYMBOL_SIZE.0),
            height: px(SYMBOL_SIZE.1),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            padding: UiRect::all(px(6.0)),
            border: UiRect::all(px(3.0)),
            border_radius: BorderRadius::all(px(14.0)),
            ..default()
        },
        BackgroundColor(tile.face.into()),
        BorderColor::all(Color::from(tile.edge)),
        Children::spawn((
            bevy::ecs::spawn::SpawnIter(picture.into_iter()),
            Spawn(theme::label(shown.word.clone(), word_px, tile.ink.into())),
        )),
    )
}
