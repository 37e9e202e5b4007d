//! The editor page's layout: the board being edited as a grid of every place (hidden cells
//! shown faded, empty places tappable), and beside it (below it, upright) what can be done to
//! the selected cell or place. Rebuilt whenever [`Editing`] changes.

use bevy::input_focus::{FocusCause, InputFocus};
use bevy::prelude::*;

use super::cell_panel::{cell_actions, link_chooser, says_field};
use super::{Editing, EditorAction, Selected, editor_action};
use crate::model::editor::cell_at;
use crate::model::vocab::{Board, Cell};
use crate::symbol_images::{FindPhotos, SymbolImages, SymbolImagesSystems};
use crate::theme::{
    self, BODY_PX, GAP_PX, PressFeedback, TEXT, body, button, outcome_line, problem, row,
    text_field, title,
};
use crate::worker::{FormField, PageRoot, WorkerPage, new_page};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            want_editor_pictures
                .after(FindPhotos)
                .before(SymbolImagesSystems),
            build_editor.after(SymbolImagesSystems),
        )
            .run_if(in_state(WorkerPage::Editor).and_then(resource_changed::<Editing>)),
    );
}

/// The side of the grid a landscape panel leaves; upright the panel goes below the grid.
pub(super) const PANEL_PX: f32 = 440.0;

fn want_editor_pictures(editing: Res<Editing>, mut images: ResMut<SymbolImages>) {
    let board_id = editing.board_id();
    let ids = editing
        .editor()
        .and_then(|editor| editor.vocabulary.board(board_id))
        .map(|board| {
            board
                .cells
                .iter()
                .map(|c| images.picture_id(&board.id, &c.id, &c.symbol))
                .collect()
        })
        .unwrap_or_default();
    images.want("editor", ids);
}

fn build_editor(
    mut commands: Commands,
    shown: Query<Entity, With<PageRoot>>,
    editing: Res<Editing>,
    content: Res<crate::Content>,
    images: Res<SymbolImages>,
    window: Query<&Window, With<bevy::window::PrimaryWindow>>,
) {
    let page = new_page(&mut commands, &shown, WorkerPage::Editor);
    let upright = window.single().is_ok_and(|w| w.height() > w.width());
    let board = editing
        .editor()
        .and_then(|editor| editor.vocabulary.board(editing.board_id()));
    let mut focus = None;
    commands.entity(page).with_children(|page| {
        let Some(board) = board else {
            page.spawn(title("Vocabulary"));
            if let Some(Err(why)) = &editing.editor {
                for line in why {
                    page.spawn(problem(line.clone()));
                }
            }
            page.spawn(button(
                "Editor done button",
                "Back",
                editor_action(EditorAction::Done),
            ));
            return;
        };
        page.spawn(title(format!(
            "Vocabulary of {}: {} ({} × {})",
            content.profile, board.name, board.rows, board.columns
        )));
        page.spawn(Node {
            width: percent(100.0),
            flex_grow: 1.0,
            min_height: px(0.0),
            flex_direction: if upright {
                FlexDirection::Column
            } else {
                FlexDirection::Row
            },
            column_gap: px(GAP_PX * 3.0),
            row_gap: px(GAP_PX * 3.0),
            ..default()
        })
        .with_children(|main| {
            main.spawn(grid(board, upright)).with_children(|grid| {
                for row in 0..board.rows {
                    for column in 0..board.columns {
                        match cell_at(board, row, column) {
                            Some(cell) => {
                                let picture = images.get(&images.picture_id(
                                    &board.id,
                                    &cell.id,
                                    &cell.symbol,
                                ));
                                let chosen =
                                    editing.selected == Some(Selected::Cell(cell.id.clone()));
                                grid.spawn(cell_tile(cell, picture, chosen));
                            }
                            None => {
                                let chosen = editing.selected == Some(Selected::Place(row, column));
                                grid.spawn(empty_place(row, column, chosen));
                            }
                        }
                    }
                }
            });
            main.spawn(panel(upright)).with_children(|panel| {
                focus = panel_contents(panel, &editing, board, content.settings.home());
            });
        });
    });
    // The worker types straight away: the search field has the keyboard as soon as it shows.
    if let Some(field) = focus {
        commands.queue(move |world: &mut World| {
            world
                .resource_mut::<InputFocus>()
                .set(field, FocusCause::Navigated);
        });
    }
}

