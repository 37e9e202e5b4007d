//! The activity screens: the list of activities, the prompt, big picture-and-word choices, the
//! card sort, and the bar with the decline, undo and back buttons every activity has (the houses
//! and the body map are in `places.rs`).

use bevy::prelude::*;

use super::{ActivityLibrary, ActivityScreen, activity_control};
use crate::Content;
use crate::model::activity::{Action, Activity, Card, Open, Point, Run, ScaleLook, current_prompt};
use crate::model::session::Decline;
use crate::model::theme::Palette;
use crate::symbol_images::load_picture;
use crate::theme::{self, GAP_PX, PictureChoice, picture_choice};

pub(super) const PROMPT_PX: f32 = 34.0;
pub(super) const CHOICE_LABEL_PX: f32 = theme::BUTTON_LABEL_PX;

/// What the activity screens are drawn with: the child's palette and text size, and the
/// pictures of the child's vocabulary.
pub(super) struct Cards<'a> {
    pub(super) palette: Palette,
    pub(super) text_scale: f32,
    picture: &'a dyn Fn(&str) -> Handle<Image>,
}

impl Cards<'_> {
    pub(super) fn picture(&self, id: &str) -> Handle<Image> {
        (self.picture)(id)
    }

    /// Words on the activity's background, in the child's text size.
    pub(super) fn words<T: Into<String>>(&self, text: T, size_px: f32) -> impl Bundle + use<T> {
        theme::label(
            text,
            size_px * self.text_scale,
            self.palette.activity_ink.into(),
        )
    }
}

/// The activity screen's root: over the board, under the worker area.
#[derive(Component)]
pub struct ActivityOverlay;

pub(super) fn spawn_overlay(mut commands: Commands) {
    commands.spawn((
        theme::overlay_root(
            "Activity screen",
            theme::child_palette(None).activity_background.into(),
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
    let cards = Cards {
        palette: content.settings.theme.palette(),
        text_scale: content.settings.text_size.scale(),
        picture: &picture,
    };
    commands
        .entity(root)
        .insert(BackgroundColor(cards.palette.activity_background.into()));
    let can_undo = !screen.undo.is_empty();
    commands.entity(root).with_children(|page| {
        let run = match open {
            Open::Activity(run) => run,
            Open::ReadBack(read_back) => {
                super::read_back::read_back_screen(page, read_back, can_undo, &cards);
                return;
            }
            Open::List => {
                activity_list(page, &library, &cards);
                return;
            }
        };
        let Some(activity) = library.activities.get(&run.activity) else {
            prompt_row(page, "This activity is missing.", false, &cards);
            bottom_bar(page, false, false, &cards);
            return;
        };
        let prompt = match &run.about {
            Some(about) => format!("{} ({about})", current_prompt(activity, run)),
            None => current_prompt(activity, run),
        };
        prompt_row(page, &prompt, true, &cards);
        if let Some(done) = &run.done {
            page.spawn((
                Name::new("Done"),
                cards.words(format!("Thank you. {done}"), PROMPT_PX),
            ));
            bottom_bar(page, can_undo, false, &cards);
            return;
        }
        match &activity.activity {
            Activity::Scale { look, points, .. } => scale_choices(page, *look, points, &cards),
            Activity::CardSort {
                columns,
                cards: deck,
                ..
            } => {
                card_sort(page, run, columns, deck, &cards);
            }
            Activity::Houses { houses, .. } => {
                super::places::house_row(page, run, houses, &cards);
                super::places::symbol_picker(page, run, &content, &cards);
            }
            Activity::BodyMap { regions, .. } => super::places::body_map(page, regions, &cards),
        }
        bottom_bar(page, can_undo, true, &cards);
    });
}

fn activity_list(page: &mut ChildSpawnerCommands, library: &ActivityLibrary, cards: &Cards) {
    prompt_row(page, "What shall we do?", false, cards);
    page.spawn(wrapping_row()).with_children(|list| {
        for activity in library.activities.listed() {
            list.spawn(picture_choice(
                PictureChoice {
                    name: format!("Activity {}", activity.id),
                    word: &activity.title,
                    picture: cards.picture(&activity.symbol),
                    colour: cards.palette.plain,
                    size: (260.0, 200.0),
                    chosen: false,
                    palette: &cards.palette,
                    text_scale: cards.text_scale,
                },
                activity_control(Action::Open(activity.id.clone())),
            ));
        }
    });
    bottom_bar(page, false, false, cards);
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

pub(super) fn prompt_row(
    page: &mut ChildSpawnerCommands,
    prompt: &str,
    can_repeat: bool,
    cards: &Cards,
) {
    page.spawn(Node {
        flex_direction: FlexDirection::Row,
        align_items: AlignItems::Center,
        column_gap: px(GAP_PX * 3.0),
        ..default()
    })
    .with_children(|row| {
        row.spawn((
            Name::new("Prompt"),
            cards.words(prompt.to_string(), PROMPT_PX),
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
    cards: &Cards,
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
                        picture: cards.picture(&point.symbol),
                        colour: theme::activity_colour(&point.colour, cards.palette.plain),
                        size: (size.0, size.1 + step),
                        chosen: false,
                        palette: &cards.palette,
                        text_scale: cards.text_scale,
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
    deck: &[Card],
    cards: &Cards,
) {
    let Some(card) = deck.get(run.card) else {
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
                picture: cards.picture(&card.symbol),
                colour: cards.palette.highlight,
                size: (220.0, 220.0),
                chosen: run.card_picked,
                palette: &cards.palette,
                text_scale: cards.text_scale,
            },
            activity_control(Action::PickCard),
        ));
        let hint = if run.card_picked {
            "Now tap where it goes."
        } else {
            "Tap the card, then where it goes."
        };
        row.spawn(cards.words(hint, CHOICE_LABEL_PX));
        row.spawn(cards.words(
            format!("Card {} of {}", run.card + 1, deck.len()),
            CHOICE_LABEL_PX,
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
                            picture: cards.picture(&column.symbol),
                            colour: theme::activity_colour(&column.colour, cards.palette.plain),
                            size: COLUMN_SIZE,
                            chosen: false,
                            palette: &cards.palette,
                            text_scale: cards.text_scale,
                        },
                        activity_control(Action::Column(index)),
                    ));
                    column_node.spawn(cards.words(placed.join(", "), CHOICE_LABEL_PX));
                });
            }
        });
}

const COLUMN_SIZE: (f32, f32) = (260.0, 200.0);

pub(super) fn bottom_bar(
    page: &mut ChildSpawnerCommands,
    can_undo: bool,
    can_decline: bool,
    cards: &Cards,
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
                    picture: cards.picture(symbol),
                    colour: cards.palette.plain,
                    size,
                    chosen: false,
                    palette: &cards.palette,
                    text_scale: cards.text_scale,
                },
                activity_control(action),
            ));
        }
    });
}
