//! A child's way through an activity as a pure function: from the activity, where the child is,
//! what they chose and who chose it (the child, or the worker modelling) to where they are next,
//! the journal event to record and the words to say. The Bevy side only applies the result.

use super::{Activities, Activity, ActivityFile};
use crate::model::session::{ActivityKind, Actor, Decline, Event};
use crate::model::vocab::HOME_BOARD;

/// What the activity screen shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Open {
    /// The list of activities to choose from.
    List,
    Activity(Run),
    /// "Check with the child" (`model/read_back`), on the activity screen.
    ReadBack(crate::model::read_back::ReadBack),
}

/// Where the child is in one activity.
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
    pub fn new(activity: &str, about: Option<String>) -> Run {
        Run {
            activity: activity.to_string(),
            about,
            picker_board: HOME_BOARD.to_string(),
            ..Run::default()
        }
    }
}

/// What a control on an activity screen does.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    OpenList,
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
    /// An answer to a read-back question.
    Check(crate::model::read_back::CheckAnswer),
    SayAgain,
    Undo,
    Close,
}

/// The result of one action inside an activity.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub next: Run,
    /// The answer to put in the visit's journal.
    pub record: Option<Event>,
    /// Words to say aloud (a prompt, the word chosen).
    pub say: Option<String>,
    /// An answer the child can undo: the state before it is kept.
    pub undoable: bool,
}

impl Step {
    fn moved(next: Run) -> Option<Step> {
        Some(Step {
            next,
            record: None,
            say: None,
            undoable: false,
        })
    }

    fn answered(next: Run, event: Event, say: Option<String>) -> Option<Step> {
        Some(Step {
            next,
            record: Some(event),
            say,
            undoable: true,
        })
    }
}

/// The next state of `run` after `action` by `by`; `None` when the action does nothing here
/// (a column tapped before its card, an action of another kind of activity). Opening, closing
/// and undoing are the screen's, not the activity's, and also give `None`.
pub fn step(activities: &Activities, run: &Run, action: &Action, by: Actor) -> Option<Step> {
    let activity = activities.get(&run.activity)?;
    let mut next = run.clone();
    match (action, &activity.activity) {
        (Action::SayAgain, _) => Some(Step {
            next,
            record: None,
            say: Some(current_prompt(activity, run)),
            undoable: false,
        }),
        (
            Action::Point(index),
            Activity::Scale {
                points, then, look, ..
            },
        ) => {
            let point = points.get(*index)?;
            let event = Event::ScaleAnswered {
                scale: activity.id.clone(),
                prompt: activity.prompt().to_string(),
                options: activity.options(),
                chosen: *index,
                by,
                about: run.about.clone(),
                unordered: *look == super::ScaleLook::Choices,
            };
            let say = match then.as_deref().and_then(|id| activities.get(id)) {
                Some(following) => {
                    next = Run::new(&following.id, Some(point.word.clone()));
                    following.prompt().to_string()
                }
                None => {
                    next.done = Some(format!("You said: {}", point.word));
                    point.word.clone()
                }
            };
            Step::answered(next, event, Some(say))
        }
        (Action::PickCard, Activity::CardSort { .. }) => {
            next.card_picked = true;
            Step::moved(next)
        }
        (Action::Column(index), Activity::CardSort { columns, cards, .. }) => {
            let (column, card) = (columns.get(*index)?, cards.get(run.card)?);
            if !run.card_picked {
                // Tap the card, then its column: a column alone does nothing.
                return None;
            }
            let event = Event::CardPlaced {
                activity: activity.id.clone(),
                prompt: card_prompt(activity, run.card),
                card: card.word.clone(),
                column: column.word.clone(),
                by,
                options: activity.options(),
            };
            next.placed.push((card.word.clone(), column.word.clone()));
            let say = next_card(&mut next, activity);
            Step::answered(next, event, say)
        }
        (Action::House(index), Activity::Houses { .. }) => {
            next.house = Some(*index);
            Step::moved(next)
        }
        (Action::PickerMore(offset), Activity::Houses { .. }) => {
            next.picker_offset = *offset;
            Step::moved(next)
        }
        (Action::PickerBoard(board), Activity::Houses { .. }) => {
            next.picker_board = board.clone();
            next.picker_offset = 0;
            Step::moved(next)
        }
        (Action::HouseSymbol { word, symbol }, Activity::Houses { houses, .. }) => {
            let index = run.house?;
            let house = houses.get(index)?;
            let event = Event::HouseFilled {
                activity: activity.id.clone(),
                prompt: activity.prompt().to_string(),
                house: house.word.clone(),
                symbol: symbol.clone(),
                word: word.clone(),
                by,
            };
            next.house_words.resize(houses.len(), Vec::new());
            next.house_words[index].push(word.clone());
            Step::answered(next, event, None)
        }
        (Action::Region(region), Activity::BodyMap { then, .. }) => {
            let event = Event::BodyRegionChosen {
                activity: activity.id.clone(),
                prompt: activity.prompt().to_string(),
                options: activity.options(),
                region: region.clone(),
                by,
            };
            let say = match then.as_deref().and_then(|id| activities.get(id)) {
                Some(following) => {
                    next = Run::new(&following.id, Some(region.clone()));
                    Some(following.prompt().to_string())
                }
                None => {
                    next.done = Some(format!("You said: {region}"));
                    None
                }
            };
            Step::answered(next, event, say)
        }
        (Action::Decline(answer), kind) => {
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
            let event = Event::Declined {
                activity: activity.id.clone(),
                kind,
                prompt,
                options: activity.options(),
                item,
                answer: *answer,
                by,
            };
            let say = if kind == ActivityKind::CardSort {
                next.card_picked = false;
                next_card(&mut next, activity)
            } else {
                next.done = Some(format!("You said: {}", answer.words()));
                None
            };
            Step::answered(next, event, say)
        }
        _ => None,
    }
}

/// Moves to the next card, or to the end of the sort; the next card's question is said.
fn next_card(run: &mut Run, activity: &ActivityFile) -> Option<String> {
    run.card += 1;
    run.card_picked = false;
    let Activity::CardSort { cards, .. } = &activity.activity else {
        return None;
    };
    if run.card >= cards.len() {
        run.done = Some("All the cards are sorted.".to_string());
        None
    } else {
        Some(card_prompt(activity, run.card))
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
