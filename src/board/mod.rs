//! The board screen: the current board as a fixed rows × columns grid of symbol cells, folders
//! that open other boards, and Home / Back.

use bevy::prelude::*;

mod cells;

use crate::Content;
use crate::input::Activate;
use crate::message_bar::{MessageItem, WordChosen};
use crate::model::child_settings::LabelPosition;
use crate::model::vocab::{Board, HOME_BOARD};
use crate::screen::GridSlot;
use crate::symbol_images::{FindPhotos, SymbolImages, SymbolImagesSystems};
use crate::theme::{self, CELL_LABEL_PX, GAP_PX};
use crate::visit::Visit;

pub use cells::label_size_for;
use cells::{CellLook, folder_cell, word_cell};

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
    /// What the tablet says for the folder (its spoken text, else its word; in the child's home
    /// language where the cell has it).
    pub word: String,
    /// The language `word` is in when it is the home language's.
    pub language: Option<String>,
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
            content.settings.theme.palette().on_background.into(),
        ));
        return;
    };
    let window_size = window
        .single()
        .map(|w| Vec2::new(w.width(), w.height()))
        .unwrap_or(Vec2::new(1280.0, 800.0));
    let settings = &content.settings;
    let look = CellLook {
        label_px: label_size_for(window_size.x, board.columns),
        text_scale: settings.text_size.scale(),
        word_box: cells::word_box_for(window_size, board.columns, board.rows),
        label_above: settings.label_position == LabelPosition::Above,
        colour_coding: settings.colour_coding,
        palette: settings.theme.palette(),
    };
    commands.entity(slot).with_children(|slot| {
        slot.spawn(grid(board)).with_children(|grid| {
            for cell in board.visible_cells() {
                let picture = images.get(&images.picture_id(&board.id, &cell.id, &cell.symbol));
                let shown = shown_cell(cell, settings);
                let cell = shown.as_ref();
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

/// The cell as the child's settings show it: with its word in the home language, or both.
fn shown_cell<'a>(
    cell: &'a crate::model::vocab::Cell,
    settings: &crate::model::child_settings::ChildSettings,
) -> std::borrow::Cow<'a, crate::model::vocab::Cell> {
    let word = crate::model::languages::shown_word(
        &cell.word,
        &cell.translations,
        settings.home(),
        settings.labels,
    );
    if word == cell.word {
        std::borrow::Cow::Borrowed(cell)
    } else {
        std::borrow::Cow::Owned(crate::model::vocab::Cell {
            word,
            ..cell.clone()
        })
    }
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
    // In the child's home language where the cell has the word in it; never made up.
    let home = content.settings.home().and_then(|language| {
        crate::model::languages::translation(&cell.translations, language)
            .map(|word| (word.to_string(), language.to_string()))
    });
    let (spoken, language) = match home {
        Some((word, language)) => (word, Some(language)),
        None => (cell.spoken().to_string(), None),
    };
    match &cell.opens {
        Some(target) => {
            folder.write(FolderChosen {
                board: board.id.clone(),
                cell: cell.id.clone(),
                word: spoken,
                language,
            });
            navigation.open(target);
        }
        None => {
            chosen.write(WordChosen(MessageItem {
                board: board.id.clone(),
                cell: cell.id.clone(),
                word: cell.word.clone(),
                spoken,
                language,
                symbol: cell.symbol.clone(),
                by: visit.actor(),
            }));
        }
    }
}
