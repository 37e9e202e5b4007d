//! Symbol pictures, 128 px, shared by every cell and message symbol that shows them. Only the
//! pictures that can be on screen are held: the home board's, the open board's and the
//! message's; the others are loaded when their board opens and released when it closes.

use std::collections::HashMap;

use bevy::asset::RenderAssetUsages;
use bevy::image::ImageLoaderSettings;
use bevy::prelude::*;
use bevy::window::RequestRedraw;

use crate::Content;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SymbolImages>()
        .add_systems(PreStartup, load_home_symbols)
        .add_systems(
            Update,
            hold_pictures_that_can_be_shown
                .before(crate::board::ShowBoard)
                .before(crate::message_bar::MessageSystems)
                .run_if(
                    resource_changed::<crate::board::Navigation>
                        .or_else(resource_changed::<crate::message_bar::Message>),
                ),
        )
        .add_systems(Last, redraw_until_pictures_shown);
}

#[derive(Resource, Default)]
pub struct SymbolImages {
    handles: HashMap<String, Handle<Image>>,
}

impl SymbolImages {
    /// True once every picture of the vocabulary has loaded (or failed), after which the app
    /// has no work left to do in the background.
    pub fn all_loaded(&self, assets: &AssetServer) -> bool {
        self.handles.values().all(|handle| settled(assets, handle))
    }

    /// The picture for a symbol id; an unknown id gets an empty handle, which draws nothing.
    pub fn get(&self, symbol_id: &str) -> Handle<Image> {
        self.handles.get(symbol_id).cloned().unwrap_or_default()
    }
}

/// Loads a symbol's 128 px picture; it stays loaded while something holds the handle. An unknown
/// id gets an empty handle, which draws nothing (the word is always shown beside it).
pub fn load_picture(content: &Content, assets: &AssetServer, id: &str) -> Handle<Image> {
    let Some(symbol) = content.symbols.get(id) else {
        return Handle::default();
    };
    // Keep pictures only on the GPU side: a CPU copy of every picture would double memory.
    assets
        .load_builder()
        .with_settings(|settings: &mut ImageLoaderSettings| {
            settings.asset_usage = RenderAssetUsages::RENDER_WORLD
        })
        .load(format!("symbols/{}", symbol.small))
}

fn load_symbol(images: &mut SymbolImages, content: &Content, assets: &AssetServer, id: &str) {
    if images.handles.contains_key(id) || content.symbols.get(id).is_none() {
        return;
    }
    images
        .handles
        .insert(id.to_string(), load_picture(content, assets, id));
}

fn load_home_symbols(
    mut images: ResMut<SymbolImages>,
    content: Res<Content>,
    assets: Res<AssetServer>,
) {
    if let Some(home) = content.vocabulary.home() {
        for cell in &home.cells {
            load_symbol(&mut images, &content, &assets, &cell.symbol);
        }
    }
}

fn hold_pictures_that_can_be_shown(
    mut images: ResMut<SymbolImages>,
    content: Res<Content>,
    assets: Res<AssetServer>,
    navigation: Res<crate::board::Navigation>,
    message: Res<crate::message_bar::Message>,
) {
    let boards = [crate::model::vocab::HOME_BOARD, navigation.current()];
    let mut wanted: Vec<&str> = boards
        .iter()
        .filter_map(|id| content.vocabulary.board(id))
        .flat_map(|board| board.cells.iter().map(|c| c.symbol.as_str()))
        .collect();
    wanted.extend(message.items.iter().map(|item| item.symbol.as_str()));
    images.handles.retain(|id, _| wanted.contains(&id.as_str()));
    for id in wanted {
        load_symbol(&mut images, &content, &assets, id);
    }
}

/// True when every picture shown on screen has loaded (or failed, which shows the word alone).
pub fn all_shown_pictures_ready(assets: &AssetServer, shown: &Query<&ImageNode>) -> bool {
    shown
        .iter()
        .all(|node| node.image == Handle::default() || settled(assets, &node.image))
}

fn settled(assets: &AssetServer, handle: &Handle<Image>) -> bool {
    assets.is_loaded(handle)
        || matches!(assets.load_state(handle), bevy::asset::LoadState::Failed(_))
}

/// In reactive mode the app sleeps until input; pictures that finish loading in the background
/// would stay invisible, so keep drawing until every picture is in.
fn redraw_until_pictures_shown(
    assets: Res<AssetServer>,
    images: Res<SymbolImages>,
    shown: Query<&ImageNode>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    if !all_shown_pictures_ready(&assets, &shown) || !images.all_loaded(&assets) {
        redraw.write(RequestRedraw);
    }
}
