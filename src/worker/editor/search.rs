//! The editor's symbol search: as the worker types, the library's best matches (words before
//! keywords, whole words before prefixes: `model/symbols.rs`) show as picture choices, and a
//! tap on one adds it in the selected place.

use bevy::prelude::*;
use bevy::text::EditableText;

use super::{EditorAction, editor_action};
use crate::Content;
use crate::model::theme::STANDARD;
use crate::symbol_images::{SymbolImages, SymbolImagesSystems};
use crate::theme::{GAP_PX, PictureChoice, body, picture_choice};
use crate::worker::{FormField, WorkerPage};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SearchResults>().add_systems(
        Update,
        (
            find_symbols.before(SymbolImagesSystems),
            show_results.after(SymbolImagesSystems),
        )
            .chain()
            .run_if(in_state(WorkerPage::Editor)),
    );
}

/// As many as fit beside the grid in three rows, so the page never scrolls.
const SHOWN: usize = 9;
const TILE: (f32, f32) = (136.0, 104.0);

#[derive(Resource, Default)]
struct SearchResults {
    query: String,
    symbols: Vec<(String, String)>,
}

/// Where the results go, under the search field.
#[derive(Component)]
struct ResultsSlot;

pub(super) fn results_slot() -> impl Bundle {
    (
        Name::new("Search results"),
        ResultsSlot,
        Node {
            flex_direction: FlexDirection::Row,
            flex_wrap: FlexWrap::Wrap,
            align_content: AlignContent::FlexStart,
            column_gap: px(GAP_PX),
            row_gap: px(GAP_PX),
            min_height: px(3.0 * TILE.1 + 2.0 * GAP_PX),
            ..default()
        },
    )
}

fn find_symbols(
    fields: Query<(&FormField, &EditableText), Changed<EditableText>>,
    content: Res<Content>,
    mut results: ResMut<SearchResults>,
    mut images: ResMut<SymbolImages>,
) {
    for (field, text) in &fields {
        if *field != FormField::SymbolSearch {
            continue;
        }
        let query = text.value().to_string();
        if query == results.query {
            continue;
        }
        let found: Vec<(String, String)> = content
            .symbols
            .search(&query)
            .into_iter()
            .take(SHOWN)
            .map(|s| (s.id.clone(), s.words.first().cloned().unwrap_or_default()))
            .collect();
        images.want(
            "editor search",
            found.iter().map(|(id, _)| id.clone()).collect(),
        );
        *results = SearchResults {
            query,
            symbols: found,
        };
    }
}

fn show_results(
    mut commands: Commands,
    results: Res<SearchResults>,
    slots: Query<(Entity, Ref<ResultsSlot>)>,
    images: Res<SymbolImages>,
) {
    for (slot, added) in &slots {
        if !results.is_changed() && !added.is_added() {
            continue;
        }
        commands.entity(slot).despawn_related::<Children>();
        let query = results.query.trim();
        if query.is_empty() {
            continue;
        }
        if results.symbols.is_empty() {
            commands
                .entity(slot)
                .with_child(body(format!("No symbol matches \"{query}\".")));
            continue;
        }
        commands.entity(slot).with_children(|slot| {
            for (id, word) in &results.symbols {
                slot.spawn(picture_choice(
                    PictureChoice {
                        name: format!("Result {id}"),
                        word,
                        picture: images.get(id),
                        colour: STANDARD.plain,
                        palette: &STANDARD,
                        size: TILE,
                        chosen: false,
                        text_scale: 1.0,
                    },
                    editor_action(EditorAction::AddSymbol(id.clone())),
                ));
            }
        });
    }
}
