//! Writing a visit's summary files into one folder, every format atomically: the same job for
//! `hearme export` and for the Export button in the worker area.

use std::io;
use std::path::{Path, PathBuf};

use image::RgbaImage;
use jiff::tz::TimeZone;

use super::audit::AuditLine;
use super::files::{put_in_place, write_temp};
use super::seal::{DataKey, open_file, seal_file};
use super::session::{Recovered, timestamp_now};
use super::summary::picture::{PictureRef, render_own_symbols};
use super::summary::{self, ExportInfo, RenderError, Summary};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryFormat {
    Text,
    Markdown,
    Ron,
    Obl,
    Picture,
    Pdf,
}

impl SummaryFormat {
    pub const ALL: [SummaryFormat; 6] = [
        SummaryFormat::Text,
        SummaryFormat::Markdown,
        SummaryFormat::Ron,
        SummaryFormat::Obl,
        SummaryFormat::Picture,
        SummaryFormat::Pdf,
    ];

    /// The formats whose footer says what became of the tablet copy: the only ones to write
    /// again once the journal is deleted after an export.
    pub const WITH_FOOTER: [SummaryFormat; 3] = [
        SummaryFormat::Text,
        SummaryFormat::Markdown,
        SummaryFormat::Pdf,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            SummaryFormat::Text => "txt",
            SummaryFormat::Markdown => "md",
            SummaryFormat::Ron => "ron",
            SummaryFormat::Obl => "obl",
            SummaryFormat::Picture => "png",
            SummaryFormat::Pdf => "pdf",
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone)]
pub struct Exported {
    pub files: Vec<PathBuf>,
    /// The plain-text summary, for the clipboard.
    pub text: String,
    /// Whether the files are sealed under the visit's key (kept on the tablet).
    pub sealed: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}: not a visit journal: it has no VisitStarted line", .0.display())]
    NotAVisit(PathBuf),
    #[error("{}: cannot create the folder: {source}", .path.display())]
    Folder { path: PathBuf, source: io::Error },
    #[error("{}: cannot write: {source}", .path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("{}: the file written does not read back as written", .path.display())]
    ReadBack { path: PathBuf },
    #[error("{}: cannot draw the picture summary: {reason}", .path.display())]
    Picture { path: PathBuf, reason: String },
    #[error("{}: cannot write the PDF summary: {reason}", .path.display())]
    Pdf { path: PathBuf, reason: String },
    #[error("{}: {source}", .path.display())]
    Render { path: PathBuf, source: RenderError },
    #[error(
        "{}: the summary was written but the visit could not be deleted from the tablet: {source}",
        .path.display()
    )]
    Delete { path: PathBuf, source: io::Error },
}

fn rendering(path: &Path) -> impl Fn(RenderError) -> ExportError + '_ {
    move |source| ExportError::Render {
        path: path.to_path_buf(),
        source,
    }
}

/// A summary file to write: where it goes, and its bytes.
type Rendered = (PathBuf, Vec<u8>);

/// A visit journal and where its summaries go.
pub struct VisitExport<'a> {
    pub journal: &'a Path,
    pub recovered: &'a Recovered,
    pub out_dir: &'a Path,
    pub zone: &'a TimeZone,
    /// The visit's key file, destroyed before the journal is deleted (`None` for a plain
    /// journal, which has none).
    pub key_file: Option<&'a Path>,
    /// The audit trail's lines for this visit, for the footer.
    pub trail: Vec<AuditLine>,
    /// The visit's key, when its summaries go into the data folder: every file is then sealed
    /// under it, and is noise once the key is destroyed (docs/data-protection.md, "Exports").
    pub seal: Option<&'a DataKey>,
}

/// Whether summaries written to `out_dir` stay on the tablet (in the data folder), and so must
/// be sealed like everything else personal there.
pub fn kept_on_tablet(data_dir: Option<&Path>, out_dir: &Path) -> bool {
    data_dir.is_some_and(|data| out_dir.starts_with(data))
}

/// The associated data of a sealed summary: its file name, so a summary renamed to another
/// visit's does not open.
fn seal_place(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    format!("exports/{name}")
}

/// A summary file kept on the tablet, opened with its visit's key.
pub fn open_summary(key: &DataKey, path: &Path) -> Result<Vec<u8>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    open_file(key, &seal_place(path), &bytes)
        .map_err(|e| format!("{}: does not open: {e}", path.display()))
}

