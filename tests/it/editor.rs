//! The vocabulary editor in the app, through the pointer path: the worker resizes a board,
//! adds a symbol found by typing, hides a cell and a folder, moves, and undoes; each edit is in
//! the profile's files at once, the child's board follows, the built-in boards and another
//! profile's stay as they were, and the built-in profile cannot be edited.

use std::path::Path;

use hearme::Content;
use hearme::board::BoardCell;
use hearme::model::editor::cell_at;
use hearme::model::profile::{add, profile_dir, set_active};
use hearme::model::symbols::SymbolLibrary;
use hearme::model::vocab::{Board, Vocabulary};
use hearme::worker::WorkerPage;

use crate::harness::*;
use crate::journal::scratch;
use crate::visit::{FRAME, app_for, area, open_area, start_visit, summary_so_far, with_profile};
use crate::voice::utterances;

pub(crate) fn saved_home(data: &Path, label: &str) -> Board {
    // The app seals the profiles' files at the first PIN: they are read with their keys.
    hearme::model::sealed_profiles::open_profiles(&crate::visit::ring_for(data), data);
    let dir = profile_dir(data, label).join("vocab");
    let vocabulary = Vocabulary::load_dir(&dir, &SymbolLibrary::built_in()).unwrap();
    vocabulary.home().unwrap().clone()
}

fn on_board(app: &mut bevy::prelude::App) -> Vec<String> {
    cells_on_screen(app)
        .into_iter()
        .map(|c: BoardCell| c.cell)
        .collect()
}

fn editor_says(app: &mut bevy::prelude::App) -> String {
    text_under(app, "Editor message")
}

#[test]
fn each_edit_is_saved_at_once_and_the_childs_board_follows() {
    let data = scratch("editor-app");
    add(&data, "AB", None).unwrap();
    add(&data, "CD", None).unwrap();
    set_active(&data, "AB").unwrap();
    let before = saved_home(&data, "AB");
    let mut app = app_for(&data);
    open_area(&mut app);
    tap_named(&mut app, "Vocabulary button");
    assert_eq!(area(&app), (true, WorkerPage::Editor));

    // The home board is full: one more column makes room, and every cell keeps its place.
    tap_named(&mut app, "More columns button");
    let grown = saved_home(&data, "AB");
    assert_eq!(
        grown.columns,
        before.columns + 1,
        "{}",
        editor_says(&mut app)
    );
    for cell in &before.cells {
        let kept = grown.cell(&cell.id).unwrap();
        assert_eq!((kept.row, kept.column), (cell.row, cell.column));
    }

    // Add from search: the best match for "dog" goes in the new column's first place.
    let new_column = before.columns;
    tap_named(&mut app, &format!("Editor place 0 {new_column}"));
    type_into(&mut app, "Symbol search field", "dog");
    let best = SymbolLibrary::built_in().search("dog")[0].id.clone();
    tap_named(&mut app, &format!("Result {best}"));
    let home = saved_home(&data, "AB");
    let added = cell_at(&home, 0, new_column).expect("the symbol is saved in its place");
    assert_eq!(added.symbol, best, "{}", editor_says(&mut app));
    let added = added.id.clone();

    // The added cell is selected: its word is put right and saved.
    let first_word = saved_home(&data, "AB").cell(&added).unwrap().word.clone();
    type_into(&mut app, "Cell word field", "s");
    tap_named(&mut app, "Save word button");
    let word = saved_home(&data, "AB").cell(&added).unwrap().word.clone();
    assert!(word != first_word && word.contains('s'), "{word}");

    // Hide a word (it keeps its place) and a whole folder.
    let hidden = before.cells.iter().find(|c| !c.is_folder()).unwrap();
    tap_named(&mut app, &format!("Editor cell {}", hidden.id));
    tap_named(&mut app, "Hide button");
    tap_named(&mut app, "Editor cell people");
    tap_named(&mut app, "Hide folder button");
    let home = saved_home(&data, "AB");
    let kept = home.cell(&hidden.id).unwrap();
    assert!(kept.hidden && (kept.row, kept.column) == (hidden.row, hidden.column));
    assert!(home.cell("people").unwrap().hidden);

    // Move one word onto another: they swap.
    let (a, b) = (&before.cells[1], &before.cells[2]);
    tap_named(&mut app, &format!("Editor cell {}", a.id));
    tap_named(&mut app, "Move button");
    tap_named(&mut app, &format!("Editor cell {}", b.id));
    let home = saved_home(&data, "AB");
    assert_eq!(cell_at(&home, b.row, b.column).unwrap().id, a.id);
    assert_eq!(cell_at(&home, a.row, a.column).unwrap().id, b.id);

    // Undo takes back the move, on disk too.
    tap_named(&mut app, "Undo button");
    let home = saved_home(&data, "AB");
    assert_eq!(cell_at(&home, a.row, a.column).unwrap().id, a.id);
    assert!(editor_says(&mut app).contains("Undone"));

    // The child's board shows the new cell and neither hidden one.
    tap_named(&mut app, "Editor done button");
    tap_named(&mut app, "Back to board button");
    let shown = on_board(&mut app);
    assert!(shown.contains(&added), "{shown:?}");
    assert!(!shown.contains(&hidden.id) && !shown.contains(&"people".to_string()));
    drop(app);

    // The other profile, and the built-in boards, are as they were.
    assert_eq!(saved_home(&data, "CD"), before);
    let built_in = Vocabulary::built_in(&SymbolLibrary::built_in()).unwrap();
    assert_eq!(built_in.home().unwrap(), &before);
    set_active(&data, "CD").unwrap();
    let mut app = app_for(&data);
    let shown = on_board(&mut app);
    assert!(!shown.contains(&added) && shown.contains(&"people".to_string()));
}

