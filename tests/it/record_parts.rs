//! The worker's part of the record, from the review page through the pointer path: each part its
//! own journal event and its own summary section, in the fixed order after the child's parts,
//! quick-pick phrases and typing both, and an entry struck out on review left out.

use bevy::prelude::*;

use hearme::Content;
use hearme::model::session::Event;
use hearme::visit::Visit;

use crate::harness::*;
use crate::journal::scratch;
use crate::visit::{FRAME, open_area, start_visit, summary_so_far};

#[test]
fn the_workers_record_goes_into_its_own_sections_in_order_after_the_childs_words() {
    let mut content = Content::built_in();
    content.data_dir = Some(scratch("record-parts"));
    let mut app = app_with(content, 1280, 800);
    step_time(&mut app, FRAME);
    start_visit(&mut app, "C-3003");
    tap_cell(&mut app, "home", "want");
    open_area(&mut app);
    tap_named(&mut app, "End visit button");
    tap_named(&mut app, "Your record button");

    // Next steps first, as a worker may: the summary still gives the fixed order.
    tap_named(&mut app, "Record part Next steps");
    tap_named(&mut app, "Phrase Next visit within 10 working days.");
    tap_named(&mut app, "Record part Observations");
    type_into(
        &mut app,
        "Record field",
        "Child tapped [want] and smiled at mum.",
    );
    tap_named(&mut app, "Add to record button");
    tap_named(&mut app, "Record part Limits");
    tap_named(&mut app, "Phrase The child was tired.");
    tap_named(&mut app, "Phrase The visit was shorter than planned.");
    assert!(text_under(&mut app, "Record entries").contains("The child was tired."));

    // A limit added by mistake is struck out on the review's timeline.
    let shorter = app
        .world()
        .resource::<Visit>()
        .lines()
        .iter()
        .rev()
        .find(|l| matches!(&l.event, Event::WorkerRecord { text, .. } if text.contains("shorter")))
        .map(|l| l.seq)
        .unwrap();
    tap_named(&mut app, "Record back button");
    tap_named(&mut app, &format!("Strike out {shorter}"));
    tap_named(&mut app, &format!("Confirm strike out {shorter}"));

    let text = summary_so_far(&app);
    let at = |heading: &str| {
        text.find(heading)
            .unwrap_or_else(|| panic!("{heading} in:\n{text}"))
    };
    let child = at("THE CHILD'S MESSAGES");
    let observations = at("OBSERVATIONS (facts seen and heard)");
    let next = at("NEXT STEPS (what, who, by when)");
    let limits = at("LIMITS OF THIS VISIT");
    assert!(
        child < observations && observations < next && next < limits,
        "{text}"
    );
    assert!(text.contains("Child tapped [want] and smiled at mum."));
    assert!(text.contains("Next visit within 10 working days."));
    assert!(text.contains("The child was tired."));
    assert!(!text.contains("shorter than planned"), "struck out: {text}");
    assert!(!text.contains("ANALYSIS"), "an empty part has no section");
}

#[test]
fn someone_joining_during_the_visit_is_in_the_summarys_header_with_the_time() {
    let mut content = Content::built_in();
    content.data_dir = Some(scratch("record-present"));
    let mut app = app_with(content, 1280, 800);
    step_time(&mut app, FRAME);
    start_visit(&mut app, "C-3004");
    tap_cell(&mut app, "home", "want");
    open_area(&mut app);
    // The field holds who is present; the worker adds the one who came in.
    type_into(&mut app, "Present now field", ", dad");
    tap_named(&mut app, "Present now button");
    // Pressed again with nobody changed: nothing more is recorded.
    tap_named(&mut app, "Present now button");
    tap_named(&mut app, "Back to board button");
    tap_cell(&mut app, "home", "help");
    let changes = crate::visit::events_on_disk(&app)
        .into_iter()
        .filter(|e| matches!(e, Event::PresentChanged { .. }))
        .count();
    assert_eq!(changes, 1);
    let text = summary_so_far(&app);
    let header = text.split("THE CHILD'S MESSAGES").next().unwrap();
    assert!(header.contains("Present: child, teacher"), "{header}");
    assert!(
        header.contains("Who was present changed: from "),
        "{header}"
    );
    assert!(header.contains(" child, teacher, dad"), "{header}");
}

#[test]
fn the_regulation_29_reason_for_not_seeing_the_child_alone_is_a_choice_with_the_workers_words() {
    use hearme::model::session::SeenAlone;
    use hearme::model::visit_form::{NotAloneWhy, SeenAloneAnswer, VisitForm};
    let form = VisitForm {
        case_ref: "C-9".into(),
        seen_alone: SeenAloneAnswer::No,
        why: Some(NotAloneWhy::ChildRefused),
        ..Default::default()
    };
    let alone = |form: &VisitForm| match form.visit_started().unwrap() {
        Event::VisitStarted { seen_alone, .. } => seen_alone,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        alone(&form),
        SeenAlone::No {
            reason: "the child refused".into()
        },
        "the choice alone is a reason"
    );
    let form = VisitForm {
        why: Some(NotAloneWhy::NotPossible),
        reason: "no private room".into(),
        ..form
    };
    assert_eq!(
        alone(&form),
        SeenAlone::No {
            reason: "not possible: no private room".into()
        }
    );

    let mut content = Content::built_in();
    content.data_dir = Some(scratch("record-reg-29"));
    let mut app = app_with(content, 1280, 800);
    step_time(&mut app, FRAME);
    open_area(&mut app);
    tap_named(&mut app, "Start visit button");
    type_into(&mut app, "Case reference field", "C-9");
    tap_named(&mut app, "Seen alone No");
    tap_named(&mut app, "Why not alone not appropriate");
    type_into(&mut app, "Reason field", "the child was unwell");
    tap_named(&mut app, "Begin visit button");
    let text = summary_so_far(&app);
    assert!(
        text.contains("seen alone: no (not appropriate: the child was unwell)"),
        "{text}"
    );
}
