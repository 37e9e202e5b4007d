//! The board screen: the current board as a fixed rows × columns grid of symbol cells, folders
//! that open other boards, and Home / Back.

use bevy::prelude::*;

use bevy::ui_widgets::observe;

use crate::Content;
use crate::input::{Activate, Control};
use crate::message_bar::{MessageItem, WordChosen};
use crate::model::child_settings::LabelPosition;
use crate::model::vocab::{Board, Cell, HOME_BOARD};
use crate::screen::GridSlot;
use crate::symbol_images::{FindPhotos, SymbolImages, SymbolImagesSystems};
use crate::theme::{self, CELL_LABEL_PX, GAP_PX, PressFeedback, TEXT};
use crate::visit::Visit;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Navigation>()
        .add_message::<BoardOpened>()
        .add_message::<FolderChosen>()
        .add_message::<VocabularyChanged>()
        .add_systems(PreStartup, open_start_board)
        .add_systems(
            Update,
            (
                want_board_pictures
                    .after(FindPhotos)
                    .before(SymbolImagesSystems),
                show_current_board.after(SymbolImagesSystems),
            )
                .in_set(ShowBoard)
                .run_if(board_outdated),
        );
}

/// The systems that hold the current board's pictures and build its grid.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ShowBoard;

/// The boards the child has opened, home first; the last is on screen.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct Navigation {
    pub trail: Vec<String>,
}

impl Default for Navigation {
    fn default() -> Self {
        Navigation {
            trail: vec![HOME_BOARD.to_string()],
        }
    }
}

impl Navigation {
    pub fn current(&self) -> &str {
        self.trail.last().map_or(HOME_BOARD, String::as_str)
    }

    pub fn open(&mut self, board: &str) {
        if self.current() != board {
            self.trail.push(board.to_string());
        }
    }

    pub fn back(&mut self) {
        if self.trail.len() > 1 {
            self.trail.pop();
        }
    }

    pub fn home(&mut self) {
        self.trail.truncate(1);
    }
}

/// Sent when a board's grid has been built on screen.
#[derive(Message, Debug, Clone)]
pub struct BoardOpened {
    pub board: String,
}

/// A folder cell was activated (its board opens; the voice may speak its name).
#[derive(Message, Debug, Clone)]
pub struct FolderChosen {
    pub board: String,
    pub cell: String,
    /// What the tablet says for the folder (its spoken text, else its word).
    pub word: String,
}

/// The worker changed the shown vocabulary (`Content::vocabulary`) in the editor, or switched
/// profile: the voice's clip index follows it (the board follows any change of `Content`).
#[derive(Message, Debug, Clone)]
pub struct VocabularyChanged {
    /// The boards that changed; `None`: all of them (another profile).
    pub boards: Option<Vec<String>>,
}

/// A cell on screen, naming the board and cell it shows.
#[derive(Component, Debug, Clone, PartialEq, Eq)]
pub struct BoardCell {
    pub board: String,
    pub cell: String,
}

#[derive(Component)]
pub struct BoardGrid;

/// Marks the folder tab, the shape that tells a folder from a word without relying on colour.
#[derive(Component)]
pub struct FolderTab;

/// The board is built again when another board is opened, the vocabulary, a photo or the
/// profile's settings changed, or the tablet was turned (labels are sized for the window's width). All
/// three are looked at every time: a condition skipped by `or_else` would see the first frame's
/// change one frame late and build the board twice.
fn board_outdated(
    navigation: Res<Navigation>,
    content: Res<Content>,
    mut resized: MessageReader<bevy::window::WindowResized>,
    mut photos: MessageReader<crate::symbol_images::PhotosChanged>,
    area: Option<Res<State<crate::worker::WorkerArea>>>,
    mut waiting: Local<bool>,
) -> bool {
    let turned = resized.read().count() > 0;
    let new_photo = photos.read().count() > 0;
    *waiting |= navigation.is_changed() || content.is_changed() || turned || new_photo;
    // Under the worker area the board cannot be seen: an edit there rebuilds only the editor's
    // page, and the board is built once, when the area closes (docs/benchmarks.md, "Editor").
    let covered = area.is_some_and(|area| *area.get() == crate::worker::WorkerArea::Open);
    if covered {
        return false;
    }
    std::mem::take(&mut *waiting)
}

