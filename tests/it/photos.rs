//! A cell's photo: a phone's JPEG with GPS in its EXIF and a turned orientation goes in; what is
//! stored is upright, square, at most 512 px and carries no metadata. A huge or a cut-short file
//! is refused with its name, and nothing is stored.

use std::path::Path;

use image::{Rgb, RgbImage};

use hearme::model::photo::{PhotoError, photo_path, prepare};
use hearme::model::profile::profile_dir;

use crate::harness::hearme;
use crate::journal::scratch;

const RED: Rgb<u8> = Rgb([220, 20, 20]);
const WHITE: Rgb<u8> = Rgb([250, 250, 250]);

/// A 1200 x 800 JPEG as a phone holding it on its side writes it: a red band along the top of
/// the stored pixels, and EXIF saying "turn me 90 degrees clockwise" (orientation 6) with a GPS
/// position.
fn phone_jpeg() -> Vec<u8> {
    let picture = RgbImage::from_fn(1200, 800, |_, y| if y < 160 { RED } else { WHITE });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&picture)
        .unwrap();
    let exif = exif_block();
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
    app1.extend_from_slice(&exif);
    // After the start-of-image marker, where cameras put it.
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// "Exif\0\0", a little-endian TIFF header, IFD0 with Orientation = 6 and a pointer to a GPS
/// IFD holding latitude ref "N" and a marker string.
fn exif_block() -> Vec<u8> {
    let mut tiff: Vec<u8> = b"II*\0".to_vec();
    tiff.extend_from_slice(&8u32.to_le_bytes());
    let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        let mut e = tag.to_le_bytes().to_vec();
        e.extend_from_slice(&kind.to_le_bytes());
        e.extend_from_slice(&count.to_le_bytes());
        e.extend_from_slice(&value);
        e
    };
    // IFD0 at 8: 2 entries (2 + 24 bytes) and the next-IFD offset (4): GPS IFD at 38.
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend(entry(0x0112, 3, 1, [6, 0, 0, 0]));
    tiff.extend(entry(0x8825, 4, 1, 38u32.to_le_bytes()));
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend(entry(0x0001, 2, 2, [b'N', 0, 0, 0]));
    tiff.extend(entry(0x001B, 7, 4, *b"GPSX"));
    tiff.extend_from_slice(&0u32.to_le_bytes());
    let mut block = b"Exif\0\0".to_vec();
    block.extend(tiff);
    block
}

fn close(a: Rgb<u8>, b: Rgb<u8>) -> bool {
    a.0.iter().zip(b.0).all(|(x, y)| x.abs_diff(y) < 40)
}

