//! The keys while the worker area is unlocked (docs/data-protection.md, "Keys"): opened by the
//! right PIN on the PIN page and forgotten, wiped from memory, when the area closes. A visit
//! being recorded keeps its own key with its journal writer until the visit is closed.

use std::path::Path;
use std::sync::Arc;

use bevy::prelude::*;

use crate::model::keyring::Keyring;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Keys>().init_resource::<SealProblems>();
}

/// Profiles' files that could not be opened or sealed on the last unlock, in plain words, for
/// the worker's home page.
#[derive(Resource, Default)]
pub struct SealProblems(pub Vec<String>);

#[derive(Resource, Default)]
pub struct Keys {
    ring: Option<Arc<Keyring>>,
    /// Why the keys did not open with a PIN the PIN page accepted, for the worker's home page.
    pub problem: Option<String>,
}

impl Keys {
    pub fn ring(&self) -> Option<&Keyring> {
        self.ring.as_deref()
    }

    /// Opens the keys with the PIN just accepted (creating the tablet's key on its first use).
    pub fn unlock(&mut self, data_dir: Option<&Path>, pin: &str) {
        let Some(data_dir) = data_dir else {
            return;
        };
        match Keyring::unlock(data_dir, pin) {
            Ok(ring) => {
                self.ring = Some(Arc::new(ring));
                self.problem = None;
            }
            Err(why) => {
                self.ring = None;
                self.problem = Some(format!(
                    "The children's data on this tablet cannot be opened: {why}. Nothing of it is \
                     shown or changed."
                ));
            }
        }
    }

    pub fn lock(&mut self) {
        self.ring = None;
        self.problem = None;
    }
}
