//! Profiles in the app, behind the PIN: the worker adds one and switches the child's screens to
//! it; the child's board then has that profile's cells alone, nothing on the child's screens
//! lists profiles, the choice survives a restart, a visit records the profile it used, and no
//! switch happens while a visit is being recorded.

use bevy::prelude::Text;

use hearme::board::Navigation;
use hearme::message_bar::Message;
use hearme::model::editor::{Edit, VocabEditor, first_empty_place};
use hearme::model::profile::{active, add, profile_dir, set_active};
use hearme::model::session::Event;
use hearme::model::symbols::SymbolLibrary;
use hearme::model::vocab::WordClass;
use hearme::visit::Visit;

use crate::harness::*;
use crate::journal::scratch;
use crate::visit::{app_for, open_area, start_visit};

/// Gives profile `label` a cell "dog" on its home board, as the editor would.
fn add_dog(data: &std::path::Path, label: &str) -> String {
    let symbols = SymbolLibrary::built_in();
    let dir = profile_dir(data, label).join("vocab");
    let mut editor = VocabEditor::open(&dir, &symbols).unwrap();
    editor
        .edit(
            &Edit::Resize {
                board: "home".into(),
                rows: 7,
                columns: 9,
            },
            &symbols,
        )
        .unwrap();
    let (row, column) = first_empty_place(editor.vocabulary.home().unwrap()).unwrap();
    let symbol = symbols.search("dog")[0].id.clone();
    editor
        .edit(
            &Edit::Add {
                board: "home".into(),
                row,
                column,
                symbol,
                word: "dog".into(),
                class: WordClass::Noun,
            },
            &symbols,
        )
        .unwrap();
    "dog".to_string()
}

fn board_cells(app: &mut bevy::prelude::App) -> Vec<String> {
    cells_on_screen(app).into_iter().map(|c| c.cell).collect()
}

#[test]
fn the_worker_adds_a_profile_and_switches_the_childs_screens_to_it() {
    let data = scratch("profiles-app");
    add(&data, "AB", None).unwrap();
    let dog = add_dog(&data, "AB");
    let mut app = app_for(&data);
    assert!(
        !board_cells(&mut app).contains(&dog),
        "the built-in board first"
    );

    // The child is in a folder with a word in the bar when the worker switches.
    tap_cell(&mut app, "home", "people");
    tap_cell(&mut app, "people", "me");
    assert!(!app.world().resource::<Message>().items.is_empty());

    open_area(&mut app);
    tap_named(&mut app, "Profiles button");
    type_into(&mut app, "New profile field", "CD-2");
    tap_named(&mut app, "Add profile button");
    assert!(text_under(&mut app, "Profiles message").contains("added"));
    assert!(profile_dir(&data, "CD-2").join("vocab/home.ron").is_file());
    type_into(&mut app, "New profile field", "Sam Smith");
    tap_named(&mut app, "Add profile button");
    assert!(text_under(&mut app, "Profiles message").contains("no spaces"));

    tap_named(&mut app, "Use profile AB");
    assert!(text_under(&mut app, "Profiles message").contains("now show profile AB"));
    assert_eq!(active(&data).as_deref(), Some("AB"));
    tap_named(&mut app, "Profiles back button");
    tap_named(&mut app, "Back to board button");
    assert!(board_cells(&mut app).contains(&dog), "AB's own cell shows");
    // The child starts afresh on AB's home board: nothing of before is left in the bar.
    assert_eq!(app.world().resource::<Navigation>().current(), "home");
    assert!(app.world().resource::<Message>().items.is_empty());
    // Nothing on the child's screen names a profile.
    let mut texts = app.world_mut().query::<&Text>();
    let shown: Vec<String> = texts.iter(app.world()).map(|t| t.0.clone()).collect();
    assert!(!shown.is_empty());
    for label in ["AB", "CD-2"] {
        assert!(
            !shown.iter().any(|t| t.contains(label)),
            "{label} in {shown:?}"
        );
    }

    // A visit records the profile; while it is recorded the profile is not switched.
    start_visit(&mut app, "C-3001");
    let journal = app
        .world()
        .resource::<Visit>()
        .journal_path()
        .unwrap()
        .to_path_buf();
    open_area(&mut app);
    tap_named(&mut app, "Profiles button");
    tap_named(&mut app, "Use profile CD-2");
    assert!(text_under(&mut app, "Profiles message").contains("finish it before switching"));
    assert_eq!(active(&data).as_deref(), Some("AB"));
    app.world().resource::<Visit>().flush();
    let recovered = crate::visit::read_on_disk(&journal).unwrap();
    let profile = recovered.lines.iter().find_map(|line| match &line.event {
        Event::VisitStarted { profile, .. } => Some(profile.clone()),
        _ => None,
    });
    assert_eq!(profile.as_deref(), Some("AB"));
    drop(app);

    // After a restart the child's screens show the built-in boards, which hold nothing
    // personal, until the PIN opens the keys; then AB again. Switching back shows the built-in.
    let mut app = app_for(&data);
    assert!(
        !board_cells(&mut app).contains(&dog),
        "nothing of AB before the PIN"
    );
    open_area(&mut app);
    tap_named(&mut app, "Back to board button");
    assert!(
        board_cells(&mut app).contains(&dog),
        "AB once the PIN is typed"
    );
    set_active(&data, "default").unwrap();
    let mut app = app_for(&data);
    assert!(!board_cells(&mut app).contains(&dog));
}
