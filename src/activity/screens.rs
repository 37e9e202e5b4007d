//! The activity screens: the list of activities, the prompt, big picture-and-word choices, the
//! card sort, and the bar with the decline, undo and back buttons every activity has (the houses
//! and the body map are in `places.rs`).

use bevy::prelude::*;

use super::{ActivityLibrary, ActivityScreen, activity_control};
use crate::Content;
use crate::model::activity::{Action, Activity, Card, Open, Point, Run, ScaleLook, current_prompt};
use crate::model::session::Decline;
use crate::symbol_images::load_picture;
use crate::theme::{
    self, ACTIVITY_BACKGROUND, GAP_PX, HIGHLIGHT, PLAIN_CHOICE as PLAIN, PictureChoice, TEXT,
    activity_colour as colour_of, picture_choice,
};

const PROMPT_PX: f32 = 34.0;
pub(super) const CHOICE_LABEL_PX: f32 = theme::BUTTON_LABEL_PX;

/// The activity screen's root: over the board, under the worker area.
#[derive(Component)]
pub struct ActivityOverlay;

pub(super) fn spawn_overlay(mut commands: Commands) {
    commands.spawn((
        theme::overlay_root(
            "Activity screen",
            ACTIVITY_BACKGROUND,
            50,
            GAP_PX * 2.0,
            AlignItems::Stretch,
        ),
        ActivityOverlay,
    ));
}

pub(super) fn show_activity(
    mut commands: Commands,
    screen: Res<ActivityScreen>,
    library: Res<ActivityLibrary>,
    content: Res<Content>,
    assets: Res<AssetServer>,
    mut overlay: Query<(Entity, &mut Node), With<ActivityOverlay>>,
    mut board_screen: Query<&mut Visibility, With<crate::screen::ScreenRoot>>,
) {
    let Ok((root, mut node)) = overlay.single_mut() else {
        return;
    };
    commands.entity(root).despawn_related::<Children>();
    // The board under the activity is hidden, not only covered: scanning, the keyboard and a
    // screen reader go over the activity's controls alone.
    let covered = if screen.open.is_some() {
        Visibility::Hidden
    } else {
        Visibility::Inherited
    };
    for mut visibility in &mut board_screen {
        visibility.set_if_neq(covered);
    }
    let Some(open) = &screen.open else {
        node.display = Display::None;
        return;
    };
    node.display = Display::Flex;
    let picture = |id: &str| load_picture(&content, &assets, id);
    let can_undo = !screen.undo.is_empty();
    commands.entity(root).with_children(|page| {
        let run = match open {
            Open::Activity(run) => run,
            Open::List => {
                activity_list(page, &library, &picture);
                return;
            }
        };
        let Some(activity) = library.activities.get(&run.activity) else {
            prompt_row(page, "This activity is missing.", false);
            bottom_bar(page, false, false, &picture);
            return;
        };
        let prompt = match &run.about {
            Some(about) => format!("{} ({about})", current_prompt(activity, run)),
            None => current_prompt(activity, run),
        };
        prompt_row(page, &prompt, true);
        if let Some(done) = &run.done {
            page.spawn((
                Name::new("Done"),
                theme::label(format!("Thank you. {done}"), PROMPT_PX, TEXT),
            ));
            bottom_bar(page, can_undo, false, &picture);
            return;
        }
        match &activity.activity {
            Activity::Scale { look, points, .. } => scale_choices(page, *look, points, &picture),
            Activity::CardSort { columns, cards, .. } => {
                card_sort(page, run, columns, cards, &picture);
            }
            Activity::Houses { houses, .. } => {
                super::places::house_row(page, run, houses, &picture);
                super::places::symbol_picker(page, run, &content, &picture);
            }
            Activity::BodyMap { regions, .. } => super::places::body_map(page, regions, &picture),
        }
        bottom_bar(page, can_undo, true, &picture);
    });
}

fn activity_list(
    page: &mut ChildSpawnerCommands,
    library: &ActivityLibrary,
    picture: &dyn Fn(&str) -> Handle<Image>,
) {
    prompt_row(page, "What shall we do?", false);
    page.spawn(wrapping_row()).with_children(|list| {
        for activity in library.activities.listed() {
            list.spawn(picture_choice(
                PictureChoice {
                    name: format!("Activity {}", activity.id),
                    word: &activity.title,
                    picture: picture(&activity.symbol),
                    colour: PLAIN,
                    size: (260.0, 200.0),
                    chosen: false,
                },
                activity_control(Action::Open(activity.id.clone())),
            ));
        }
    });
    bottom_bar(page, false, false, picture);
}

pub(super) fn wrapping_row() -> Node {
    Node {
        flex_direction: FlexDirection::Row,
        flex_wrap: FlexWrap::Wrap,
        justify_content: JustifyContent::Center,
        align_items: AlignItems::FlexEnd,
        column_gap: px(GAP_PX * 2.0),
        row_gap: px(GAP_PX * 2.0),
        ..default()
    }
}

fn prompt_row(page: &mut ChildSpawnerCommands, prompt: &str, can_repeat: bool) {
    page.spawn(Node {
        flex_direction: FlexDirection::Row,
        align_items: AlignItems::Center,
        column_gap: px(GAP_PX * 3.0),
        ..default()
    })
    .with_children(|row| {
        row.spawn((
            Name::new("Prompt"),
            theme::label(prompt.to_string(), PROMPT_PX, TEXT),
        ));
        if can_repeat {
            row.spawn(theme::child_button(
                "Say again button",
                "Say it again",
                activity_control(Action::SayAgain),
            ));
        }
    });
}

