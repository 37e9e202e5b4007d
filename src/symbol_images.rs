//! Symbol pictures: every picture the vocabulary uses is loaded once at start and shared, so a
//! folder opens with all its pictures already in memory.

use std::collections::HashMap;

use bevy::asset::RenderAssetUsages;
use bevy::image::ImageLoaderSettings;
use bevy::prelude::*;
use bevy::window::RequestRedraw;

use crate::Content;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SymbolImages>()
        .add_systems(PreStartup, load_vocabulary_symbols)
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

fn load_vocabulary_symbols(
    mut images: ResMut<SymbolImages>,
    content: Res<Content>,
    assets: Res<AssetServer>,
) {
    for id in content.vocabulary.symbol_ids() {
        let Some(symbol) = content.symbols.get(id) else {
            continue;
        };
        // Keep pictures only on the GPU side: a CPU copy of every picture would double memory.
        let handle = assets
            .load_builder()
            .with_settings(|settings: &mut ImageLoaderSettings| {
                settings.asset_usage = RenderAssetUsages::RENDER_WORLD
            })
            .load(format!("symbols/{}", symbol.small));
        images.handles.insert(id.to_string(), handle);
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