fn open_start_board(content: Res<Content>, mut navigation: ResMut<Navigation>) {
    if let Some(board) = &content.open_board {
        navigation.open(board);
    }
}

/// The home board's pictures stay held (the child goes back to it most), and the open board's.
fn want_board_pictures(
    navigation: Res<Navigation>,
    content: Res<Content>,
    mut images: ResMut<SymbolImages>,
) {
    let symbols = [HOME_BOARD, navigation.current()]
        .iter()
        .filter_map(|id| content.vocabulary.board(id))
        .flat_map(|board| {
            let images = &images;
            board
                .cells
                .iter()
                .map(move |c| images.picture_id(&board.id, &c.id, &c.symbol))
        })
        .collect();
    images.want("board", symbols);
}

fn show_current_board(
    mut commands: Commands,
    navigation: Res<Navigation>,
    content: Res<Content>,
    images: Res<SymbolImages>,
    slot: Query<Entity, With<GridSlot>>,
    window: Query<&Window, With<bevy::window::PrimaryWindow>>,
    mut opened: MessageWriter<BoardOpened>,
) {
    let Ok(slot) = slot.single() else { return };
    commands.entity(slot).despawn_related::<Children>();
    let Some(board) = content.vocabulary.board(navigation.current()) else {
        commands.entity(slot).with_child(theme::label(
            format!(
                "The board \"{}\" is missing from this vocabulary.",
                navigation.current()
            ),
            CELL_LABEL_PX,
            theme::TEXT_ON_DARK,
        ));
        return;
    };
    let window_width = window.single().map(Window::width).unwrap_or(1280.0);
    let settings = &content.settings;
    let look = CellLook {
        label_px: label_size_for(window_width, board.columns) * settings.text_size.scale(),
        label_above: settings.label_position == LabelPosition::Above,
        colour_coding: settings.colour_coding,
    };
    commands.entity(slot).with_children(|slot| {
        slot.spawn(grid(board)).with_children(|grid| {
            for cell in board.visible_cells() {
                let picture = images.get(&images.picture_id(&board.id, &cell.id, &cell.symbol));
                if cell.is_folder() {
                    grid.spawn(folder_cell(board, cell, picture, look));
                } else {
                    grid.spawn(word_cell(board, cell, picture, look));
                }
            }
        });
    });
    opened.write(BoardOpened {
        board: board.id.clone(),
    });
}

fn grid(board: &Board) -> impl Bundle {
    (
        Name::new(format!("Board {}", board.id)),
        BoardGrid,
        Node {
            width: percent(100.0),
            height: percent(100.0),
            display: Display::Grid,
            grid_template_columns: RepeatedGridTrack::flex(board.columns, 1.0),
            grid_template_rows: RepeatedGridTrack::flex(board.rows, 1.0),
            column_gap: px(GAP_PX),
            row_gap: px(GAP_PX),
            ..default()
        },
    )
}

fn placed(cell: &Cell) -> Node {
    Node {
        grid_row: GridPlacement::start(cell.row as i16 + 1),
        grid_column: GridPlacement::start(cell.column as i16 + 1),
        min_width: px(0.0),
        min_height: px(0.0),
        flex_direction: FlexDirection::Column,
        ..default()
    }
}

fn cell_identity(board: &Board, cell: &Cell) -> impl Bundle {
    (
        Name::new(format!("Cell {}/{}", board.id, cell.id)),
        BoardCell {
            board: board.id.clone(),
            cell: cell.id.clone(),
        },
        Button,
        Control,
        observe(activate_cell),
        AccessibleLabel::new(if cell.is_folder() {
            format!("{} folder", cell.word)
        } else {
            cell.word.clone()
        }),
    )
}

/// How the profile's settings draw a cell: its word's size and place, and whether its colour
/// tells its word class.
#[derive(Clone, Copy)]
struct CellLook {
    label_px: f32,
    label_above: bool,
    colour_coding: bool,
}

fn feedback(cell: &Cell, look: CellLook) -> (PressFeedback, BackgroundColor, BorderColor) {
    let colour = if look.colour_coding {
        theme::word_class_colour(cell.class)
    } else {
        theme::word_class_colour(crate::model::vocab::WordClass::Misc)
    };
    (
        PressFeedback {
            normal: colour,
            pressed: theme::darker(colour, 0.35),
        },
        BackgroundColor(colour),
        BorderColor::all(theme::darker(colour, 0.55)),
    )
}

