//! Feelings and activities, the child's structured screens: emotion scales, the body map, card
//! sorts and houses. Each prompt is shown and spoken; every answer (or "I don't want to answer",
//! "I don't know") goes into the visit's journal with the exact prompt and options; the last
//! answer can be undone.

mod screens;

use bevy::prelude::*;

use crate::Content;
use crate::model::problem::Problem;
use crate::model::scale::{Activities, Activity, ActivityFile, FEELINGS_CHECK_IN, ScaleLook};
use crate::model::session::{ActivityKind, Decline, Event};
use crate::screen::NavStrip;
use crate::theme;
use crate::visit::Visit;
use crate::voice::SayText;

/// The `Run::activity` of the list of activities.
pub const ACTIVITY_LIST: &str = "";

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ActivityScreen>()
        .add_systems(Startup, (load_activities, spawn_overlay))
        .add_systems(PostStartup, spawn_nav_buttons)
        .add_systems(
            Update,
            (
                forget_answers_of_other_visits.run_if(resource_changed::<Visit>),
                screens::show_activity.run_if(resource_changed::<ActivityScreen>),
            )
                .chain(),
        )
        .add_observer(press_activity_button);
}

/// The activities this app offers, with problems found in a worker's own files.
#[derive(Resource, Debug, Default)]
pub struct ActivityLibrary {
    pub activities: Activities,
    pub problems: Vec<Problem>,
}

/// Which activity is on screen, and the child's progress through it.
#[derive(Resource, Debug, Default)]
pub struct ActivityScreen {
    pub open: Option<Run>,
    /// Each answer's state before it, with the journal line it wrote, newest last.
    undo: Vec<(Run, Option<u64>)>,
}

