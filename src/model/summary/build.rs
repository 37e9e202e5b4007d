//! Building the summary from a journal: redacted events left out, marks attached to what they
//! mark, the child's words apart from the worker's modelling.

use super::{BodyPlace, CardSort, Feeling, HouseList, Note, SUMMARY_VERSION, Summary};

use super::said::{labels_of_cells, said};
use crate::model::messages::{Whose, group_messages};
use crate::model::session::{ActivityKind, Actor, Event, JournalLine, Recovered};

impl Summary {
    /// Builds the summary of a recovered journal. Redacted events are left out; marks are
    /// attached to the items they mark.
    pub fn from_journal(recovered: &Recovered) -> Option<Summary> {
        let lines = &recovered.lines;
        let redacted = recovered.redacted_seqs();
        let mark_of = |seq: u64| {
            lines.iter().rev().find_map(|l| match l.event {
                Event::Marked { seq: marked, mark } if marked == seq => Some(mark),
                _ => None,
            })
        };
        let header = lines
            .iter()
            .find_map(|l| match &l.event {
                Event::VisitStarted { .. } => Some((l.at.clone(), l.event.clone())),
                _ => None,
            })
            .or_else(|| damaged_header(recovered))?;
        let (
            started,
            Event::VisitStarted {
                case_ref,
                visit,
                purpose,
                present,
                seen_alone,
                profile,
                child_seen,
                recorded_by,
                communication,
            },
        ) = header
        else {
            return None;
        };
        let mut summary = Summary {
            v: SUMMARY_VERSION,
            case_ref,
            visit,
            purpose,
            present,
            seen_alone,
            child_seen,
            recorded_by,
            communication,
            profile,
            started,
            ended: lines
                .iter()
                .rev()
                .find(|l| matches!(l.event, Event::VisitEnded))
                .map(|l| l.at.clone()),
            child_messages: Vec::new(),
            modelling: Vec::new(),
            together: Vec::new(),
            feelings: Vec::new(),
            card_sorts: Vec::new(),
            modelled_answers: Vec::new(),
            body_map: Vec::new(),
            houses: Vec::new(),
            notes: Vec::new(),
            attention: Vec::new(),
            read_back: None,
            access_used: Vec::new(),
            worker_record: Vec::new(),
            present_changes: Vec::new(),
            redacted: lines.iter().filter(|l| redacted.contains(&l.seq)).count(),
            skipped_lines: recovered.skipped.iter().map(|s| s.line).collect(),
        };
        for line in recovered.kept_lines() {
            if let Some(text) = modelled_answer(&line.event) {
                summary.modelled_answers.push(Note {
                    at: line.at.clone(),
                    text,
                });
                continue;
            }
            match &line.event {
                Event::ScaleAnswered {
                    scale,
                    prompt,
                    options,
                    chosen,
                    by,
                    about,
                    unordered,
                } => {
                    let answer = options.get(*chosen).map_or("?", String::as_str);
                    let how_much = format!(
                        "{answer} ({} of {})",
                        chosen.saturating_add(1),
                        options.len()
                    );
                    if !summary.answer_body_place(about.as_deref(), how_much) {
                        summary.feelings.push(Feeling {
                            at: line.at.clone(),
                            scale: scale.clone(),
                            prompt: prompt.clone(),
                            options: options.clone(),
                            chosen: *chosen,
                            by: *by,
                            mark: mark_of(line.seq),
                            about: about.clone(),
                            declined: None,
                            unordered: *unordered,
                            not_right: false,
                        });
                    }
                }
                Event::BodyRegionChosen {
                    prompt, region, by, ..
                } => summary.body_map.push(BodyPlace {
                    at: line.at.clone(),
                    prompt: prompt.clone(),
                    region: Some(region.clone()),
                    how_much: None,
                    declined: None,
                    by: *by,
                    not_right: false,
                }),
                Event::HouseFilled {
                    activity,
                    house,
                    word,
                    symbol,
                    ..
                } => summary.house_list(activity).add(house, word, symbol),
                Event::Declined {
                    activity,
                    kind,
                    prompt,
                    options,
                    item,
                    answer,
                    by,
                } => match kind {
                    ActivityKind::Scale => {
                        let declined = format!("declined: {}", answer.words());
                        if !summary.answer_body_place(item.as_deref(), declined) {
                            summary.feelings.push(Feeling {
                                at: line.at.clone(),
                                scale: activity.clone(),
                                prompt: prompt.clone(),
                                options: options.clone(),
                                chosen: 0,
                                by: *by,
                                mark: mark_of(line.seq),
                                about: item.clone(),
                                declined: Some(*answer),
                                unordered: false,
                                not_right: false,
                            });
                        }
                    }
                    ActivityKind::CardSort => {
                        let card = item.clone().unwrap_or_else(|| "(all cards)".into());
                        summary.card_sort(activity).declined.push((card, *answer));
                    }
                    ActivityKind::BodyMap => summary.body_map.push(BodyPlace {
                        at: line.at.clone(),
                        prompt: prompt.clone(),
                        region: None,
                        how_much: None,
                        declined: Some(*answer),
                        by: *by,
                        not_right: false,
                    }),
                    ActivityKind::Houses => summary.house_list(activity).declined.push(*answer),
                },
                Event::CardPlaced {
                    activity,
                    card,
                    column,
                    options,
                    ..
                } => {
                    let sort = summary.card_sort(activity);
                    if sort.offered.is_empty() {
                        sort.offered = options.clone();
                    }
                    summary.place_card(activity, column, card);
                }
                Event::WorkerNote { text } => summary.notes.push(Note {
                    at: line.at.clone(),
                    text: text.clone(),
                }),
                Event::PresentChanged { present } => summary
                    .present_changes
                    .push((line.at.clone(), present.clone())),
                Event::WorkerRecord { part, text } => summary.worker_record.push((
                    *part,
                    Note {
                        at: line.at.clone(),
                        text: text.clone(),
                    },
                )),
                Event::AccessUsed { how } => {
                    if !summary.access_used.contains(how) {
                        summary.access_used.push(*how);
                    }
                }
                Event::VisitStarted { .. }
                | Event::SymbolChosen { .. }
                | Event::MessageSpoken { .. }
                | Event::Redacted { .. }
                | Event::Restored { .. }
                | Event::Marked { .. }
                | Event::Concern { .. }
                | Event::ReadBackStarted { .. }
                | Event::ReadBackAnswer { .. }
                | Event::VisitEnded => {}
            }
        }
        summary.attention = super::attention::attention(recovered, &summary.profile);
        let kept: Vec<&JournalLine> = recovered.kept_lines().collect();
        let label_of_cell = labels_of_cells(&kept);
        for group in group_messages(kept.iter().copied()) {
            let said = said(&group, &label_of_cell, &mark_of);
            match group.whose() {
                Whose::Child => summary.child_messages.push(said),
                Whose::Worker => summary.modelling.push(said),
                Whose::Together => summary.together.push(said),
            }
        }
        super::checked::add_checks(recovered, &mut summary);
        Some(summary)
    }

