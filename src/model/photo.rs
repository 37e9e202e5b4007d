//! A photo for a cell (the child's own cup, their dog, their school): EXIF orientation applied
//! first, then cropped to a centred square, resized to at most 512 px and re-encoded as PNG, so
//! nothing of the original file's metadata (GPS, camera, time) reaches storage. A huge, broken
//! or unknown file is refused with its name and nothing is stored (docs/decisions.md, "Photos").

use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{DynamicImage, ImageDecoder, ImageReader, Limits};

use super::files::{read_capped, safe_file_name, write_in_new_folder};

/// The longest side kept: a cell is at most about 180 px on a tablet, 512 leaves room for print.
pub const MAX_PHOTO_PX: u32 = 512;
/// A phone's photo is 12-50 megapixels; more than this is refused before it is decoded.
pub const MAX_SOURCE_PIXELS: u64 = 50_000_000;
/// Camera JPEGs are a few MB; a RAW or a hostile file bigger than this is not read.
pub const MAX_SOURCE_BYTES: u64 = 40 * 1024 * 1024;
/// A stored photo is a PNG of at most 512 px a side: a few hundred kB at most.
pub const MAX_STORED_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PhotoError {
    #[error("{file}: {reason}")]
    Unreadable { file: String, reason: String },
    #[error("{file}: not a picture Hearme can read (JPEG or PNG)")]
    UnknownFormat { file: String },
    #[error(
        "{file}: {width} x {height} pixels is too big for a photo (at most {} megapixels)",
        MAX_SOURCE_PIXELS / 1_000_000
    )]
    TooBig {
        file: String,
        width: u32,
        height: u32,
    },
    #[error("{file}: the picture is damaged or cut short: {reason}")]
    Broken { file: String, reason: String },
}

/// `MEDIA/media/photos/<board>/<cell>.png`, beside the profile's recordings.
pub fn photo_path(media_root: &Path, board: &str, cell: &str) -> PathBuf {
    board_photos_dir(media_root, board).join(format!("{}.png", safe_file_name(cell)))
}

/// `MEDIA/media/photos/<board>/`: the photos of one board's cells.
pub fn board_photos_dir(media_root: &Path, board: &str) -> PathBuf {
    media_root
        .join("media")
        .join("photos")
        .join(safe_file_name(board))
}

/// Reads a photo file and prepares it (see [`prepare`]).
pub fn prepare_file(path: &Path) -> Result<DynamicImage, PhotoError> {
    let file = path.display().to_string();
    let bytes = read_capped(path, MAX_SOURCE_BYTES).map_err(|e| PhotoError::Unreadable {
        file: file.clone(),
        reason: e.to_string(),
    })?;
    prepare(&file, &bytes)
}

/// The photo upright, square and at most [`MAX_PHOTO_PX`] a side. Its size is checked from the
/// header before any pixel is decoded, and decoding itself is capped.
pub fn prepare(file: &str, bytes: &[u8]) -> Result<DynamicImage, PhotoError> {
    let broken = |e: image::ImageError| PhotoError::Broken {
        file: file.to_string(),
        reason: e.to_string(),
    };
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| PhotoError::Unreadable {
            file: file.to_string(),
            reason: e.to_string(),
        })?;
    match reader.format() {
        None => {
            return Err(PhotoError::UnknownFormat {
                file: file.to_string(),
            });
        }
        Some(image::ImageFormat::Jpeg) if !ends_after_its_scan(bytes) => {
            return Err(PhotoError::Broken {
                file: file.to_string(),
                reason: "the file ends before the picture does".into(),
            });
        }
        Some(_) => {}
    }
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_SOURCE_PIXELS * 4 + 64 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(broken)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_SOURCE_PIXELS || width == 0 || height == 0 {
        return Err(PhotoError::TooBig {
            file: file.to_string(),
            width,
            height,
        });
    }
    // A damaged EXIF block is no reason to refuse the photo: it is then shown as stored.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(broken)?;
    picture.apply_orientation(orientation);
    let side = picture.width().min(picture.height());
    let square = picture.crop_imm(
        (picture.width() - side) / 2,
        (picture.height() - side) / 2,
        side,
        side,
    );
    let kept = side.min(MAX_PHOTO_PX);
    let resized = if kept == side {
        square
    } else {
        square.resize_exact(kept, kept, image::imageops::FilterType::CatmullRom)
    };
    Ok(DynamicImage::ImageRgb8(on_white(&resized)))
}

/// The picture with any transparency laid on white (a symbol from another app is often a PNG
/// with a transparent background, which would otherwise turn black).
fn on_white(picture: &DynamicImage) -> image::RgbImage {
    let rgba = picture.to_rgba8();
    image::RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let mix = |c: u8| ((u32::from(c) * u32::from(a) + 255 * (255 - u32::from(a))) / 255) as u8;
        image::Rgb([mix(r), mix(g), mix(b)])
    })
}

/// Whether a JPEG's end marker comes after its first scan. A JPEG cut short (a copy that
/// stopped) would otherwise decode as grey below the cut; an EXIF thumbnail's own end marker
/// comes before the scan, so it does not count.
fn ends_after_its_scan(bytes: &[u8]) -> bool {
    let scan = bytes.windows(2).position(|pair| pair == [0xFF, 0xDA]);
    let end = bytes.windows(2).rposition(|pair| pair == [0xFF, 0xD9]);
    matches!((scan, end), (Some(scan), Some(end)) if end > scan)
}

/// Encodes the prepared photo as PNG (pixels only: no metadata chunk is written) and puts it in
/// place atomically.
pub fn save(path: &Path, photo: &DynamicImage) -> Result<(), String> {
    let png = png_bytes(photo).map_err(|e| format!("{}: {e}", path.display()))?;
    write_in_new_folder(path, &png)
}

/// The prepared photo as PNG bytes (pixels only: no metadata chunk is written).
pub fn png_bytes(photo: &DynamicImage) -> Result<Vec<u8>, image::ImageError> {
    let mut png = Vec::new();
    photo.write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)?;
    Ok(png)
}
