//! The look shared by every screen: the palette, the Andika font, sizes, the widgets every
//! screen is built from, the press feedback, the marks of hold, dwell and scanning, and what a screen reader is told.

mod access_marks;
pub mod interaction;
pub mod palette;
mod screen_reader;
pub mod widget;

use bevy::prelude::*;

pub use interaction::PressFeedback;
pub use palette::*;
pub use screen_reader::{ScreenReaderLabels, words_under};
pub use widget::*;

pub const CELL_LABEL_PX: f32 = crate::model::cell_look::CELL_LABEL_PX;
pub const BUTTON_LABEL_PX: f32 = 22.0;
pub const MESSAGE_LABEL_PX: f32 = 16.0;
pub const GAP_PX: f32 = crate::model::cell_look::GAP_PX;
/// 15 mm on a 10-inch 1280×800 tablet: the smallest target on a child's screen.
pub const CHILD_TARGET_PX: f32 = 89.0;
pub use crate::model::cell_look::{MESSAGE_BAR_PX, NAV_STRIP_PX};
/// Worker pages: titles and body text.
pub const TITLE_PX: f32 = 30.0;
pub const BODY_PX: f32 = 22.0;

pub(super) fn plugin(app: &mut App) {
    // Andika replaces the default font handle, so every text uses it (Bevy's own default font
    // is ASCII-only and children's names and words are not).
    let mut fonts = app.world_mut().resource_mut::<Assets<Font>>();
    if let Err(error) = fonts.insert(
        AssetId::default(),
        Font::from_bytes(crate::model::ANDIKA_REGULAR.to_vec()),
    ) {
        warn!("could not install the Andika font: {error}");
    }
    app.insert_resource(ClearColor(BACKGROUND));
    app.add_plugins((
        interaction::plugin,
        palette::plugin,
        access_marks::plugin,
        screen_reader::plugin,
    ));
}
