//! Symbol pictures, 128 px, shared by every cell and message symbol that shows them: a leaf
//! service that knows no screen. Each screen says which pictures it can show
//! ([`SymbolImages::want`]) before [`SymbolImagesSystems`] and reads their handles after it;
//! only wanted pictures are held (the home board's, the open board's and the message's), so a
//! folder's pictures load when it opens and are released when it closes. A cell the worker gave
//! a photo (`media/photos/` of the profile, `model/photo.rs`) shows the photo instead of its
//! symbol: its picture id is [`SymbolImages::picture_id`].

use std::collections::HashMap;
use std::path::PathBuf;

use bevy::asset::RenderAssetUsages;
use bevy::image::ImageLoaderSettings;
use bevy::prelude::*;
use bevy::window::RequestRedraw;

use crate::Content;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SymbolImages>()
        .add_message::<PhotosChanged>()
        .add_systems(PreStartup, (find_photos, load_home_symbols).chain())
        .add_systems(
            Update,
            (
                find_photos
                    .run_if(photos_outdated)
                    .in_set(FindPhotos)
                    .before(SymbolImagesSystems),
                hold_wanted_pictures
                    .in_set(SymbolImagesSystems)
                    .run_if(resource_changed::<SymbolImages>),
            ),
        )
        .add_systems(Last, redraw_until_pictures_shown);
}

/// Loads the pictures screens want and releases the rest: screens that change what they want
/// order themselves before it, and read handles after it.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct SymbolImagesSystems;

/// A photo was added or replaced (the editor): the shown profile's photos are found anew.
#[derive(Message, Debug, Clone)]
pub struct PhotosChanged;

/// Both messages are read every time (an `or_else` would leave the second for the next frame).
fn photos_outdated(
    mut switched: MessageReader<crate::screen::ProfileSwitched>,
    mut changed: MessageReader<PhotosChanged>,
) -> bool {
    let switched = switched.read().count() > 0;
    let changed = changed.read().count() > 0;
    switched || changed
}

/// Finds the shown profile's photos anew when the profile is switched; screens that ask for
/// [`SymbolImages::picture_id`] order themselves after it.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct FindPhotos;

#[derive(Resource, Default)]
pub struct SymbolImages {
    handles: HashMap<String, Handle<Image>>,
    /// The symbol ids each screen can show, by screen.
    wanted: HashMap<&'static str, Vec<String>>,
    changed: bool,
    /// The photos of the shown profile, by picture id (`photo:<board>/<cell>`).
    photos: HashMap<String, PathBuf>,
}

const PHOTO_PREFIX: &str = "photo:";

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

    /// The picture a cell shows: its photo when the worker gave it one, else its symbol.
    pub fn picture_id(&self, board: &str, cell: &str, symbol: &str) -> String {
        let photo = format!("{PHOTO_PREFIX}{board}/{cell}");
        if self.photos.contains_key(&photo) {
            photo
        } else {
            symbol.to_string()
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

/// Every cell of the vocabulary with a photo in the profile's `media/photos/`. A board with no
/// photo folder costs one look, not one per cell: this runs before the first frame.
fn find_photos(mut images: ResMut<SymbolImages>, content: Res<Content>) {
    use crate::model::photo::board_photos_dir;
    // Another profile's photos are let go before this one's are found.
    images.handles.retain(|id, _| !id.starts_with(PHOTO_PREFIX));
    images.photos.clear();
    images.changed = true;
    let Some(media) = content.media_root() else {
        return;
    };
    let boards = content.vocabulary.boards.values();
    for board in boards.filter(|board| board_photos_dir(&media, &board.id).is_dir()) {
        for cell in &board.cells {
            let path = crate::model::photo::photo_path(&media, &board.id, &cell.id);
            if path.is_file() {
                let id = format!("{PHOTO_PREFIX}{}/{}", board.id, cell.id);
                images.photos.insert(id, path);
            }
        }
    }
}

/// A photo is outside the asset folder, so it is decoded here (a 512 px PNG: a few ms) rather
/// than by the asset server, and read through `model::files`, which opens a sealed profile's
/// files; one that cannot be read draws nothing, and the word still shows.
fn load_photo(path: &std::path::Path, pictures: &mut Assets<Image>) -> Handle<Image> {
    let read = crate::model::files::read_capped(path, crate::model::photo::MAX_STORED_BYTES);
    match read.map(|bytes| image::load_from_memory(&bytes)) {
        Ok(Ok(photo)) => pictures.add(Image::from_dynamic(
            photo,
            true,
            RenderAssetUsages::RENDER_WORLD,
        )),
        _ => Handle::default(),
    }
}

fn load_symbol(
    images: &mut SymbolImages,
    content: &Content,
    assets: &AssetServer,
    pictures: &mut Assets<Image>,
    id: &str,
) {
    if images.handles.contains_key(id) {
        return;
    }
    if let Some(path) = images.photos.get(id) {
        let handle = load_photo(path, pictures);
        images.handles.insert(id.to_string(), handle);
        return;
    }
    if content.symbols.get(id).is_none() {
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
    mut pictures: ResMut<Assets<Image>>,
) {
    if let Some(home) = content.vocabulary.home() {
        for cell in &home.cells {
            let id = images.picture_id(&home.id, &cell.id, &cell.symbol);
            load_symbol(&mut images, &content, &assets, &mut pictures, &id);
        }
    }
}

fn hold_wanted_pictures(
    mut images: ResMut<SymbolImages>,
    content: Res<Content>,
    assets: Res<AssetServer>,
    mut pictures: ResMut<Assets<Image>>,
) {
    if !images.changed {
        return;
    }
    images.changed = false;
    let wanted: std::collections::HashSet<String> =
        images.wanted.values().flatten().cloned().collect();
    images.handles.retain(|id, _| wanted.contains(id));
    for id in &wanted {
        load_symbol(&mut images, &content, &assets, &mut pictures, id);
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