#[test]
fn a_phone_photo_is_stored_upright_square_small_and_without_its_exif() {
    let bytes = phone_jpeg();
    assert!(
        bytes.windows(4).any(|w| w == b"GPSX"),
        "the test photo has GPS"
    );
    let photo = prepare("phone.jpg", &bytes).unwrap().to_rgb8();
    assert_eq!((photo.width(), photo.height()), (512, 512));
    // Turned clockwise, the band along the top of the stored pixels is the right-hand edge.
    assert!(
        close(*photo.get_pixel(500, 256), RED),
        "{:?}",
        photo.get_pixel(500, 256)
    );
    assert!(
        close(*photo.get_pixel(256, 8), WHITE),
        "{:?}",
        photo.get_pixel(256, 8)
    );
    assert!(close(*photo.get_pixel(10, 256), WHITE));

    let data = scratch("photo-cli");
    assert_eq!(
        hearme()
            .arg("--data")
            .arg(&data)
            .args(["profile", "add", "AB"])
            .status()
            .unwrap()
            .code(),
        Some(0)
    );
    let source = data.join("phone.jpg");
    std::fs::write(&source, &bytes).unwrap();
    let added = hearme()
        .arg("--data")
        .arg(&data)
        .args([
            "add-photo",
            "--profile",
            "AB",
            "--board",
            "home",
            "--cell",
            "want",
        ])
        .arg(&source)
        .output()
        .unwrap();
    assert_eq!(
        added.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let stored_path = photo_path(&profile_dir(&data, "AB"), "home", "want");
    let stored = std::fs::read(&stored_path).unwrap();
    assert!(stored.starts_with(b"\x89PNG"), "re-encoded as PNG");
    for marker in [&b"Exif"[..], b"eXIf", b"GPSX", b"tEXt", b"iTXt", b"zTXt"] {
        assert!(
            !stored.windows(marker.len()).any(|w| w == marker),
            "{marker:?} kept"
        );
    }
    let reread = image::load_from_memory(&stored).unwrap().to_rgb8();
    assert_eq!((reread.width(), reread.height()), (512, 512));
    assert!(
        close(*reread.get_pixel(500, 256), RED),
        "stored the right way up"
    );
}

/// A real JPEG whose header says 20,000 x 20,000 px: refused from the header, never decoded.
fn huge_jpeg() -> Vec<u8> {
    let mut bytes = phone_jpeg();
    let sof = bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("a baseline frame header");
    // Marker (2), length (2), precision (1), then height and width, big-endian.
    bytes[sof + 5..sof + 7].copy_from_slice(&20_000u16.to_be_bytes());
    bytes[sof + 7..sof + 9].copy_from_slice(&20_000u16.to_be_bytes());
    bytes
}

fn refused_by_the_command(data: &Path, name: &str, bytes: &[u8]) -> String {
    let source = data.join(name);
    std::fs::write(&source, bytes).unwrap();
    let output = hearme()
        .arg("--data")
        .arg(data)
        .args(["add-photo", "--board", "home", "--cell", "want"])
        .arg(&source)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_huge_or_cut_short_or_unknown_file_is_refused_and_nothing_is_stored() {
    let huge = prepare("huge.jpg", &huge_jpeg()).unwrap_err();
    assert!(
        matches!(
            huge,
            PhotoError::TooBig {
                width: 20_000,
                height: 20_000,
                ..
            }
        ),
        "{huge}"
    );

    let whole = phone_jpeg();
    let cut = &whole[..whole.len() / 2];
    let broken = prepare("cut.jpg", cut).unwrap_err();
    assert!(matches!(broken, PhotoError::Broken { .. }), "{broken}");

    let data = scratch("photo-refused");
    for (name, bytes, says) in [
        ("huge.jpg", huge_jpeg(), "too big"),
        ("cut.jpg", cut.to_vec(), "damaged or cut short"),
        (
            "notes.jpg",
            b"hello, not a picture".to_vec(),
            "not a picture",
        ),
    ] {
        let stderr = refused_by_the_command(&data, name, &bytes);
        assert!(
            stderr.contains(name) && stderr.contains(says),
            "{name}: {stderr}"
        );
    }
    assert!(
        !data.join("media").join("photos").exists(),
        "nothing stored"
    );
}

/// The picture under a cell on screen.
fn cell_picture(
    app: &mut bevy::prelude::App,
    board: &str,
    cell: &str,
) -> bevy::prelude::Handle<bevy::prelude::Image> {
    use bevy::prelude::*;
    let root = crate::harness::cell_entity(app, board, cell).expect("the cell is on screen");
    let mut stack = vec![root];
    while let Some(entity) = stack.pop() {
        if let Some(node) = app.world().get::<ImageNode>(entity) {
            return node.image.clone();
        }
        if let Some(children) = app.world().get::<Children>(entity) {
            stack.extend(children.iter());
        }
    }
    panic!("no picture in {board}/{cell}")
}

#[test]
fn the_board_shows_the_cells_photo_and_only_in_its_own_profile() {
    let data = scratch("photo-board");
    for label in ["AB", "CD"] {
        let added = hearme()
            .arg("--data")
            .arg(&data)
            .args(["profile", "add", label])
            .status();
        assert_eq!(added.unwrap().code(), Some(0));
    }
    let photo = prepare("phone.jpg", &phone_jpeg()).unwrap();
    hearme::model::photo::save(
        &photo_path(&profile_dir(&data, "AB"), "home", "want"),
        &photo,
    )
    .unwrap();

    let open = |label: &str| {
        let content = hearme::Content::for_profile(Some(&data.to_path_buf()), Some(label));
        crate::harness::app_with(content, 1280, 800)
    };
    let mut with_photo = open("AB");
    let shown = cell_picture(&mut with_photo, "home", "want");
    let images = with_photo
        .world()
        .resource::<hearme::symbol_images::SymbolImages>();
    assert_eq!(shown, images.get("photo:home/want"));
    assert_ne!(shown, images.get("palm-up-hand"), "not the symbol");
    let size = with_photo
        .world()
        .resource::<bevy::prelude::Assets<bevy::prelude::Image>>()
        .get(&shown)
        .map(|image| (image.width(), image.height()));
    assert_eq!(size, Some((512, 512)));

    let mut other = open("CD");
    let images = other
        .world()
        .resource::<hearme::symbol_images::SymbolImages>();
    assert_eq!(
        images.picture_id("home", "want", "palm-up-hand"),
        "palm-up-hand"
    );
    let symbol = images.get("palm-up-hand");
    assert_eq!(
        cell_picture(&mut other, "home", "want"),
        symbol,
        "CD has no photo"
    );
}
