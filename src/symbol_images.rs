//! Symbol pictures, 128 px, shared by every cell and message symbol that shows them: a leaf
//! service that knows no screen. Each screen says which pictures it can show
//! ([`SymbolImages::want`]) before [`SymbolImagesSystems`] and reads their handles after it;
//! only wanted pictures are held (the home board's, the open board's and the message's), so a
//! folder's pictures load when it opens and are released when it closes.

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
            hold_wanted_pictures
                .in_set(SymbolImagesSystems)
                .run_if(resource_changed::<SymbolImages>),
        )
        .add_systems(Last, redraw_until_pictures_shown);
}

/// Loads the pictures screens want and releases the rest: screens that change what they want
/// order themselves before it, and read handles after it.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct SymbolImagesSystems;

#[derive(Resource, Default)]
pub struct SymbolImages {
    handles: HashMap<String, Handle<Image>>,
    /// The symbol ids each screen can show, by screen.
    wanted: HashMap<&'static str, Vec<String>>,
    changed: bool,
}

impl SymbolImages {
    /// True once every picture of the vocabulary has loaded (or failed), after which the app
    /// has no work left to do in the background.
    pub fn all_loaded(&self, assets: &AssetServer) -> bool {
        self.handles.values().all(|handle| settled(assets, handle))
    }

    /// What `screen` can show from now on, replacing what it wanted before.
    pub fn want(&mut self, screen: &'static str, symbol_ids: Vec<String>) {
        if self.wanted.get(screen) != Some(&symbol_ids) {
            self.wanted.insert(screen, symbol_ids);
            self.changed = true;
        }
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

fn hold_wanted_pictures(
    mut images: ResMut<SymbolImages>,
    content: Res<Content>,
    assets: Res<AssetServer>,
) {
    if !images.changed {
        return;
    }
    images.changed = false;
    let wanted: std::collections::HashSet<String> =
        images.wanted.values().flatten().cloned().collect();
    images.handles.retain(|id, _| wanted.contains(id));
    for id in &wanted {
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
