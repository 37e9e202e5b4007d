//! A button's picture and sound: `data` URIs and `path`s inside the package are prepared as
//! every photo and recording is; `url`s and licensed `symbol` sets (network or paid) become the
//! OpenMoji symbol that fits the label, or a placeholder. Each image's licence is kept. Pixels and
//! seconds are capped over the whole import, so no file can make it slow or huge.

use std::collections::HashMap;
use std::io::Cursor;

use serde_json::Value;

use super::super::symbols::SymbolLibrary;
use super::super::{photo, voice};
use super::data_uri::data_uri;
use super::import::{id_of, text_of};
use super::package::Package;
use super::{ImportedPhoto, ImportedSound, Report};

/// One picture's pixels: a board's pictures are a few hundred pixels a side.
pub const MAX_IMAGE_PIXELS: u64 = 8_000_000;
/// All pictures of one import together.
pub const MAX_TOTAL_PIXELS: u64 = 400_000_000;
/// All recordings of one import together, as decoded (so silent or broken ones count too).
pub const MAX_TOTAL_SECONDS: f32 = 3_600.0;
/// The photos and recordings an import writes, all cells together: one picture shown by
/// 40,000 buttons must not become 40,000 files of it.
pub const MAX_WRITTEN_BYTES: u64 = 400 * 1024 * 1024;
/// The symbol a cell shows when nothing fits its label.
pub const PLACEHOLDER: &str = "white-question-mark";

pub struct Media<'a> {
    package: &'a Package,
    symbols: &'a SymbolLibrary,
    images: HashMap<String, &'a Value>,
    sounds: HashMap<String, &'a Value>,
    /// Each sound decoded once: its WAV, or `None` when it could not be used.
    sounds_done: HashMap<String, Option<std::sync::Arc<Vec<u8>>>>,
    /// The symbol the built-in boards give each word ("milk": glass of milk).
    built_in_words: HashMap<String, String>,
    /// Whether each image passed the checks, however many buttons show it.
    accepted: HashMap<String, bool>,
    /// The images to prepare (decoded, squared, re-encoded), all at once at the end, on every
    /// core: their id, how the report names them, and their bytes.
    pending: Vec<(String, String, Vec<u8>)>,
    /// The photos, each with the id of the image it is made from.
    photos: Vec<(String, ImportedPhoto)>,
    recordings: Vec<ImportedSound>,
    pixels: u64,
    seconds: f32,
    by_label: usize,
    placeholders: usize,
}

fn table<'a>(package: &'a Package, key: &str) -> HashMap<String, &'a Value> {
    let mut all = HashMap::new();
    for board in package.boards.values() {
        for item in board
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(id) = item.get("id").and_then(id_of) {
                all.entry(id).or_insert(item);
            }
        }
    }
    all
}

impl<'a> Media<'a> {
    pub fn new(package: &'a Package, symbols: &'a SymbolLibrary) -> Self {
        Media {
            package,
            symbols,
            images: table(package, "images"),
            sounds: table(package, "sounds"),
            built_in_words: built_in_words(symbols),
            sounds_done: HashMap::new(),
            accepted: HashMap::new(),
            pending: Vec::new(),
            photos: Vec::new(),
            recordings: Vec::new(),
            pixels: 0,
            seconds: 0.0,
            by_label: 0,
            placeholders: 0,
        }
    }

    /// The cell's symbol id; a picture of its own, when the file carries one, becomes its photo.
    pub fn picture(
        &mut self,
        board_name: &str,
        board: &str,
        cell: &str,
        word: &str,
        button: &Value,
        report: &mut Report,
    ) -> String {
        let image = match button.get("image_id").and_then(id_of) {
            None => None,
            Some(image_id) => match self.images.get(&image_id).copied() {
                Some(image) => Some((image_id, image)),
                None => {
                    report.note(format!("{board_name}: button \"{cell}\"'s image \"{image_id}\" is missing from the file"));
                    None
                }
            },
        };
        let Some((image_id, image)) = image else {
            return self.symbol_for(word, true);
        };
        if let Some(symbol) = self.openmoji(image) {
            return symbol;
        }
        let accepted = match self.accepted.get(&image_id) {
            Some(done) => *done,
            None => {
                let done = self.check(board_name, &image_id, image, report);
                self.accepted.insert(image_id.clone(), done);
                done
            }
        };
        if !accepted {
            return self.symbol_for(word, true);
        }
        let licence = image
            .as_object()
            .and_then(|o| o.iter().find(|(k, _)| k.eq_ignore_ascii_case("license")))
            .map(|(_, v)| v.to_string());
        let photo = ImportedPhoto {
            board: board.into(),
            cell: cell.into(),
            png: Default::default(),
            licence,
        };
        self.photos.push((image_id, photo));
        // Hearme's own export names the symbol under a photo.
        match button.get("ext_hearme_symbol").and_then(Value::as_str) {
            Some(symbol) if self.symbols.contains(symbol) => symbol.to_string(),
            _ => self.symbol_for(word, false),
        }
    }