#[test]
fn the_built_in_profile_and_a_broken_profile_are_not_edited() {
    let data = scratch("editor-refused");
    let mut app = app_for(&data);
    open_area(&mut app);
    tap_named(&mut app, "Vocabulary button");
    assert!(text_under(&mut app, "Worker page").contains("never changed"));
    assert!(!has_named(&mut app, "Editor grid"));
    drop(app);

    add(&data, "AB", None).unwrap();
    set_active(&data, "AB").unwrap();
    let file = profile_dir(&data, "AB").join("vocab/people.ron");
    let broken = std::fs::read_to_string(&file)
        .unwrap()
        .replacen("cells", "cels", 1);
    std::fs::write(&file, &broken).unwrap();
    let mut app = app_for(&data);
    open_area(&mut app);
    tap_named(&mut app, "Vocabulary button");
    let said = text_under(&mut app, "Worker page");
    assert!(
        said.contains("people.ron:") && said.contains("left as they are"),
        "{said}"
    );
    assert!(!has_named(&mut app, "Editor grid"));
    let left = crate::visit::read_sealed(&data, &file);
    assert_eq!(String::from_utf8(left).unwrap(), broken);
    // The child meanwhile has the built-in boards.
    tap_named(&mut app, "Editor done button");
    tap_named(&mut app, "Back to board button");
    assert!(on_board(&mut app).contains(&"people".to_string()));
}

#[test]
fn a_renamed_word_is_spoken_as_its_new_word_not_its_old_clip() {
    let data = with_profile("editor-rename", "AB");
    let (speech, said) = recording_speech(&data);
    let content = Content::for_data_dir(Some(&data.to_path_buf()));
    let voice = hearme::voice::VoiceOutput::without_device().0;
    let mut app = app_with_speech(content, voice, speech, 1280, 800);
    step_time(&mut app, FRAME);
    tap_cell(&mut app, "home", "want");
    assert_eq!(utterances(&app).len(), 1, "\"want\" has its bundled clip");

    open_area(&mut app);
    tap_named(&mut app, "Vocabulary button");
    tap_named(&mut app, "Editor cell want");
    type_into(&mut app, "Cell word field", "zz");
    tap_named(&mut app, "Save word button");
    let renamed = saved_home(&data, "AB").cell("want").unwrap().word.clone();
    assert_ne!(renamed, "want", "{}", editor_says(&mut app));
    tap_named(&mut app, "Editor done button");
    tap_named(&mut app, "Back to board button");

    tap_cell(&mut app, "home", "want");
    assert_eq!(utterances(&app).len(), 1, "the old clip is not played");
    let heard = heard_by(&said);
    assert_eq!(heard.trim(), renamed);
}

#[test]
fn a_word_linked_to_a_board_opens_it_on_the_childs_board() {
    let data = with_profile("editor-link", "AB");
    let mut app = app_for(&data);
    open_area(&mut app);
    tap_named(&mut app, "Vocabulary button");
    tap_named(&mut app, "Editor cell hurt");
    tap_named(&mut app, "Link board button");
    tap_named(&mut app, "Link body");
    let home = saved_home(&data, "AB");
    assert_eq!(home.cell("hurt").unwrap().opens.as_deref(), Some("body"));
    tap_named(&mut app, "Editor done button");
    tap_named(&mut app, "Back to board button");
    tap_cell(&mut app, "home", "hurt");
    let navigation = app.world().resource::<hearme::board::Navigation>();
    assert_eq!(navigation.current(), "body");
}

#[test]
fn a_cells_spoken_text_is_what_the_tablet_says_and_the_summary_quotes() {
    let data = with_profile("editor-says", "AB");
    let mut app = app_for(&data);
    open_area(&mut app);
    tap_named(&mut app, "Vocabulary button");
    tap_named(&mut app, "Editor cell want");
    tap_named(&mut app, "Says button");
    type_into(&mut app, "Cell says field", "I want to tell you something");
    tap_named(&mut app, "Save says button");
    let saved = saved_home(&data, "AB");
    let want = saved.cell("want").unwrap();
    assert_eq!(
        (want.word.as_str(), want.says.as_deref()),
        ("want", Some("I want to tell you something")),
        "{}",
        editor_says(&mut app)
    );
    tap_named(&mut app, "Editor done button");
    tap_named(&mut app, "Back to board button");

    // The bundled clip of the phrase is played, not the word's.
    tap_cell(&mut app, "home", "want");
    let played = utterances(&app).last().cloned().unwrap_or_default();
    assert!(
        played
            .iter()
            .any(|clip| clip.ends_with("i-want-to-tell-you-something.ogg")),
        "{played:?}"
    );
    // The bar shows the word; the summary quotes what was said.
    start_visit(&mut app, "C-5001");
    tap_cell(&mut app, "home", "want");
    tap_named(&mut app, "Speak button");
    let summary = summary_so_far(&app);
    assert!(
        summary.contains("\"I want to tell you something\""),
        "{summary}"
    );
}