/// Picture and word (below it, or above as the profile says); the word is always shown.
fn picture_and_word(cell: &Cell, picture: Handle<Image>, look: CellLook) -> impl Bundle {
    let word = theme::label(
        cell.word.clone(),
        cell_label_size(&cell.word, look.label_px),
        TEXT,
    );
    (
        Node {
            flex_grow: 1.0,
            min_height: px(0.0),
            // A square picture sized by the cell's height must not widen the cell's content
            // in a narrow (upright) cell, or the word is pushed off centre and out of the cell.
            min_width: px(0.0),
            flex_basis: px(0.0),
            flex_direction: if look.label_above {
                FlexDirection::ColumnReverse
            } else {
                FlexDirection::Column
            },
            align_items: AlignItems::Center,
            justify_content: JustifyContent::SpaceBetween,
            padding: UiRect::all(px(4.0)),
            ..default()
        },
        Pickable::IGNORE,
        children![theme::symbol_picture(picture), word],
    )
}

/// Long phrases get a smaller font so the picture keeps most of the cell.
fn cell_label_size(word: &str, base: f32) -> f32 {
    if word.chars().count() > 14 {
        base * 0.8
    } else {
        base
    }
}

/// The label size for a board in a window this wide: the full size where cells are wide, a
/// little smaller where they are narrow (portrait), so a word such as "activities" still fits.
pub fn label_size_for(window_width: f32, columns: u16) -> f32 {
    (window_width / f32::from(columns.max(1)) / 6.4).clamp(14.0, CELL_LABEL_PX)
}

fn word_cell(board: &Board, cell: &Cell, picture: Handle<Image>, look: CellLook) -> impl Bundle {
    let mut node = placed(cell);
    node.border = UiRect::all(px(2.0));
    node.border_radius = BorderRadius::all(px(10.0));
    (
        cell_identity(board, cell),
        node,
        feedback(cell, look),
        children![picture_and_word(cell, picture, look)],
    )
}

/// A folder looks like a folder: a tab on its top edge and a thicker outline, so it is told from
/// a word by shape as well as by colour.
fn folder_cell(board: &Board, cell: &Cell, picture: Handle<Image>, look: CellLook) -> impl Bundle {
    let (press, background, border) = feedback(cell, look);
    (
        cell_identity(board, cell),
        placed(cell),
        children![
            (
                Name::new("Folder tab"),
                FolderTab,
                Node {
                    width: percent(45.0),
                    height: px(12.0),
                    flex_shrink: 0.0,
                    border: UiRect {
                        left: px(4.0),
                        right: px(4.0),
                        top: px(4.0),
                        bottom: px(0.0)
                    },
                    border_radius: BorderRadius::top(px(8.0)),
                    ..default()
                },
                press,
                background,
                border,
                Pickable::IGNORE,
            ),
            (
                Name::new("Folder body"),
                Node {
                    flex_grow: 1.0,
                    min_height: px(0.0),
                    border: UiRect::all(px(4.0)),
                    border_radius: BorderRadius {
                        top_left: px(0.0),
                        ..BorderRadius::all(px(10.0))
                    },
                    ..default()
                },
                press,
                background,
                border,
                Pickable::IGNORE,
                children![picture_and_word(cell, picture, look)],
            ),
        ],
    )
}

fn activate_cell(
    activate: On<Activate>,
    cells: Query<&BoardCell>,
    content: Res<Content>,
    mut navigation: ResMut<Navigation>,
    mut chosen: MessageWriter<WordChosen>,
    mut folder: MessageWriter<FolderChosen>,
    visit: Res<Visit>,
) {
    let Ok(on_screen) = cells.get(activate.entity) else {
        return;
    };
    let Some(board) = content.vocabulary.board(&on_screen.board) else {
        return;
    };
    let Some(cell) = board.cell(&on_screen.cell) else {
        return;
    };
    match &cell.opens {
        Some(target) => {
            folder.write(FolderChosen {
                board: board.id.clone(),
                cell: cell.id.clone(),
                word: cell.spoken().to_string(),
            });
            navigation.open(target);
        }
        None => {
            chosen.write(WordChosen(MessageItem {
                board: board.id.clone(),
                cell: cell.id.clone(),
                word: cell.word.clone(),
                spoken: cell.spoken().to_string(),
                symbol: cell.symbol.clone(),
                by: visit.actor(),
            }));
        }
    }
}