    /// Gives the latest body place for `region` its "how much", if it has none yet. False when
    /// the answer is not about a place on the body map.
    fn answer_body_place(&mut self, region: Option<&str>, how_much: String) -> bool {
        let Some(region) = region else { return false };
        let place = self
            .body_map
            .iter_mut()
            .rev()
            .find(|p| p.region.as_deref() == Some(region) && p.how_much.is_none());
        match place {
            Some(place) => {
                place.how_much = Some(how_much);
                true
            }
            None => false,
        }
    }

    fn card_sort(&mut self, activity: &str) -> &mut CardSort {
        let index = match self.card_sorts.iter().position(|s| s.activity == activity) {
            Some(i) => i,
            None => {
                self.card_sorts.push(CardSort {
                    activity: activity.to_string(),
                    columns: Vec::new(),
                    declined: Vec::new(),
                    offered: Vec::new(),
                });
                self.card_sorts.len() - 1
            }
        };
        &mut self.card_sorts[index]
    }

    fn house_list(&mut self, activity: &str) -> &mut HouseList {
        let index = match self.houses.iter().position(|h| h.activity == activity) {
            Some(i) => i,
            None => {
                self.houses.push(HouseList {
                    activity: activity.to_string(),
                    houses: Vec::new(),
                    declined: Vec::new(),
                    pictures: Default::default(),
                });
                self.houses.len() - 1
            }
        };
        &mut self.houses[index]
    }

    fn place_card(&mut self, activity: &str, column: &str, card: &str) {
        let sort = self.card_sort(activity);
        // A card moved to another column counts only where it was placed last.
        for (_, cards) in &mut sort.columns {
            cards.retain(|c| c != card);
        }
        match sort.columns.iter_mut().find(|(name, _)| name == column) {
            Some((_, cards)) => cards.push(card.to_string()),
            None => sort
                .columns
                .push((column.to_string(), vec![card.to_string()])),
        }
        sort.columns.retain(|(_, cards)| !cards.is_empty());
    }
}

/// The header of a visit whose `VisitStarted` line is damaged: it says so and where, and starts
/// at the first line that could be read; everything after it is summarised as usual.
fn damaged_header(recovered: &Recovered) -> Option<(String, Event)> {
    let line = recovered.damaged_header?;
    let started = recovered
        .lines
        .first()
        .map(|l| l.at.clone())
        .unwrap_or_default();
    Some((
        started,
        Event::VisitStarted {
            case_ref: format!("unknown: the visit's first line (journal line {line}) is damaged"),
            visit: String::new(),
            purpose: String::new(),
            present: Vec::new(),
            seen_alone: crate::model::session::SeenAlone::NotRecorded,
            profile: "default".to_string(),
            child_seen: None,
            recorded_by: String::new(),
            communication: Default::default(),
        },
    ))
}

impl HouseList {
    fn add(&mut self, house: &str, word: &str, symbol: &str) {
        if !symbol.is_empty() {
            self.pictures.insert(word.to_string(), symbol.to_string());
        }
        match self.houses.iter_mut().find(|(name, _)| name == house) {
            Some((_, words)) => words.push(word.to_string()),
            None => self
                .houses
                .push((house.to_string(), vec![word.to_string()])),
        }
    }
}

/// An activity answer the worker gave while modelling, in words; `None` for anything else.
/// (Scale answers stay under feelings, tagged as the worker's.)
fn modelled_answer(event: &Event) -> Option<String> {
    match event {
        Event::CardPlaced {
            activity,
            card,
            column,
            by: Actor::Worker,
            ..
        } => Some(format!("placed '{card}' under '{column}' ({activity})")),
        Event::HouseFilled {
            activity,
            house,
            word,
            by: Actor::Worker,
            ..
        } => Some(format!("put '{word}' in '{house}' ({activity})")),
        Event::BodyRegionChosen {
            prompt,
            region,
            by: Actor::Worker,
            ..
        } => Some(format!("{prompt} -> {region}")),
        Event::Declined {
            kind,
            prompt,
            answer,
            by: Actor::Worker,
            ..
        } if *kind != ActivityKind::Scale => Some(format!("{prompt} -> {}", answer.words())),
        _ => None,
    }
}
