//! One symbol in the message bar, in the child's theme and text size: the one being said is
//! highlighted and framed thickly, so it is told by more than colour.

use bevy::prelude::*;

use super::{MessageItem, MessageSymbol, SYMBOL_PX, SYMBOL_WORD_PX};
use crate::model::theme::Palette;
use crate::theme::{self, MESSAGE_LABEL_PX};

/// How the bar draws its symbols in the child's theme and text size.
#[derive(Clone, Copy)]
pub(super) struct SymbolLook {
    pub(super) palette: Palette,
    pub(super) text_scale: f32,
}

impl SymbolLook {
    /// Face, edge and edge width of a symbol: the one being said is highlighted and framed
    /// thickly, so it is told by more than colour.
    pub(super) fn symbol(&self, highlighted: bool) -> (Color, BorderColor, f32) {
        let p = &self.palette;
        if highlighted {
            (p.highlight.into(), BorderColor::all(p.frame), 4.0)
        } else {
            let tile = p.tile(p.plain);
            (tile.face.into(), BorderColor::all(tile.edge), 2.0)
        }
    }

    pub(super) fn ink(&self, highlighted: bool) -> Color {
        let p = &self.palette;
        if highlighted {
            p.highlight_ink.into()
        } else {
            p.tile(p.plain).ink.into()
        }
    }
}

pub(super) fn message_symbol(
    position: usize,
    item: &MessageItem,
    picture: Handle<Image>,
    highlighted: bool,
    look: SymbolLook,
) -> impl Bundle {
    let (face, frame, frame_px) = look.symbol(highlighted);
    // The word fits the symbol's width and leaves its picture most of the height, whatever
    // the text size.
    let label_px = crate::model::text_fit::scaled_to_fit(
        &item.word,
        MESSAGE_LABEL_PX,
        look.text_scale,
        10.0,
        (SYMBOL_PX - 8.0, SYMBOL_WORD_PX),
        2,
    );
    (
        Name::new(format!("Message symbol {position}")),
        MessageSymbol(position),
        Node {
            width: px(SYMBOL_PX),
            flex_shrink: 0.0,
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            padding: UiRect::all(px(2.0)),
            border: UiRect::all(px(frame_px)),
            border_radius: BorderRadius::all(px(8.0)),
            ..default()
        },
        BackgroundColor(face),
        frame,
        Pickable::IGNORE,
        children![
            theme::symbol_picture(picture),
            theme::label(item.word.clone(), label_px, look.ink(highlighted)),
        ],
    )
}
