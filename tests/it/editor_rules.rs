//! The vocabulary editor's rules without an app: every edit is on disk at once and reads back
//! the same, cells keep their places, undo puts the files back, and a broken profile is refused
//! untouched.

use std::path::{Path, PathBuf};

use hearme::model::editor::{Edit, VocabEditor, cell_at};
use hearme::model::profile::{add, profile_dir};
use hearme::model::symbols::SymbolLibrary;
use hearme::model::vocab::{Vocabulary, WordClass};

use crate::journal::scratch;

fn profile(name: &str) -> (PathBuf, SymbolLibrary) {
    let data = scratch(name);
    add(&data, "AB", None).unwrap();
    (
        profile_dir(&data, "AB").join("vocab"),
        SymbolLibrary::built_in(),
    )
}

fn reloaded(dir: &Path, symbols: &SymbolLibrary) -> Vocabulary {
    Vocabulary::load_dir(dir, symbols).unwrap()
}

fn edit(editor: &mut VocabEditor, symbols: &SymbolLibrary, edit: Edit) {
    editor.edit(&edit, symbols).unwrap();
}

#[test]
fn an_added_cell_is_saved_at_once_and_reloads_identically() {
    let (dir, symbols) = profile("editor-add");
    let mut editor = VocabEditor::open(&dir, &symbols).unwrap();
    let home = editor.vocabulary.home().unwrap().clone();
    let feelings = editor.vocabulary.board("feelings").unwrap().clone();
    let (row, column) = hearme::model::editor::first_empty_place(&feelings).unwrap();
    let symbol = symbols.search("dog")[0].id.clone();
    edit(
        &mut editor,
        &symbols,
        Edit::Add {
            board: "feelings".into(),
            row,
            column,
            symbol: symbol.clone(),
            word: "dog".into(),
            class: WordClass::Noun,
        },
    );
    let on_disk = reloaded(&dir, &symbols);
    let added =
        cell_at(on_disk.board("feelings").unwrap(), row, column).expect("the new cell is saved");
    assert_eq!(
        (added.word.as_str(), added.symbol.as_str()),
        ("dog", symbol.as_str())
    );
    assert_eq!(on_disk.boards, editor.vocabulary.boards);
    // The built-in vocabulary is not the profile's copy, and the other boards are as they were.
    let built_in = Vocabulary::built_in(&symbols).unwrap();
    assert_eq!(built_in.board("feelings").unwrap(), &feelings);
    assert_eq!(on_disk.home().unwrap(), &home);
    // Only the one board was written; nothing is left half-written beside it.
    let stray: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn a_hidden_cell_keeps_its_place_and_a_folder_hides_everywhere_and_comes_back_as_it_was() {
    let (dir, symbols) = profile("editor-hide");
    let mut editor = VocabEditor::open(&dir, &symbols).unwrap();
    let home = editor.vocabulary.home().unwrap().clone();
    let word = home.cells.iter().find(|c| !c.is_folder()).unwrap().clone();
    let hide = |board: &str, cell: &str, hidden| Edit::Hidden {
        board: board.into(),
        cell: cell.into(),
        hidden,
    };
    edit(&mut editor, &symbols, hide("home", &word.id, true));
    // "people" is opened from home and, linked here, from the feelings board too; one word
    // inside it is hidden on its own.
    let inside = editor.vocabulary.board("people").unwrap().cells[0]
        .id
        .clone();
    edit(&mut editor, &symbols, hide("people", &inside, true));
    let first_feeling = editor.vocabulary.board("feelings").unwrap().cells[0]
        .id
        .clone();
    edit(
        &mut editor,
        &symbols,
        Edit::Link {
            board: "feelings".into(),
            cell: first_feeling,
            target: "people".into(),
        },
    );
    let folder_hidden = |hidden| Edit::FolderHidden {
        board: "home".into(),
        cell: "people".into(),
        hidden,
    };
    edit(&mut editor, &symbols, folder_hidden(true));
    let on_disk = reloaded(&dir, &symbols);
    let hidden = on_disk.home().unwrap().cell(&word.id).unwrap();
    assert!(hidden.hidden);
    assert_eq!((hidden.row, hidden.column), (word.row, word.column));
    let ways_in: Vec<bool> = on_disk
        .boards
        .values()
        .flat_map(|b| b.cells.iter())
        .filter(|c| c.opens.as_deref() == Some("people"))
        .map(|c| c.hidden)
        .collect();
    assert_eq!(ways_in, [true, true], "hidden from home and from feelings");
    assert_eq!(
        on_disk.home().unwrap().visible_cells().count(),
        home.visible_cells().count() - 2
    );

    edit(&mut editor, &symbols, folder_hidden(false));
    let on_disk = reloaded(&dir, &symbols);
    assert!(!on_disk.home().unwrap().cell("people").unwrap().hidden);
    let people = on_disk.board("people").unwrap();
    assert!(people.cell(&inside).unwrap().hidden, "its own hide is kept");
    assert!(people.cells.iter().skip(1).all(|c| !c.hidden));
}

#[test]
fn a_new_cell_never_takes_the_photo_or_voice_of_a_removed_one() {
    let (dir, symbols) = profile("editor-reuse");
    let media = dir.parent().unwrap().to_path_buf();
    let mut editor = VocabEditor::open(&dir, &symbols).unwrap();
    let feelings = editor.vocabulary.board("feelings").unwrap().clone();
    let (row, column) = hearme::model::editor::first_empty_place(&feelings).unwrap();
    let add = Edit::Add {
        board: "feelings".into(),
        row,
        column,
        symbol: symbols.search("dog")[0].id.clone(),
        word: "rex".into(),
        class: WordClass::Noun,
    };
    edit(&mut editor, &symbols, add.clone());
    let photo = hearme::model::photo::photo_path(&media, "feelings", "rex");
    std::fs::create_dir_all(photo.parent().unwrap()).unwrap();
    std::fs::write(&photo, b"a photo of the old rex").unwrap();
    edit(
        &mut editor,
        &symbols,
        Edit::Remove {
            board: "feelings".into(),
            cell: "rex".into(),
        },
    );
    edit(&mut editor, &symbols, add);
    let again = cell_at(editor.vocabulary.board("feelings").unwrap(), row, column).unwrap();
    assert_eq!(again.word, "rex");
    assert_ne!(again.id, "rex", "the new cell has a name of its own");
}

#[test]
fn moving_onto_a_cell_swaps_and_a_resize_keeps_every_place() {
    let (dir, symbols) = profile("editor-move");
    let mut editor = VocabEditor::open(&dir, &symbols).unwrap();
    let home = editor.vocabulary.home().unwrap().clone();
    let (a, b) = (&home.cells[0], &home.cells[1]);
    edit(
        &mut editor,
        &symbols,
        Edit::Move {
            board: "home".into(),
            cell: a.id.clone(),
            row: b.row,
            column: b.column,
        },
    );
    let on_disk = reloaded(&dir, &symbols);
    let board = on_disk.home().unwrap();
    assert_eq!(cell_at(board, b.row, b.column).unwrap().id, a.id);
    assert_eq!(cell_at(board, a.row, a.column).unwrap().id, b.id);

    edit(
        &mut editor,
        &symbols,
        Edit::Resize {
            board: "home".into(),
            rows: home.rows + 1,
            columns: home.columns + 2,
        },
    );
    let grown = reloaded(&dir, &symbols).home().unwrap().clone();
    assert_eq!(
        (grown.rows, grown.columns),
        (home.rows + 1, home.columns + 2)
    );
    for cell in &board.cells {
        let kept = grown.cell(&cell.id).unwrap();
        assert_eq!(
            (kept.row, kept.column),
            (cell.row, cell.column),
            "{}",
            cell.id
        );
    }
    let refused = editor
        .edit(
            &Edit::Resize {
                board: "home".into(),
                rows: 2,
                columns: 2,
            },
            &symbols,
        )
        .unwrap_err();
    assert!(refused.contains("move or remove them first"), "{refused}");
    assert_eq!(reloaded(&dir, &symbols).home().unwrap(), &grown);
}

#[test]
fn undo_puts_back_several_edits_and_a_new_folder_board_on_disk() {
    let (dir, symbols) = profile("editor-undo");
    let original = reloaded(&dir, &symbols);
    let mut editor = VocabEditor::open(&dir, &symbols).unwrap();
    let home = original.home().unwrap();
    let word = home.cells.iter().find(|c| !c.is_folder()).unwrap();
    edit(
        &mut editor,
        &symbols,
        Edit::Word {
            board: "home".into(),
            cell: word.id.clone(),
            word: "changed".into(),
        },
    );
    edit(
        &mut editor,
        &symbols,
        Edit::MakeFolder {
            board: "home".into(),
            cell: word.id.clone(),
            rows: 3,
            columns: 4,
        },
    );
    let folder_board = reloaded(&dir, &symbols)
        .home()
        .unwrap()
        .cell(&word.id)
        .unwrap()
        .opens
        .clone()
        .expect("the cell is a folder now");
    let made = reloaded(&dir, &symbols).board(&folder_board).cloned();
    assert_eq!(made.map(|b| (b.rows, b.columns)), Some((3, 4)));
    edit(
        &mut editor,
        &symbols,
        Edit::Remove {
            board: "home".into(),
            cell: home.cells[0].id.clone(),
        },
    );
    for _ in 0..3 {
        assert!(editor.undo(&symbols).unwrap());
    }
    assert!(!editor.can_undo());
    assert!(!editor.undo(&symbols).unwrap());
    assert_eq!(reloaded(&dir, &symbols).boards, original.boards);
    assert_eq!(editor.vocabulary.boards, original.boards);
}

#[test]
fn a_broken_profile_board_is_reported_and_left_as_it_was() {
    let (dir, symbols) = profile("editor-broken");
    let file = dir.join("feelings.ron");
    let broken = std::fs::read_to_string(&file)
        .unwrap()
        .replace("rows:", "rows: \"x\",");
    std::fs::write(&file, &broken).unwrap();
    let problems = VocabEditor::open(&dir, &symbols).unwrap_err();
    let said = problems[0].to_string();
    assert!(said.contains("feelings.ron:"), "{said}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken);
}

#[test]
fn an_edit_that_cannot_be_saved_whole_leaves_every_file_as_it_was() {
    let (dir, symbols) = profile("editor-half");
    let mut editor = VocabEditor::open(&dir, &symbols).unwrap();
    let first_feeling = editor.vocabulary.board("feelings").unwrap().cells[0]
        .id
        .clone();
    edit(
        &mut editor,
        &symbols,
        Edit::Link {
            board: "feelings".into(),
            cell: first_feeling,
            target: "people".into(),
        },
    );
    let feelings_before = std::fs::read_to_string(dir.join("feelings.ron")).unwrap();
    // Hiding "people" changes feelings (written first) and home, which now cannot be written.
    std::fs::remove_file(dir.join("home.ron")).unwrap();
    std::fs::create_dir(dir.join("home.ron")).unwrap();
    let refused = editor.edit(
        &Edit::FolderHidden {
            board: "home".into(),
            cell: "people".into(),
            hidden: true,
        },
        &symbols,
    );
    assert!(refused.is_err());
    let feelings_after = std::fs::read_to_string(dir.join("feelings.ron")).unwrap();
    assert_eq!(
        feelings_after, feelings_before,
        "the half already written is put back"
    );
    assert!(
        !editor
            .vocabulary
            .home()
            .unwrap()
            .cell("people")
            .unwrap()
            .hidden
    );
}
