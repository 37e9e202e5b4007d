//! The worker's settings page, through the pointer path: the name and role typed there reach the
//! summary's "Recorded by" line of the next visit, and the idle time chosen is the one the area
//! locks after, also after a restart.

use std::time::Duration;

use hearme::model::worker_settings::{load, settings_path};
use hearme::worker::WorkerPage;

use crate::harness::*;
use crate::journal::scratch;
use crate::visit::{FRAME, app_on, area, open_area, start_visit, summary_so_far};

#[test]
fn name_role_and_idle_time_are_saved_and_used() {
    let data = scratch("worker-settings");
    let mut app = app_on(&data);
    open_area(&mut app);
    tap_named(&mut app, "Settings button");
    assert_eq!(area(&app), (true, WorkerPage::Settings));
    assert!(text_under(&mut app, "About").contains("CC BY-SA 4.0"));
    type_into(&mut app, "Worker name field", "Sam Jones");
    type_into(&mut app, "Worker role field", "social worker");
    tap_named(&mut app, "Idle lock 1 min");
    assert!(text_under(&mut app, "Settings saved").contains("1 min"));
    let saved = load(&settings_path(&data)).unwrap();
    assert_eq!(
        (
            saved.name.as_str(),
            saved.role.as_str(),
            saved.idle_lock_minutes
        ),
        ("Sam Jones", "social worker", 1)
    );
    tap_named(&mut app, "Settings back button");
    tap_named(&mut app, "Back to board button");
    drop(app);

    // After a restart the page shows what was saved, and one idle minute locks the area.
    let mut app = app_on(&data);
    open_area(&mut app);
    tap_named(&mut app, "Settings button");
    assert!(has_named(&mut app, "Worker name field"));
    tap_named(&mut app, "Settings back button");
    step_time(&mut app, Duration::from_secs(20));
    for _ in 0..4 {
        app.update();
    }
    assert!(!area(&app).0, "locked after a minute with nothing done");
    step_time(&mut app, FRAME);

    start_visit(&mut app, "C-2001");
    let text = summary_so_far(&app);
    assert!(
        text.contains("Recorded by: Sam Jones, social worker"),
        "{text}"
    );
}