fn grid(board: &Board, upright: bool) -> impl Bundle {
    (
        Name::new("Editor grid"),
        Node {
            flex_grow: if upright { 0.0 } else { 1.0 },
            min_width: px(0.0),
            min_height: px(0.0),
            height: if upright {
                percent(55.0)
            } else {
                percent(100.0)
            },
            display: Display::Grid,
            grid_template_columns: RepeatedGridTrack::flex(board.columns, 1.0),
            grid_template_rows: RepeatedGridTrack::flex(board.rows, 1.0),
            column_gap: px(4.0),
            row_gap: px(4.0),
            ..default()
        },
    )
}

fn panel(upright: bool) -> Node {
    Node {
        width: if upright {
            percent(100.0)
        } else {
            px(PANEL_PX)
        },
        flex_shrink: 0.0,
        flex_grow: if upright { 1.0 } else { 0.0 },
        min_height: px(0.0),
        flex_direction: FlexDirection::Column,
        row_gap: px(GAP_PX * 2.0),
        ..default()
    }
}

/// A place on the grid: a cell, or an empty place; a thick dark edge marks the selected one,
/// a tick beside its word too, so selection never rests on colour alone.
fn place_node(row: u16, column: u16, chosen: bool) -> Node {
    Node {
        grid_row: GridPlacement::start(row as i16 + 1),
        grid_column: GridPlacement::start(column as i16 + 1),
        min_width: px(0.0),
        min_height: px(0.0),
        flex_direction: FlexDirection::Column,
        align_items: AlignItems::Center,
        justify_content: JustifyContent::SpaceBetween,
        padding: UiRect::all(px(3.0)),
        border: UiRect::all(px(if chosen { 6.0 } else { 2.0 })),
        border_radius: BorderRadius::all(px(8.0)),
        ..default()
    }
}

fn cell_tile(cell: &Cell, picture: Handle<Image>, chosen: bool) -> impl Bundle {
    let colour = if cell.hidden {
        theme::PAGE_BACKGROUND
    } else {
        theme::word_class_colour(cell.class)
    };
    let mut word = if cell.hidden {
        format!("({})", cell.word)
    } else {
        cell.word.clone()
    };
    if chosen {
        word = format!("✓ {word}");
    }
    let mut node = place_node(cell.row, cell.column, chosen);
    if cell.is_folder() && !chosen {
        node.border = UiRect {
            top: px(8.0),
            ..UiRect::all(px(3.0))
        };
    }
    (
        Name::new(format!("Editor cell {}", cell.id)),
        Button,
        crate::input::Control,
        editor_action(EditorAction::Cell(cell.id.clone())),
        node,
        BackgroundColor(colour),
        BorderColor::all(if chosen {
            TEXT
        } else {
            theme::darker(colour, 0.5)
        }),
        PressFeedback {
            normal: colour,
            pressed: theme::darker(colour, 0.3),
        },
        children![
            // Faded as its place is, so the worker sees what the child does not.
            theme::tinted_picture(
                picture,
                Color::srgba(1.0, 1.0, 1.0, if cell.hidden { 0.35 } else { 1.0 })
            ),
            theme::label(word, 14.0, TEXT),
        ],
    )
}