fn scale_choices(
    page: &mut ChildSpawnerCommands,
    look: ScaleLook,
    points: &[Point],
    picture: &dyn Fn(&str) -> Handle<Image>,
) {
    let (size, rising) = match look {
        ScaleLook::Faces => ((190.0, 230.0), false),
        // Lowest on the left, each step a little taller, like mercury rising.
        ScaleLook::Thermometer => ((96.0, 150.0), true),
        ScaleLook::Choices => ((180.0, 180.0), false),
    };
    page.spawn((Name::new("Choices"), wrapping_row()))
        .with_children(|row| {
            for (index, point) in points.iter().enumerate() {
                let step = if rising { index as f32 * 14.0 } else { 0.0 };
                row.spawn(picture_choice(
                    PictureChoice {
                        name: format!("Choice {}", point.word),
                        word: &point.word,
                        picture: picture(&point.symbol),
                        colour: colour_of(&point.colour),
                        size: (size.0, size.1 + step),
                        chosen: false,
                    },
                    activity_control(Action::Point(index)),
                ));
            }
        });
}

fn card_sort(
    page: &mut ChildSpawnerCommands,
    run: &Run,
    columns: &[Point],
    cards: &[Card],
    picture: &dyn Fn(&str) -> Handle<Image>,
) {
    let Some(card) = cards.get(run.card) else {
        return;
    };
    page.spawn(Node {
        flex_direction: FlexDirection::Row,
        align_items: AlignItems::Center,
        column_gap: px(GAP_PX * 4.0),
        ..default()
    })
    .with_children(|row| {
        row.spawn(picture_choice(
            PictureChoice {
                name: "Card".to_string(),
                word: &card.word,
                picture: picture(&card.symbol),
                colour: HIGHLIGHT,
                size: (220.0, 220.0),
                chosen: run.card_picked,
            },
            activity_control(Action::PickCard),
        ));
        let hint = if run.card_picked {
            "Now tap where it goes."
        } else {
            "Tap the card, then where it goes."
        };
        row.spawn(theme::label(hint, CHOICE_LABEL_PX, TEXT));
        row.spawn(theme::label(
            format!("Card {} of {}", run.card + 1, cards.len()),
            CHOICE_LABEL_PX,
            TEXT,
        ));
    });
    // The columns hang from the top at a fixed width: a long list of cards under one grows
    // downwards and never moves another column (docs/decisions.md, "Nothing moves").
    let columns_row = Node {
        align_items: AlignItems::FlexStart,
        ..wrapping_row()
    };
    page.spawn((Name::new("Columns"), columns_row))
        .with_children(|row| {
            for (index, column) in columns.iter().enumerate() {
                let placed: Vec<&str> = run
                    .placed
                    .iter()
                    .filter(|(_, c)| c == &column.word)
                    .map(|(card, _)| card.as_str())
                    .collect();
                row.spawn(Node {
                    width: px(COLUMN_SIZE.0),
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::Center,
                    row_gap: px(GAP_PX),
                    ..default()
                })
                .with_children(|column_node| {
                    column_node.spawn(picture_choice(
                        PictureChoice {
                            name: format!("Column {}", column.word),
                            word: &column.word,
                            picture: picture(&column.symbol),
                            colour: colour_of(&column.colour),
                            size: COLUMN_SIZE,
                            chosen: false,
                        },
                        activity_control(Action::Column(index)),
                    ));
                    column_node.spawn(theme::label(placed.join(", "), CHOICE_LABEL_PX, TEXT));
                });
            }
        });
}

const COLUMN_SIZE: (f32, f32) = (260.0, 200.0);

fn bottom_bar(
    page: &mut ChildSpawnerCommands,
    can_undo: bool,
    can_decline: bool,
    picture: &dyn Fn(&str) -> Handle<Image>,
) {
    let size = (250.0, 100.0);
    let mut buttons = Vec::new();
    if can_decline {
        for (name, answer, symbol) in [
            (
                "Decline button",
                Decline::DontWantToAnswer,
                "zipper-mouth-face",
            ),
            ("Don't know button", Decline::DontKnow, "person-shrugging"),
        ] {
            buttons.push((name, answer.words(), symbol, Action::Decline(answer)));
        }
    }
    let undo = (
        "Undo button",
        "Undo",
        "counterclockwise-arrows-button",
        Action::Undo,
    );
    buttons.push(undo);
    buttons.push(("Close activity button", "Back", "back-arrow", Action::Close));
    page.spawn((
        Name::new("Activity bar"),
        Node {
            margin: UiRect::top(auto()),
            flex_direction: FlexDirection::Row,
            // Upright, the bar takes two lines rather than running off the screen.
            flex_wrap: FlexWrap::Wrap,
            justify_content: JustifyContent::Center,
            column_gap: px(GAP_PX * 3.0),
            row_gap: px(GAP_PX * 2.0),
            ..default()
        },
    ))
    .with_children(|bar| {
        for (name, word, symbol, action) in buttons {
            if action == Action::Undo && !can_undo {
                // Undo's place is kept empty until there is something to undo, so the other
                // buttons never move under a finger.
                bar.spawn((
                    Name::new("Undo slot"),
                    Node {
                        width: px(size.0),
                        height: px(size.1),
                        ..default()
                    },
                ));
                continue;
            }
            bar.spawn(picture_choice(
                PictureChoice {
                    name: name.to_string(),
                    word,
                    picture: picture(symbol),
                    colour: PLAIN,
                    size,
                    chosen: false,
                },
                activity_control(action),
            ));
        }
    });
}