/// When a visit starts, resumes, ends or is closed, the open activity closes and its undo list
/// is forgotten: nothing of one child's answers shows for the next, and no undo can strike out
/// a line of another visit's journal.
fn forget_answers_of_other_visits(
    visit: Res<Visit>,
    mut screen: ResMut<ActivityScreen>,
    mut answers_belong_to: Local<(Option<std::path::PathBuf>, bool)>,
) {
    let now = (
        visit.journal_path().map(std::path::Path::to_path_buf),
        visit.has_ended(),
    );
    if *answers_belong_to != now {
        *answers_belong_to = now;
        screen.open = None;
        screen.undo.clear();
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Run {
    pub activity: String,
    /// What an earlier answer made this one about (the feeling, the body region).
    pub about: Option<String>,
    /// Card sort: the card being asked about, whether the child has picked it up, and where
    /// each card went so far (card word, column word).
    pub card: usize,
    pub card_picked: bool,
    pub placed: Vec<(String, String)>,
    /// Houses: the house chosen, the board the picker shows, and each house's words so far.
    pub house: Option<usize>,
    pub picker_board: String,
    /// The first word the picker shows of its board.
    pub picker_offset: usize,
    pub house_words: Vec<Vec<String>>,
    /// The child has answered; the screen says thank you and what was said.
    pub done: Option<String>,
}

impl Run {
    fn new(activity: &str, about: Option<String>) -> Run {
        Run {
            activity: activity.to_string(),
            about,
            picker_board: crate::model::vocab::HOME_BOARD.to_string(),
            ..Run::default()
        }
    }
}

/// What a button on an activity screen does.
#[derive(Component, Clone, Debug, PartialEq)]
pub enum ActivityAction {
    Open(String),
    Point(usize),
    PickCard,
    Column(usize),
    House(usize),
    PickerBoard(String),
    /// Show the picker's words from this one on.
    PickerMore(usize),
    HouseSymbol {
        word: String,
        symbol: String,
    },
    Region(String),
    Decline(Decline),
    SayAgain,
    Undo,
    Close,
}

#[derive(Component)]
pub struct ActivityOverlay;

fn load_activities(mut commands: Commands, content: Res<Content>) {
    let (mut activities, mut problems) = Activities::built_in(&content.symbols);
    if let Some(dir) = own_activities_dir(&content) {
        problems.extend(activities.add_dir(&dir, &content.symbols));
    }
    for problem in &problems {
        // File, line and column only: activity files hold no child's data.
        warn!("{problem}");
    }
    commands.insert_resource(ActivityLibrary {
        activities,
        problems,
    });
}

/// `DATA/profiles/default/activities/`: a worker's own activities.
pub fn own_activities_dir(content: &Content) -> Option<std::path::PathBuf> {
    Some(
        content
            .data_dir
            .as_ref()?
            .join("profiles")
            .join("default")
            .join("activities"),
    )
}

fn spawn_overlay(mut commands: Commands) {
    commands.spawn((
        Name::new("Activity screen"),
        ActivityOverlay,
        Node {
            position_type: PositionType::Absolute,
            width: percent(100.0),
            height: percent(100.0),
            display: Display::None,
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(px(theme::GAP_PX * 2.0)),
            row_gap: px(theme::GAP_PX * 2.0),
            ..default()
        },
        BackgroundColor(screens::SCREEN_BACKGROUND),
        // Over the board, under the worker area.
        GlobalZIndex(50),
    ));
}

fn spawn_nav_buttons(mut commands: Commands, strip: Query<Entity, With<NavStrip>>) {
    let Ok(strip) = strip.single() else { return };
    let feelings = commands
        .spawn((
            theme::button_with_height("Feelings button", "Feelings", theme::CHILD_TARGET_PX),
            ActivityAction::Open(FEELINGS_CHECK_IN.to_string()),
        ))
        .id();
    let activities = commands
        .spawn((
            theme::button_with_height("Activities button", "Activities", theme::CHILD_TARGET_PX),
            ActivityAction::Open(ACTIVITY_LIST.to_string()),
        ))
        .id();
    // After Home and Back, before the symbol credit at the far end.
    commands
        .entity(strip)
        .insert_children(2, &[feelings, activities]);
}

fn press_activity_button(
    click: On<Pointer<Click>>,
    actions: Query<&ActivityAction>,
    library: Res<ActivityLibrary>,
    mut screen: ResMut<ActivityScreen>,
    mut visit: ResMut<Visit>,
    mut say: MessageWriter<SayText>,
) {
    let Ok(action) = actions.get(click.entity) else {
        return;
    };
    let activities = &library.activities;
    if let ActivityAction::Open(id) = action {
        let run = Run::new(id, None);
        if let Some(activity) = activities.get(id) {
            say.write(SayText(current_prompt(activity, &run)));
        }
        screen.open = Some(run);
        screen.undo.clear();
        return;
    }
    match action {
        ActivityAction::Close => {
            screen.open = None;
            screen.undo.clear();
            return;
        }
        ActivityAction::Undo => {
            if let Some((before, seq)) = screen.undo.pop() {
                if let Some(seq) = seq {
                    visit.record(Event::Redacted {
                        seq,
                        reason: "undone by the child".into(),
                    });
                }
                screen.open = Some(before);
            }
            return;
        }
        _ => {}
    }
    let Some(run) = screen.open.clone() else {
        return;
    };
    let Some(activity) = activities.get(&run.activity) else {
        return;
    };
    let by = visit.actor();
    let mut next = run.clone();
    let recorded;
    match (action, &activity.activity) {
        (ActivityAction::SayAgain, _) => {
            say.write(SayText(current_prompt(activity, &run)));
            return;
        }
        (
            ActivityAction::Point(index),
            Activity::Scale {
                points, then, look, ..
            },
        ) => {
            let Some(point) = points.get(*index) else {
                return;
            };
            recorded = visit.record(Event::ScaleAnswered {
                scale: activity.id.clone(),
                prompt: activity.prompt().to_string(),
                options: activity.options(),
                chosen: *index,
                by,
                about: run.about.clone(),
                unordered: *look == ScaleLook::Choices,
            });
            match then.as_deref().and_then(|id| activities.get(id)) {
                Some(following) => {
                    next = Run::new(&following.id, Some(point.word.clone()));
                    say.write(SayText(following.prompt().to_string()));
                }
                None => {
                    say.write(SayText(point.word.clone()));
                    next.done = Some(format!("You said: {}", point.word));
                }
            }
        }
        (ActivityAction::PickCard, Activity::CardSort { .. }) => {
            next.card_picked = true;
            screen.open = Some(next);
            return;
        }
        (ActivityAction::Column(index), Activity::CardSort { columns, cards, .. }) => {
            let (Some(column), Some(card)) = (columns.get(*index), cards.get(run.card)) else {
                return;
            };
            if !run.card_picked {
                // Tap the card, then its column: a column alone does nothing.
                return;
            }
            recorded = visit.record(Event::CardPlaced {
                activity: activity.id.clone(),
                prompt: card_prompt(activity, run.card),
                card: card.word.clone(),
                column: column.word.clone(),
                by,
                options: activity.options(),
            });
            next.placed.push((card.word.clone(), column.word.clone()));
            next_card(&mut next, activity, &mut say);
        }
        (ActivityAction::House(index), Activity::Houses { .. }) => {
            next.house = Some(*index);
            screen.open = Some(next);
            return;
        }
        (ActivityAction::PickerMore(offset), Activity::Houses { .. }) => {
            next.picker_offset = *offset;
            screen.open = Some(next);
            return;
        }
        (ActivityAction::PickerBoard(board), Activity::Houses { .. }) => {
            next.picker_board = board.clone();
            next.picker_offset = 0;
            screen.open = Some(next);
            return;
        }
        (ActivityAction::HouseSymbol { word, symbol }, Activity::Houses { houses, .. }) => {
            let Some((index, house)) = run.house.and_then(|i| Some((i, houses.get(i)?))) else {
                return;
            };
            recorded = visit.record(Event::HouseFilled {
                activity: activity.id.clone(),
                prompt: activity.prompt().to_string(),
                house: house.word.clone(),
                symbol: symbol.clone(),
                word: word.clone(),
                by,
            });
            next.house_words.resize(houses.len(), Vec::new());
            if let Some(words) = next.house_words.get_mut(index) {
                words.push(word.clone());
            }
        }
        (ActivityAction::Region(region), Activity::BodyMap { then, .. }) => {
            recorded = visit.record(Event::BodyRegionChosen {
                activity: activity.id.clone(),
                prompt: activity.prompt().to_string(),
                options: activity.options(),
                region: region.clone(),
                by,
            });
            match then.as_deref().and_then(|id| activities.get(id)) {
                Some(following) => {
                    next = Run::new(&following.id, Some(region.clone()));
                    say.write(SayText(following.prompt().to_string()));
                }
                None => next.done = Some(format!("You said: {region}")),
            }
        }
        (ActivityAction::Decline(answer), kind) => {
            let (kind, item, prompt) = match kind {
                Activity::Scale { .. } => (
                    ActivityKind::Scale,
                    run.about.clone(),
                    activity.prompt().to_string(),
                ),
                Activity::CardSort { cards, .. } => (
                    ActivityKind::CardSort,
                    cards.get(run.card).map(|c| c.word.clone()),
                    card_prompt(activity, run.card),
                ),
                Activity::BodyMap { .. } => {
                    (ActivityKind::BodyMap, None, activity.prompt().to_string())
                }
                Activity::Houses { .. } => {
                    (ActivityKind::Houses, None, activity.prompt().to_string())
                }
            };
            recorded = visit.record(Event::Declined {
                activity: activity.id.clone(),
                kind,
                prompt,
                options: activity.options(),
                item,
                answer: *answer,
                by,
            });
            if kind == ActivityKind::CardSort {
                next.card_picked = false;
                next_card(&mut next, activity, &mut say);
            } else {
                next.done = Some(format!("You said: {}", answer.words()));
            }
        }
        _ => return,
    }
    screen.undo.push((run, recorded));
    screen.open = Some(next);
}

/// Moves to the next card, or to the end of the sort.
fn next_card(run: &mut Run, activity: &ActivityFile, say: &mut MessageWriter<SayText>) {
    run.card += 1;
    run.card_picked = false;
    let Activity::CardSort { cards, .. } = &activity.activity else {
        return;
    };
    if run.card >= cards.len() {
        run.done = Some("All the cards are sorted.".to_string());
    } else {
        say.write(SayText(card_prompt(activity, run.card)));
    }
}

/// The card's own question ("How is school?"), else the sort's prompt.
pub fn card_prompt(activity: &ActivityFile, card: usize) -> String {
    match &activity.activity {
        Activity::CardSort { cards, prompt, .. } => cards
            .get(card)
            .and_then(|c| c.prompt.clone())
            .unwrap_or_else(|| prompt.clone()),
        _ => activity.prompt().to_string(),
    }
}

/// What the screen asks now.
pub fn current_prompt(activity: &ActivityFile, run: &Run) -> String {
    match &activity.activity {
        Activity::CardSort { .. } => card_prompt(activity, run.card),
        _ => activity.prompt().to_string(),
    }
}
