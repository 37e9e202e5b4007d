//! The PDF files Hearme writes (printed boards, the visit summary): PDF/A-2a with a tagged
//! structure that krilla checks against PDF/UA-1 as it writes, Andika embedded and subset, so a
//! case-file system keeps them and a screen reader reads them in order (docs/print.md).

pub mod boards;
mod cell;
pub mod flow;
pub mod layout;

use std::num::NonZeroU16;

use krilla::color::rgb;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::geom::{Path, PathBuilder, Point, Size, Transform};
use krilla::image::Image;
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::Outline;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, Node, SpanTag, Tag, TagGroup, TagTree,
};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};

use super::text_fit::{has_glyph, text_width};
use super::theme::Rgb;
pub use layout::Rect;

/// The words PDF/A files state about themselves, which the tests and docs/print.md quote.
pub const CONFORMANCE: &str = "PDF/A-2a, PDF/UA-1";

/// What the file says about itself.
pub struct Meta<'a> {
    pub title: &'a str,
    /// BCP 47, as a screen reader needs it to choose its voice.
    pub language: &'a str,
    pub created: jiff::Timestamp,
}

/// A PDF being written: pages in order, and the tag tree a screen reader follows.
pub struct Pdf {
    document: Document,
    font: Font,
    tree: TagTree,
}

impl Pdf {
    pub fn new(meta: &Meta) -> Result<Pdf, String> {
        let configuration = ConfigurationBuilder::new()
            .with_archival_validator(Archival::A2_A)
            .with_accessibility_validator(Accessibility::UA1)
            .finish()
            .map_err(|e| format!("PDF settings refused: {e:?}"))?;
        let mut document = Document::new_with(SerializeSettings {
            configuration,
            ..SerializeSettings::default()
        });
        let utc = meta.created.to_zoned_datetime(jiff::tz::TimeZone::UTC);
        let created = DateTime::new(utc.year().max(0) as u16)
            .month(utc.month() as u8)
            .day(utc.day() as u8)
            .hour(utc.hour() as u8)
            .minute(utc.minute() as u8)
            .second(utc.second() as u8)
            .utc_offset_hour(0)
            .utc_offset_minute(0);
        document.set_metadata(
            Metadata::new()
                .title(meta.title.to_string())
                .language(meta.language.to_string())
                .creator(format!("Hearme {}", env!("CARGO_PKG_VERSION")))
                .creation_date(created),
        );
        document.set_outline(Outline::new());
        let font = Font::new(super::ANDIKA_REGULAR.into(), 0).ok_or("Andika does not load")?;
        Ok(Pdf {
            document,
            font,
            tree: TagTree::new().with_lang(Some(meta.language.to_string())),
        })
    }

    /// Adds a page `size` points wide and high; `draw` puts its content on it in reading order.
    pub fn page(&mut self, size: (f32, f32), draw: impl FnOnce(&mut Canvas)) -> Result<(), String> {
        let settings = PageSettings::from_wh(size.0, size.1).ok_or("a page has no size")?;
        let mut page = self.document.start_page_with(settings);
        let mut nodes = Vec::new();
        {
            let mut canvas = Canvas {
                surface: page.surface(),
                font: self.font.clone(),
                nodes: &mut nodes,
            };
            draw(&mut canvas);
            canvas.surface.finish();
        }
        page.finish();
        for node in nodes {
            self.tree.push(node);
        }
        Ok(())
    }

    /// The file, once krilla has checked it against PDF/A-2a and PDF/UA-1.
    pub fn finish(mut self) -> Result<Vec<u8>, String> {
        self.document.set_tag_tree(self.tree);
        self.document
            .finish()
            .map_err(|e| format!("the PDF did not pass its own checks: {e:?}"))
    }
}

/// One page being drawn. Text goes in as tagged spans under a heading or paragraph, pictures
/// as figures with their word as alternative text, and lines and shapes as artifacts a screen
/// reader skips.
pub struct Canvas<'a, 'n> {
    surface: Surface<'a>,
    font: Font,
    nodes: &'n mut Vec<Node>,
}

/// Where and how one line of text is drawn: `x` and the baseline `y` in points from the top left.
#[derive(Clone, Copy)]
pub struct TextAt {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub colour: Rgb,
}

impl Canvas<'_, '_> {
    /// A heading of `level` (1 for the title), already broken into lines.
    pub fn heading(&mut self, level: u16, lines: &[(String, TextAt)]) {
        let title: Vec<&str> = lines.iter().map(|(text, _)| text.as_str()).collect();
        let spans = lines
            .iter()
            .map(|(text, at)| self.span(text, *at).into())
            .collect();
        let level = NonZeroU16::new(level.max(1)).unwrap_or(NonZeroU16::MIN);
        let tag = Tag::Hn(level, Some(printable(&title.join(" "))));
        self.nodes.push(TagGroup::with_children(tag, spans).into());
    }

    /// A paragraph already broken into lines, each with its place.
    pub fn paragraph(&mut self, lines: &[(String, TextAt)]) {
        let spans: Vec<Node> = lines
            .iter()
            .filter(|(text, _)| !text.trim().is_empty())
            .map(|(text, at)| self.span(text, *at).into())
            .collect();
        if spans.is_empty() {
            return;
        }
        self.nodes
            .push(TagGroup::with_children(Tag::P, spans).into());
    }