impl VisitExport<'_> {
    /// `exports/<journal stem>.summary.<extension>`.
    pub fn path_for(&self, format: SummaryFormat) -> PathBuf {
        let stem = self
            .journal
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "visit".into());
        self.out_dir
            .join(format!("{stem}.summary.{}", format.extension()))
    }

    /// Writes the asked formats; `journal_deleted` is what the footer says about the tablet's
    /// copy. `picture_of` finds a symbol's picture for the PNG summary. Every file is written
    /// under a temporary name first: if one fails, none is put in place.
    pub fn write(
        &self,
        formats: &[SummaryFormat],
        journal_deleted: bool,
        picture_of: &dyn Fn(&PictureRef) -> Option<RgbaImage>,
    ) -> Result<Exported, ExportError> {
        let (rendered, text) = self.render(formats, journal_deleted, picture_of)?;
        let staged = self.stage(&rendered)?;
        let files = place(staged, &rendered)?;
        Ok(Exported {
            files,
            text,
            sealed: self.seal.is_some(),
        })
    }

    /// Writes the summaries with the footer "Tablet copy deleted on export", deletes the
    /// journal, and only then puts them in place. If a summary cannot be written nothing is
    /// deleted and no file is left; if the journal cannot be deleted the summaries say it was
    /// kept.
    pub fn write_and_delete_journal(
        &self,
        formats: &[SummaryFormat],
        picture_of: &dyn Fn(&PictureRef) -> Option<RgbaImage>,
    ) -> Result<Exported, ExportError> {
        let (rendered, text) = self.render(formats, true, picture_of)?;
        let staged = self.stage(&rendered)?;
        if let Err(why) = self.delete_visit(&[]) {
            for (temp, _) in &staged {
                let _ = std::fs::remove_file(temp);
            }
            let _ = self.write(formats, false, picture_of);
            return Err(why);
        }
        let files = place(staged, &rendered)?;
        Ok(Exported {
            files,
            text,
            sealed: self.seal.is_some(),
        })
    }

    /// Deletes the visit from the tablet with its summary files in `out_dir`, the app's own
    /// exports folder (every format, whichever were written): only the plain text with the
    /// footer "Tablet copy deleted" is kept, for the clipboard.
    pub fn delete_with_summaries(&self) -> Result<Exported, ExportError> {
        let (_, text) = self.render(&[], true, &|_| None)?;
        let summaries: Vec<PathBuf> = SummaryFormat::ALL
            .iter()
            .map(|&format| self.path_for(format))
            .collect();
        self.delete_visit(&summaries)?;
        Ok(Exported {
            files: Vec::new(),
            text,
            sealed: false,
        })
    }

    /// The key first, then the journal and `also`.
    fn delete_visit(&self, also: &[PathBuf]) -> Result<(), ExportError> {
        super::visits::delete_visit(self.key_file, self.journal, also).map_err(|why| {
            ExportError::Delete {
                path: self.journal.to_path_buf(),
                source: io::Error::other(why),
            }
        })
    }

    /// Every asked format, as the bytes of its file (sealed when kept on the tablet), and the
    /// plain text for the clipboard.
    fn render(
        &self,
        formats: &[SummaryFormat],
        journal_deleted: bool,
        picture_of: &dyn Fn(&PictureRef) -> Option<RgbaImage>,
    ) -> Result<(Vec<Rendered>, String), ExportError> {
        let summary = Summary::from_journal(self.recovered)
            .ok_or_else(|| ExportError::NotAVisit(self.journal.to_path_buf()))?;
        let info = ExportInfo {
            exported_at: timestamp_now(),
            journal_deleted,
            key_destroyed: journal_deleted && self.key_file.is_some(),
            trail: self.trail.clone(),
        };
        let text = summary::render_text(&summary, Some(&info), self.zone);
        let mut rendered = Vec::new();
        for &format in formats {
            let path = self.path_for(format);
            let bytes = match format {
                SummaryFormat::Text => text.clone().into_bytes(),
                SummaryFormat::Markdown => {
                    summary::render_markdown(&summary, Some(&info), self.zone).into_bytes()
                }
                SummaryFormat::Ron => summary.to_ron().map_err(rendering(&path))?.into_bytes(),
                SummaryFormat::Obl => summary::render_obl(self.recovered)
                    .map_err(rendering(&path))?
                    .into_bytes(),
                SummaryFormat::Picture => render_own_symbols(&summary, self.zone, picture_of)
                    .map_err(|reason| ExportError::Picture {
                        path: path.clone(),
                        reason,
                    })?,
                SummaryFormat::Pdf => {
                    let created = info
                        .exported_at
                        .parse()
                        .unwrap_or_else(|_| jiff::Timestamp::now());
                    summary::render_pdf(&summary, Some(&info), self.zone, picture_of, created)
                        .map_err(|reason| ExportError::Pdf {
                            path: path.clone(),
                            reason,
                        })?
                }
            };
            let bytes = match self.seal {
                Some(key) => {
                    seal_file(key, &seal_place(&path), &bytes).map_err(|e| ExportError::Write {
                        path: path.clone(),
                        source: io::Error::other(e),
                    })?
                }
                None => bytes,
            };
            rendered.push((path, bytes));
        }
        Ok((rendered, text))
    }

    /// Writes every file under its temporary name; if one fails, the others are removed.
    fn stage(
        &self,
        rendered: &[(PathBuf, Vec<u8>)],
    ) -> Result<Vec<(PathBuf, PathBuf)>, ExportError> {
        std::fs::create_dir_all(self.out_dir).map_err(|source| ExportError::Folder {
            path: self.out_dir.to_path_buf(),
            source,
        })?;
        let mut staged = Vec::new();
        for (path, bytes) in rendered {
            match write_temp(path, bytes) {
                Ok(temp) => staged.push((temp, path.clone())),
                Err(source) => {
                    for (temp, _) in &staged {
                        let _ = std::fs::remove_file(temp);
                    }
                    return Err(ExportError::Write {
                        path: path.clone(),
                        source,
                    });
                }
            }
        }
        Ok(staged)
    }
}

/// Puts staged files in place and reads each back: a summary that does not read back as
/// written is not exported.
fn place(
    staged: Vec<(PathBuf, PathBuf)>,
    rendered: &[Rendered],
) -> Result<Vec<PathBuf>, ExportError> {
    let mut files = Vec::new();
    for ((temp, path), (_, bytes)) in staged.into_iter().zip(rendered) {
        put_in_place(&temp, &path).map_err(|source| ExportError::Write {
            path: path.clone(),
            source,
        })?;
        if std::fs::read(&path).ok().as_deref() != Some(&bytes[..]) {
            return Err(ExportError::ReadBack { path });
        }
        files.push(path);
    }
    Ok(files)
}