    /// The OpenMoji symbol an image names (`symbol: {set: "openmoji", filename}`), when Hearme has it.
    fn openmoji(&self, image: &Value) -> Option<String> {
        let symbol = image.get("symbol")?;
        let set = symbol.get("set")?.as_str()?;
        if !set.to_ascii_lowercase().contains("openmoji") {
            return None;
        }
        let filename = symbol.get("filename")?.as_str()?;
        let stem = filename
            .rsplit('/')
            .next()?
            .trim_end_matches(".png")
            .trim_end_matches(".svg");
        self.symbols
            .iter()
            .find(|s| {
                s.id == stem
                    || s.codepoint.eq_ignore_ascii_case(stem)
                    || s.file.ends_with(&format!("/{stem}.png"))
            })
            .map(|s| s.id.clone())
    }

    /// The OpenMoji symbol whose words include the label, else the placeholder (counted when
    /// the cell has no picture of its own to show instead).
    fn symbol_for(&mut self, word: &str, shown: bool) -> String {
        let by_board = self.built_in_words.get(&word.to_lowercase()).cloned();
        let by_name = || {
            self.symbols
                .search(word)
                .into_iter()
                .find(|s| s.words.iter().any(|w| w.eq_ignore_ascii_case(word)))
                .map(|s| s.id.clone())
        };
        match by_board.or_else(by_name) {
            Some(symbol) => {
                self.by_label += usize::from(shown);
                symbol
            }
            None => {
                self.placeholders += usize::from(shown);
                PLACEHOLDER.into()
            }
        }
    }

    fn bytes(&self, item: &Value) -> Option<Result<Vec<u8>, String>> {
        if let Some(data) = item.get("data").and_then(Value::as_str) {
            return Some(data_uri(data));
        }
        let path = item.get("path").and_then(Value::as_str)?;
        let path = path.trim_start_matches("./");
        Some(
            self.package
                .files
                .get(path)
                .cloned()
                .ok_or_else(|| format!("\"{path}\" is not in the package")),
        )
    }