    /// A picture with its word under it, read as one figure: `alt` is what a screen reader says.
    pub fn figure(
        &mut self,
        alt: &str,
        picture: Option<(&Image, Rect)>,
        words: &[(String, TextAt)],
    ) {
        let mut parts: Vec<Node> = Vec::new();
        if let Some((image, rect)) = picture {
            let id = self.surface.start_tagged(ContentTag::Other);
            self.surface
                .push_transform(&Transform::from_translate(rect.x, rect.y));
            if let Some(size) = Size::from_wh(rect.width, rect.height) {
                self.surface.draw_image(image.clone(), size);
            }
            self.surface.pop();
            self.surface.end_tagged();
            parts.push(id.into());
        }
        for (text, at) in words.iter().filter(|(text, _)| !text.trim().is_empty()) {
            parts.push(self.span(text, *at).into());
        }
        if parts.is_empty() {
            return;
        }
        let tag = Tag::Figure(Some(printable(alt)));
        self.nodes.push(TagGroup::with_children(tag, parts).into());
    }

    /// Text that repeats on every page (header, footer, page number): drawn, not read.
    pub fn artifact_text(&mut self, kind: ArtifactType, text: &str, at: TextAt) {
        self.surface
            .start_tagged(ContentTag::Artifact(Artifact::with_kind(kind)));
        self.draw_text(text, at);
        self.surface.end_tagged();
    }

    /// A filled and outlined shape, drawn as layout a screen reader skips.
    pub fn shape(&mut self, path: &Path, fill: Option<Rgb>, edge: Option<(Rgb, f32)>) {
        self.surface
            .start_tagged(ContentTag::Artifact(Artifact::with_kind(
                ArtifactType::Layout,
            )));
        self.surface.set_fill(fill.map(|colour| Fill {
            paint: colour_of(colour).into(),
            ..Fill::default()
        }));
        self.surface.set_stroke(edge.map(|(colour, width)| Stroke {
            paint: colour_of(colour).into(),
            width,
            ..Stroke::default()
        }));
        self.surface.draw_path(path);
        self.surface.set_stroke(None);
        self.surface.end_tagged();
    }

    fn span(&mut self, text: &str, at: TextAt) -> Identifier {
        let id = self
            .surface
            .start_tagged(ContentTag::Span(SpanTag::empty()));
        self.draw_text(text, at);
        self.surface.end_tagged();
        id
    }

    fn draw_text(&mut self, text: &str, at: TextAt) {
        self.surface.set_fill(Some(Fill {
            paint: colour_of(at.colour).into(),
            ..Fill::default()
        }));
        self.surface.draw_text(
            Point::from_xy(at.x, at.y),
            self.font.clone(),
            at.size,
            &printable(text),
            false,
            TextDirection::Auto,
        );
    }
}

fn colour_of(colour: Rgb) -> krilla::color::Color {
    let byte = |c: f32| (c.clamp(0.0, 1.0) * 255.0).round() as u8;
    rgb::Color::new(byte(colour.0), byte(colour.1), byte(colour.2)).into()
}

/// `text` as Andika can draw it: a character it has no glyph for (an emoji, a script it does not
/// cover) becomes "?", and control characters a space, since a PDF/A file may not draw a
/// missing glyph. The text summary keeps the exact words (docs/print.md).
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            c if c.is_control() => ' ',
            c if c == ' ' || has_glyph(c) => c,
            _ => '?',
        })
        .collect()
}

/// `text` broken into lines no wider than `width` points at `size`: at spaces, and inside a word
/// too long for a line on its own.
pub fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let joined = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if text_width(&joined, size) <= width {
                line = joined;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line = break_long_word(word, size, width, &mut lines);
        }
        lines.push(line);
    }
    lines
}

/// Pushes the whole lines of a word too wide for one, and returns what is left of it.
fn break_long_word(word: &str, size: f32, width: f32, lines: &mut Vec<String>) -> String {
    let mut part = String::new();
    for c in word.chars() {
        part.push(c);
        if text_width(&part, size) > width && part.chars().count() > 1 {
            part.pop();
            lines.push(std::mem::take(&mut part));
            part.push(c);
        }
    }
    part
}

/// A rectangle with rounded corners (`radius` points), as the board's cells have on screen.
pub fn rounded_rect(rect: Rect, radius: f32) -> Option<Path> {
    rounded_corners(rect, [radius; 4])
}

/// A rectangle with each corner its own radius: top left, top right, bottom right, bottom left.
pub fn rounded_corners(rect: Rect, radii: [f32; 4]) -> Option<Path> {
    let most = rect.width.min(rect.height) / 2.0;
    let [tl, tr, br, bl] = radii.map(|r| r.clamp(0.0, most));
    let (left, top) = (rect.x, rect.y);
    let (right, bottom) = (rect.x + rect.width, rect.y + rect.height);
    // The control points of a quarter circle drawn as one cubic curve.
    const K: f32 = 0.552_284_8;
    let mut path = PathBuilder::new();
    path.move_to(left + tl, top);
    path.line_to(right - tr, top);
    path.cubic_to(
        right - tr * (1.0 - K),
        top,
        right,
        top + tr * (1.0 - K),
        right,
        top + tr,
    );
    path.line_to(right, bottom - br);
    path.cubic_to(
        right,
        bottom - br * (1.0 - K),
        right - br * (1.0 - K),
        bottom,
        right - br,
        bottom,
    );
    path.line_to(left + bl, bottom);
    path.cubic_to(
        left + bl * (1.0 - K),
        bottom,
        left,
        bottom - bl * (1.0 - K),
        left,
        bottom - bl,
    );
    path.line_to(left, top + tl);
    path.cubic_to(
        left,
        top + tl * (1.0 - K),
        left + tl * (1.0 - K),
        top,
        left + tl,
        top,
    );
    path.close();
    path.finish()
}

/// A picture for a PDF from RGBA pixels (decoded once, however often it is drawn: krilla writes
/// the same picture once).
pub fn image_of(picture: &image::RgbaImage) -> Image {
    Image::from_rgba8(picture.as_raw().clone(), picture.width(), picture.height())
}