fn empty_place(row: u16, column: u16, chosen: bool) -> impl Bundle {
    (
        Name::new(format!("Editor place {row} {column}")),
        Button,
        crate::input::Control,
        editor_action(EditorAction::Place(row, column)),
        Node {
            justify_content: JustifyContent::Center,
            ..place_node(row, column, chosen)
        },
        BackgroundColor(theme::FIELD_BACKGROUND),
        BorderColor::all(if chosen {
            TEXT
        } else {
            theme::MESSAGE_SYMBOL_EDGE
        }),
        PressFeedback {
            normal: theme::FIELD_BACKGROUND,
            pressed: theme::BAR_BACKGROUND,
        },
        children![theme::label(
            if chosen { "✓ +" } else { "+" },
            BODY_PX,
            TEXT
        )],
    )
}

/// Fills the panel; returns the search field when there is one.
fn panel_contents(
    panel: &mut ChildSpawnerCommands,
    editing: &Editing,
    board: &Board,
    home: Option<&str>,
) -> Option<Entity> {
    let mut search_field = None;
    let selected_cell = match &editing.selected {
        Some(Selected::Cell(id)) => board.cell(id),
        _ => None,
    };
    if let Some(moving) = editing.moving.as_ref().and_then(|id| board.cell(id)) {
        panel.spawn(body(format!(
            "Tap the place to move \"{}\" to (a cell there swaps with it).",
            moving.word
        )));
        panel.spawn(button(
            "Cancel button",
            "Cancel",
            editor_action(EditorAction::Cancel),
        ));
    } else if let (Some(cell), true, Some(editor)) =
        (selected_cell, editing.linking, editing.editor())
    {
        link_chooser(panel, cell, board, &editor.vocabulary);
    } else if let (Some(cell), true) = (selected_cell, editing.saying) {
        says_field(panel, cell, home);
    } else if let Some(cell) = selected_cell {
        cell_actions(panel, cell);
    } else if let Some(Selected::Place(row, column)) = editing.selected {
        panel.spawn(body(format!(
            "Add a symbol at row {}, column {}: type a word.",
            row + 1,
            column + 1
        )));
        search_field = Some(
            panel
                .spawn(text_field(
                    "Symbol search field",
                    FormField::SymbolSearch,
                    PANEL_PX - 8.0,
                ))
                .id(),
        );
        panel.spawn(super::search::results_slot());
    } else {
        panel.spawn(body(
            "Tap a cell to change it, or an empty place (+) to add a symbol there.",
        ));
        for (what, fewer, more, less_action, more_action) in [
            (
                format!("Rows: {}", board.rows),
                "Fewer rows button",
                "More rows button",
                EditorAction::Rows(-1),
                EditorAction::Rows(1),
            ),
            (
                format!("Columns: {}", board.columns),
                "Fewer columns button",
                "More columns button",
                EditorAction::Columns(-1),
                EditorAction::Columns(1),
            ),
        ] {
            panel.spawn(row()).with_children(|line| {
                line.spawn(body(what));
                line.spawn(button(fewer, "−", editor_action(less_action)));
                line.spawn(button(more, "+", editor_action(more_action)));
            });
        }
    }
    // Pinned to the panel's foot, so Undo and Done stay put whatever is selected.
    let mut foot = panel.spawn(Node {
        margin: UiRect::top(auto()),
        flex_direction: FlexDirection::Column,
        row_gap: px(GAP_PX * 2.0),
        ..default()
    });
    foot.with_child(outcome_line("Editor message", editing.outcome.as_ref()));
    foot.with_children(|foot| {
        foot.spawn(row()).with_children(|line| {
            line.spawn(button(
                "Undo button",
                "Undo",
                editor_action(EditorAction::Undo),
            ));
            if editing.trail.len() > 1 {
                line.spawn(button(
                    "Board back button",
                    "Back a board",
                    editor_action(EditorAction::BackBoard),
                ));
            }
            line.spawn(button(
                "Editor done button",
                "Done",
                editor_action(EditorAction::Done),
            ));
        });
    });
    search_field
}
