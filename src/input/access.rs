//! The rules the seam follows: the shown child's access settings on the child's screens
//! (`model/access/`), and plain taps in the worker area, which an adult uses
//! (docs/access.md).

use bevy::prelude::*;

use crate::model::access::dwell::DwellRules;
use crate::model::access::scan::ScanRules;
use crate::model::access::touch::TouchRules;
use crate::model::access::{AccessSettings, ScanMode};

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(AccessRules::new(AccessSettings::default()))
        .add_systems(
            PreUpdate,
            follow_profile
                .run_if(resource_changed::<crate::Content>)
                .before(bevy::picking::PickingSystems::Last),
        );
}

#[derive(Resource)]
pub struct AccessRules {
    /// The shown child's settings.
    child: AccessSettings,
    /// The worker area is open: the child's accommodations wait.
    worker: bool,
    pub(super) touch: TouchRules<Entity>,
    pub(super) dwell: Option<DwellRules<Entity>>,
    pub(super) scan: ScanRules<Entity>,
    /// The child's scanning has a whole-screen switch: a touch anywhere selects.
    pub(super) screen_is_switch: bool,
    pub(super) speak_items: bool,
    pub(super) select_keys: Vec<String>,
    pub(super) move_keys: Vec<String>,
    pub(super) click_sound: bool,
}

impl AccessRules {
    fn new(child: AccessSettings) -> Self {
        let mut rules = AccessRules {
            touch: TouchRules::new(&AccessSettings::default()),
            dwell: None,
            scan: ScanRules::new(&Default::default()),
            screen_is_switch: false,
            speak_items: false,
            select_keys: Vec::new(),
            move_keys: Vec::new(),
            click_sound: false,
            child,
            worker: false,
        };
        rules.apply();
        rules
    }

    /// The child's rules are in force (the worker area is closed).
    pub fn for_the_child(&self) -> bool {
        !self.worker
    }

    /// The settings in force now.
    pub fn settings(&self) -> AccessSettings {
        if self.worker {
            AccessSettings::default()
        } else {
            self.child.clone()
        }
    }

    fn apply(&mut self) {
        let settings = self.settings();
        self.touch.follow(&settings);
        self.dwell = settings
            .dwell()
            .map(|time| DwellRules::new(time, settings.dwell_pause()));
        self.scan = ScanRules::new(&settings.scan);
        let scanning = settings.scan.mode != ScanMode::Off;
        self.screen_is_switch = scanning && settings.scan.screen_is_switch;
        self.speak_items = scanning && settings.scan.speak_items;
        self.select_keys = settings.scan.select_keys.clone();
        self.move_keys = settings.scan.move_keys.clone();
        self.click_sound = settings.click_sound;
    }

    /// The worker area opened or closed.
    pub fn set_worker_area_open(&mut self, open: bool) {
        if self.worker != open {
            self.worker = open;
            self.apply();
        }
    }

    fn follow_child(&mut self, child: &AccessSettings) {
        if &self.child != child {
            self.child = child.clone();
            self.apply();
        }
    }
}

fn follow_profile(content: Res<crate::Content>, mut rules: ResMut<AccessRules>) {
    rules.follow_child(&content.settings.access);
}
