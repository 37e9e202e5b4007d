//! Writing a visit's summary files into one folder, every format atomically: the same job for
//! `hearme export` and for the Export button in the worker area.

use std::io;
use std::path::{Path, PathBuf};

use image::RgbaImage;
use jiff::tz::TimeZone;

use super::files::write_atomically;
use super::session::{Recovered, timestamp_now};
use super::summary::picture::render_own_symbols;
use super::summary::{self, ExportInfo, RenderError, Summary};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryFormat {
    Text,
    Markdown,
    Ron,
    Obl,
    Picture,
}

impl SummaryFormat {
    pub const ALL: [SummaryFormat; 5] = [
        SummaryFormat::Text,
        SummaryFormat::Markdown,
        SummaryFormat::Ron,
        SummaryFormat::Obl,
        SummaryFormat::Picture,
    ];

    /// The formats whose footer says what became of the tablet copy: the only ones to write
    /// again once the journal is deleted after an export.
    pub const WITH_FOOTER: [SummaryFormat; 2] = [SummaryFormat::Text, SummaryFormat::Markdown];

    pub fn extension(self) -> &'static str {
        match self {
            SummaryFormat::Text => "txt",
            SummaryFormat::Markdown => "md",
            SummaryFormat::Ron => "ron",
            SummaryFormat::Obl => "obl",
            SummaryFormat::Picture => "png",
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone)]
pub struct Exported {
    pub files: Vec<PathBuf>,
    /// The plain-text summary, for the clipboard.
    pub text: String,
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

/// A visit journal and where its summaries go.
pub struct VisitExport<'a> {
    pub journal: &'a Path,
    pub recovered: &'a Recovered,
    pub out_dir: &'a Path,
    pub zone: &'a TimeZone,
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
    /// copy. `picture_of` finds a symbol's picture for the PNG summary.
    pub fn write(
        &self,
        formats: &[SummaryFormat],
        journal_deleted: bool,
        picture_of: &dyn Fn(&str) -> Option<RgbaImage>,
    ) -> Result<Exported, ExportError> {
        let summary = Summary::from_journal(self.recovered)
            .ok_or_else(|| ExportError::NotAVisit(self.journal.to_path_buf()))?;
        std::fs::create_dir_all(self.out_dir).map_err(|source| ExportError::Folder {
            path: self.out_dir.to_path_buf(),
            source,
        })?;
        let info = ExportInfo {
            exported_at: timestamp_now(),
            journal_deleted,
        };
        let text = summary::render_text(&summary, Some(&info), self.zone);
        let mut files = Vec::new();
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
            };
            write_atomically(&path, &bytes).map_err(|source| ExportError::Write {
                path: path.clone(),
                source,
            })?;
            // A summary that does not read back as written is not exported.
            if std::fs::read(&path).ok().as_deref() != Some(&bytes[..]) {
                return Err(ExportError::ReadBack { path });
            }
            files.push(path);
        }
        Ok(Exported { files, text })
    }

    /// Writes the summaries, deletes the journal, and rewrites them so their footer says the
    /// tablet copy is gone; if the journal cannot be deleted the footer says it was kept.
    pub fn write_and_delete_journal(
        &self,
        formats: &[SummaryFormat],
        picture_of: &dyn Fn(&str) -> Option<RgbaImage>,
    ) -> Result<Exported, ExportError> {
        let exported = self.write(formats, true, picture_of)?;
        if let Err(source) = std::fs::remove_file(self.journal) {
            let _ = self.write(formats, false, picture_of);
            return Err(ExportError::Delete {
                path: self.journal.to_path_buf(),
                source,
            });
        }
        Ok(exported)
    }
}