    /// Whether an image can be a photo: its bytes are there, it is not SVG, and its pixels fit
    /// the caps; if so it is queued to be prepared.
    fn check(&mut self, board_name: &str, id: &str, image: &Value, report: &mut Report) -> bool {
        let kind = text_of(image.get("content_type"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let bytes = match self.bytes(image) {
            Some(Ok(bytes)) => bytes,
            Some(Err(why)) => {
                report.note(format!(
                    "{board_name}: image \"{id}\": {why}; the symbol that fits its label is used"
                ));
                return false;
            }
            None => {
                let source = if image.get("symbol").is_some() {
                    "a licensed symbol set"
                } else {
                    "a web address"
                };
                report.note(format!(
                    "{board_name}: image \"{id}\" is {source}, which needs the network or a paid set; the symbol that fits its label is used"
                ));
                return false;
            }
        };
        if kind.contains("svg") || bytes.trim_ascii_start().starts_with(b"<") {
            report.note(format!("{board_name}: image \"{id}\" is SVG, which Hearme cannot draw; the symbol that fits its label is used"));
            return false;
        }
        let label = format!("{board_name}: image \"{id}\"");
        let size = image::ImageReader::new(Cursor::new(&bytes))
            .with_guessed_format()
            .ok()
            .and_then(|r| r.into_dimensions().ok());
        let pixels = size.map_or(0, |(w, h)| u64::from(w) * u64::from(h));
        if pixels > MAX_IMAGE_PIXELS || self.pixels + pixels > MAX_TOTAL_PIXELS {
            report.note(format!(
                "{label} is too big ({pixels} pixels); the symbol that fits its label is used"
            ));
            return false;
        }
        self.pixels += pixels;
        self.pending.push((id.to_string(), label, bytes));
        true
    }

    pub fn sound(
        &mut self,
        board_name: &str,
        board: &str,
        cell: &str,
        button: &Value,
        report: &mut Report,
    ) {
        let Some(sound_id) = button.get("sound_id").and_then(id_of) else {
            return;
        };
        let label = format!("{board_name}: sound \"{sound_id}\"");
        if let Some(done) = self.sounds_done.get(&sound_id) {
            if let Some(wav) = done {
                let wav = wav.clone();
                self.recordings.push(ImportedSound {
                    board: board.into(),
                    cell: cell.into(),
                    wav,
                });
            }
            return;
        }
        let wav = self.decode_sound(&label, &sound_id, cell, report);
        if let Some(wav) = &wav {
            self.recordings.push(ImportedSound {
                board: board.into(),
                cell: cell.into(),
                wav: wav.clone(),
            });
        }
        self.sounds_done.insert(sound_id, wav);
    }

    /// A sound decoded, cleaned and encoded once, however many buttons play it.
    fn decode_sound(
        &mut self,
        label: &str,
        sound_id: &str,
        cell: &str,
        report: &mut Report,
    ) -> Option<std::sync::Arc<Vec<u8>>> {
        let Some(sound) = self.sounds.get(sound_id).copied() else {
            report.note(format!(
                "{label} of button \"{cell}\" is missing from the file"
            ));
            return None;
        };
        let bytes = match self.bytes(sound) {
            Some(Ok(bytes)) => bytes,
            Some(Err(why)) => {
                report.note(format!("{label}: {why}; the cell keeps its voice"));
                return None;
            }
            None => {
                report.note(format!(
                    "{label} is a web address; the cell keeps its voice"
                ));
                return None;
            }
        };
        if self.seconds >= MAX_TOTAL_SECONDS {
            report.note(format!(
                "{label}: the import's recordings already last an hour; dropped"
            ));
            return None;
        }
        let decoded =
            voice::decode(label, bytes).inspect(|c| self.seconds += c.duration().as_secs_f32());
        let wav = decoded
            .and_then(|c| voice::clean_recording(label, &c))
            .map_err(|e| e.to_string())
            .and_then(|c| voice::wav_bytes(&c).map_err(|e| e.to_string()));
        match wav {
            Ok(wav) => Some(std::sync::Arc::new(wav)),
            Err(why) => {
                report.note(format!("{why}; the cell keeps its voice"));
                None
            }
        }
    }

    pub fn finish(self, report: &mut Report) -> (Vec<ImportedPhoto>, Vec<ImportedSound>) {
        if self.by_label > 0 {
            report.note(format!(
                "{} cell(s) have no picture Hearme can show from the file; they show the OpenMoji symbol that fits their label",
                self.by_label
            ));
        }
        if self.placeholders > 0 {
            report.note(format!(
                "{} cell(s) have no picture in the file and no OpenMoji symbol that fits their label; they show a question mark",
                self.placeholders
            ));
        }
        let prepared: HashMap<String, Result<std::sync::Arc<Vec<u8>>, String>> =
            prepare_all(self.pending)
                .into_iter()
                .map(|(id, png)| (id, png.map(std::sync::Arc::new)))
                .collect();
        let mut written: u64 = self.recordings.iter().map(|r| r.wav.len() as u64).sum();
        let mut photos = Vec::new();
        let mut over = 0;
        for (image, mut photo) in self.photos {
            if let Some(Ok(png)) = prepared.get(&image) {
                written += png.len() as u64;
                if written > MAX_WRITTEN_BYTES {
                    over += 1;
                    continue;
                }
                photo.png = png.clone();
                photos.push(photo);
            }
        }
        if over > 0 {
            report.note(format!(
                "{over} cell(s) would have taken the import's photos past {} MB; they show their symbol",
                MAX_WRITTEN_BYTES / (1024 * 1024)
            ));
        }
        let mut failed: Vec<&String> = prepared.values().filter_map(|r| r.as_ref().err()).collect();
        failed.sort();
        for why in failed {
            report.note(format!("{why}; the symbol that fits its label is used"));
        }
        (photos, self.recordings)
    }
}

/// Each image prepared as every photo is, as PNG, or why not; the work is shared among the
/// cores, as decoding and encoding thousands of pictures is most of an import's time.
fn prepare_all(
    pending: Vec<(String, String, Vec<u8>)>,
) -> HashMap<String, Result<Vec<u8>, String>> {
    let one = |(id, label, bytes): &(String, String, Vec<u8>)| {
        let png = photo::prepare(label, bytes)
            .map_err(|e| e.to_string())
            .and_then(|p| photo::png_bytes(&p).map_err(|e| format!("{label}: {e}")));
        (id.clone(), png)
    };
    let cores = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let share = pending.len().div_ceil(cores).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = pending
            .chunks(share)
            .map(|chunk| scope.spawn(move || chunk.iter().map(one).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    })
}

/// The built-in boards' words and their symbols, the first board's for a word on several.
fn built_in_words(symbols: &SymbolLibrary) -> HashMap<String, String> {
    let mut words = HashMap::new();
    if let Ok(vocabulary) = super::super::vocab::Vocabulary::built_in(symbols) {
        for cell in vocabulary.boards.values().flat_map(|b| &b.cells) {
            words
                .entry(cell.word.to_lowercase())
                .or_insert_with(|| cell.symbol.clone());
        }
    }
    words
}
