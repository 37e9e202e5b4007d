//! The activity screens' widgets: the prompt, big picture-and-word choices, the card sort, the
//! houses with their symbol picker, the body map, and the bar with the decline, undo and back
//! buttons every activity has.

use bevy::prelude::*;

use super::{ActivityLibrary, ActivityScreen, activity_control};
use crate::Content;
use crate::input::Control;
use crate::model::activity::{
    Action, Activity, Card, House, Open, Point, Region, Run, ScaleLook, Side, current_prompt,
};
use crate::model::session::Decline;
use crate::symbol_images::load_picture;
use crate::theme::{
    self, ACTIVITY_BACKGROUND, GAP_PX, HIGHLIGHT, PLAIN_CHOICE as PLAIN, PictureChoice,
    PressFeedback, SKIN, TEXT, activity_colour as colour_of, darker, picture_choice,
};

const PROMPT_PX: f32 = 34.0;
const CHOICE_LABEL_PX: f32 = theme::BUTTON_LABEL_PX;
/// The body map's outline boxes; every region stays at least 15 mm (89 px) either way.
const OUTLINE_WIDTH_PX: f32 = 370.0;
const OUTLINE_HEIGHT_PX: f32 = 560.0;
/// Symbols offered at once in the houses' picker (one row on a tablet; "More" shows the next).
const PICKER_CELLS: usize = 8;

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
) {
    let Ok((root, mut node)) = overlay.single_mut() else {
        return;
    };
    commands.entity(root).despawn_related::<Children>();
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
                house_row(page, run, houses, &picture);
                symbol_picker(page, run, &content, &picture);
            }
            Activity::BodyMap { regions, .. } => body_map(page, regions),
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

fn wrapping_row() -> Node {
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
                row.spawn(picture_choice(PictureChoice { name: format!("Choice {}", point.word), word: &point.word, picture: picture(&point.symbol), colour: colour_of(&point.colour), size: (size.0, size.1 + step), chosen: false }, activity_control(Action::Point(index))));
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
        row.spawn(picture_choice(PictureChoice { name: "Card".to_string(), word: &card.word, picture: picture(&card.symbol), colour: HIGHLIGHT, size: (220.0, 220.0), chosen: run.card_picked }, activity_control(Action::PickCard)));
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
    page.spawn((Name::new("Columns"), wrapping_row()))
        .with_children(|row| {
            for (index, column) in columns.iter().enumerate() {
                let placed: Vec<&str> = run
                    .placed
                    .iter()
                    .filter(|(_, c)| c == &column.word)
                    .map(|(card, _)| card.as_str())
                    .collect();
                row.spawn(Node {
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::Center,
                    row_gap: px(GAP_PX),
                    ..default()
                })
                .with_children(|column_node| {
                    column_node.spawn(picture_choice(PictureChoice { name: format!("Column {}", column.word), word: &column.word, picture: picture(&column.symbol), colour: colour_of(&column.colour), size: (260.0, 200.0), chosen: false }, activity_control(Action::Column(index))));
                    column_node.spawn(theme::label(placed.join(", "), CHOICE_LABEL_PX, TEXT));
                });
            }
        });
}

fn house_row(
    page: &mut ChildSpawnerCommands,
    run: &Run,
    houses: &[House],
    picture: &dyn Fn(&str) -> Handle<Image>,
) {
    page.spawn((Name::new("Houses"), wrapping_row()))
        .with_children(|row| {
            for (index, house) in houses.iter().enumerate() {
                let words = run
                    .house_words
                    .get(index)
                    .map(|w| w.join(", "))
                    .unwrap_or_default();
                row.spawn(Node {
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::Center,
                    width: px(300.0),
                    ..default()
                })
                .with_children(|house_node| {
                    house_node.spawn(picture_choice(PictureChoice { name: format!("House {}", house.id), word: &house.word, picture: picture(&house.symbol), colour: PLAIN, size: (220.0, 150.0), chosen: run.house == Some(index) }, activity_control(Action::House(index))));
                    house_node.spawn(theme::label(words, 18.0, TEXT));
                });
            }
        });
}

/// The vocabulary's words, one board at a time, to put in the chosen house.
fn symbol_picker(
    page: &mut ChildSpawnerCommands,
    run: &Run,
    content: &Content,
    picture: &dyn Fn(&str) -> Handle<Image>,
) {
    if run.house.is_none() {
        page.spawn(theme::label(
            "Tap a house, then the things to put in it.",
            CHOICE_LABEL_PX,
            TEXT,
        ));
        return;
    }
    let vocabulary = &content.vocabulary;
    page.spawn((Name::new("Picker boards"), wrapping_row()))
        .with_children(|tabs| {
            for board in vocabulary.home().into_iter().chain(
                vocabulary
                    .boards
                    .values()
                    .filter(|b| b.id != crate::model::vocab::HOME_BOARD),
            ) {
                tabs.spawn((
                    theme::child_button(
                        format!("Picker board {}", board.id),
                        board.name.clone(),
                        activity_control(Action::PickerBoard(board.id.clone())),
                    ),
                ));
            }
        });
    let Some(board) = vocabulary.board(&run.picker_board) else {
        return;
    };
    page.spawn((Name::new("Picker"), wrapping_row()))
        .with_children(|grid| {
            let words: Vec<_> = board.visible_cells().filter(|c| !c.is_folder()).collect();
            let start = if run.picker_offset < words.len() {
                run.picker_offset
            } else {
                0
            };
            for cell in words.iter().skip(start).take(PICKER_CELLS) {
                grid.spawn(picture_choice(PictureChoice { name: format!("Pick {}", cell.id), word: &cell.word, picture: picture(&cell.symbol), colour: theme::word_class_colour(cell.class), size: (124.0, 110.0), chosen: false }, activity_control(Action::HouseSymbol {
                        word: cell.word.clone(),
                        symbol: cell.symbol.clone(),
                    })));
            }
            if words.len() > PICKER_CELLS {
                grid.spawn(picture_choice(PictureChoice { name: "More words".to_string(), word: "more words", picture: picture("right-arrow"), colour: PLAIN, size: (124.0, 110.0), chosen: false }, activity_control(Action::PickerMore(start + PICKER_CELLS))));
            }
        });
}

fn body_map(page: &mut ChildSpawnerCommands, regions: &[Region]) {
    page.spawn((
        Name::new("Body map"),
        Node {
            flex_direction: FlexDirection::Row,
            justify_content: JustifyContent::Center,
            column_gap: px(GAP_PX * 6.0),
            ..default()
        },
    ))
    .with_children(|row| {
        for (side, title) in [(Side::Front, "Front"), (Side::Back, "Back")] {
            row.spawn(Node {
                flex_direction: FlexDirection::Column,
                align_items: AlignItems::Center,
                ..default()
            })
            .with_children(|column| {
                column
                    .spawn((
                        Name::new(format!("{title} outline")),
                        Node {
                            width: px(OUTLINE_WIDTH_PX),
                            height: px(OUTLINE_HEIGHT_PX),
                            ..default()
                        },
                    ))
                    .with_children(|outline| {
                        // The side's name sits in the outline's empty top corner.
                        outline.spawn((
                            Node {
                                position_type: PositionType::Absolute,
                                left: px(0.0),
                                top: px(0.0),
                                ..default()
                            },
                            theme::label(title, CHOICE_LABEL_PX, TEXT),
                        ));
                        for region in regions.iter().filter(|r| r.side == side) {
                            outline.spawn(region_button(region));
                        }
                    });
            });
        }
    });
}

fn region_button(region: &Region) -> impl Bundle {
    let skin = SKIN;
    (
        Name::new(format!("Region {}", region.id)),
        Button,
        Control,
        activity_control(Action::Region(region.word.clone())),
        Node {
            position_type: PositionType::Absolute,
            left: percent(region.x),
            top: percent(region.y),
            width: percent(region.width),
            height: percent(region.height),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border: UiRect::all(px(3.0)),
            border_radius: BorderRadius::all(px(18.0)),
            ..default()
        },
        BackgroundColor(skin),
        BorderColor::all(darker(skin, 0.5)),
        PressFeedback {
            normal: skin,
            pressed: darker(skin, 0.25),
        },
        children![theme::label(region.word.clone(), 18.0, TEXT)],
    )
}

fn bottom_bar(
    page: &mut ChildSpawnerCommands,
    can_undo: bool,
    can_decline: bool,
    picture: &dyn Fn(&str) -> Handle<Image>,
) {
    let size = (200.0, 100.0);
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
            buttons.push((
                name,
                answer.words(),
                symbol,
                Action::Decline(answer),
            ));
        }
    }
    if can_undo {
        buttons.push((
            "Undo button",
            "Undo",
            "counterclockwise-arrows-button",
            Action::Undo,
        ));
    }
    buttons.push((
        "Close activity button",
        "Back",
        "back-arrow",
        Action::Close,
    ));
    page.spawn((
        Name::new("Activity bar"),
        Node {
            margin: UiRect::top(auto()),
            flex_direction: FlexDirection::Row,
            justify_content: JustifyContent::Center,
            column_gap: px(GAP_PX * 3.0),
            ..default()
        },
    ))
    .with_children(|bar| {
        for (name, word, symbol, action) in buttons {
            bar.spawn(picture_choice(PictureChoice { name: name.to_string(), word: word, picture: picture(symbol), colour: PLAIN, size: size, chosen: false }, activity_control(action)));
        }
    });
}
