//! The `hearme` command: with no subcommand it starts the app; `check` validates files.

use std::path::PathBuf;
use std::process::ExitCode;

use bevy::prelude::*;
use clap::{Parser, Subcommand};

use hearme::Content;
use hearme::model::check::check_paths;
use hearme::model::export::SummaryFormat;
use hearme::model::keyring::{Keyring, has_keys};
use hearme::model::pdf::layout::Paper;
use hearme::model::sealed_profiles::open_profiles;
use hearme::model::symbols::SymbolLibrary;
use hearme::setup;
use hearme::visits_cli::{self, unlock};

#[derive(Parser)]
#[command(
    name = "hearme",
    version,
    about = "A picture-symbol communication aid for children"
)]
struct Cli {
    /// The data folder (profiles, vocabularies, visits, exports).
    #[arg(long, env = "HEARME_DATA", global = true)]
    data: Option<PathBuf>,
    /// Start the app on this board instead of home (used to take a screenshot of each board).
    #[arg(long, env = "HEARME_OPEN_BOARD")]
    open_board: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Check the RON files the app reads (vocabulary boards, the symbol manifest), given as
    /// files or folders. Prints each problem as PATH:LINE:COLUMN: message; exit 1 if any.
    Check {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// List the visits in the data folder: id, case reference, start, events, and whether each
    /// is open, ended or damaged.
    Sessions,
    /// Give a cell a recorded voice from a WAV, Ogg Vorbis or MP3 file: trimmed of silence,
    /// normalised, cut to at most 10 s, and kept in the data folder's media/voice/. It is spoken
    /// instead of the bundled voice.
    ImportVoice {
        #[command(flatten)]
        at: CellArgs,
        file: PathBuf,
    },
    /// Give a cell a recorded voice from the microphone: records for `--seconds` (at most 10),
    /// then trims, normalises and keeps it like `import-voice`.
    RecordVoice {
        #[command(flatten)]
        at: CellArgs,
        #[arg(long, default_value_t = 4)]
        seconds: u64,
    },
    /// Write the summary of a visit journal and print the paths of the files written.
    Export {
        journal: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::All)]
        format: Format,
        /// Where to write (default: the data folder's exports/).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Delete the journal once every file is written.
        #[arg(long)]
        delete_journal: bool,
    },
    /// The children's profiles on this tablet: list, add LABEL (initials or a case reference,
    /// never a name), remove LABEL, use LABEL (shown on the child's screen).
    Profile {
        #[command(subcommand)]
        action: ProfileAction,
    },
    /// Give a cell a photo (JPEG or PNG): turned upright, cropped square, at most 512 px, and
    /// stored with no metadata (no GPS, no camera) in the profile's media/photos/.
    AddPhoto {
        #[command(flatten)]
        at: CellArgs,
        file: PathBuf,
    },
    /// After a forgotten PIN: destroy every key, then delete every visit, profile and the PIN,
    /// so the tablet can be set up afresh. Asks nothing; needs --yes.
    Wipe {
        #[arg(long)]
        yes: bool,
    },
    /// Import a child's boards from another AAC app (.obf or .obz, Open Board Format) as the
    /// profile's new vocabulary (the profile is made if missing); prints what was imported and
    /// everything dropped or changed. A refused file changes nothing; exit 1.
    Import {
        file: PathBuf,
        /// The profile (default: the one the child's screen shows).
        #[arg(long)]
        profile: Option<String>,
    },
    /// Write a profile's vocabulary as an .obz (every board, picture and recording), or one
    /// board as an .obf when --out ends in .obf.
    ExportBoard {
        #[arg(long)]
        profile: Option<String>,
        /// The board an .obf is of (default: home).
        #[arg(long)]
        board: Option<String>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Print a profile's boards as a PDF to keep when the tablet leaves: a page on how to use
    /// them, then each board on its own landscape page, laid out as the tablet shows it.
    PrintBoards {
        #[arg(long)]
        profile: Option<String>,
        /// The boards to print, by id, comma-separated (default: every board).
        #[arg(long, value_delimiter = ',', conflicts_with = "all")]
        boards: Option<Vec<String>>,
        /// Every board (the default).
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value_t = PaperSize::A4)]
        paper: PaperSize,
        /// Where to write (default: boards-PROFILE.pdf in the current folder).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The platform's voices on this tablet: how many for each language, or which one a
    /// language gets (--language pl); --say TEXT speaks it in that voice.
    Voices {
        #[arg(long)]
        language: Option<String>,
        #[arg(long)]
        say: Option<String>,
    },
    /// The worker PIN: `pin set` reads it from standard input (6 to 12 digits).
    Pin {
        #[command(subcommand)]
        action: PinAction,
    },
}

/// The cell a voice or photo command is for.
#[derive(clap::Args)]
struct CellArgs {
    /// The profile whose cell it is (default: the one the child's screen shows).
    #[arg(long)]
    profile: Option<String>,
    #[arg(long)]
    board: String,
    #[arg(long)]
    cell: String,
}

impl CellArgs {
    fn of<'a>(&'a self, data: &'a std::path::Path) -> setup::CellRef<'a> {
        setup::CellRef::new(data, self.profile.as_deref(), &self.board, &self.cell)
    }
}

#[derive(Subcommand)]
enum ProfileAction {
    List,
    Add { label: String },
    Remove { label: String },
    Use { label: String },
}

#[derive(Subcommand)]
enum PinAction {
    Set,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Md,
    Ron,
    Obl,
    Png,
    Pdf,
    All,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum PaperSize {
    A4,
    Letter,
}

fn main() -> ExitCode {
    if let Ok(asked) = std::env::var("RUST_LOG") {
        // SAFETY: the first thing the program does, before any other thread exists.
        unsafe { std::env::set_var("RUST_LOG", hearme::quieted_log_filter(&asked)) };
    }
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { paths }) => check(&paths),
        Some(Command::ImportVoice { at, file }) => {
            setting_up(cli.data, |data, _| setup::import_voice(&at.of(data), &file))
        }
        Some(Command::RecordVoice { at, seconds }) => setting_up(cli.data, |data, _| {
            setup::record_voice(&at.of(data), seconds)
        }),
        Some(Command::Profile { action }) => setting_up(cli.data, |data, ring| match action {
            ProfileAction::List => setup::profile_list(data),
            ProfileAction::Add { label } => setup::profile_add(data, &label, ring),
            ProfileAction::Remove { label } => setup::profile_remove(data, &label, ring),
            ProfileAction::Use { label } => setup::profile_use(data, &label),
        }),
        Some(Command::Import { file, profile }) => setting_up(cli.data, |data, ring| {
            hearme::obf_cli::import(data, &file, profile.as_deref(), ring)
        }),
        Some(Command::ExportBoard {
            profile,
            board,
            out,
        }) => setting_up(cli.data, |data, _| {
            hearme::obf_cli::export(data, profile.as_deref(), board.as_deref(), &out)
        }),
        Some(Command::PrintBoards {
            profile,
            boards,
            all: _,
            paper,
            out,
        }) => setting_up(cli.data, |data, _| {
            let paper = match paper {
                PaperSize::A4 => Paper::A4,
                PaperSize::Letter => Paper::Letter,
            };
            let boards = boards.as_deref();
            hearme::print_cli::print(data, profile.as_deref(), boards, paper, out.as_deref())
        }),
        Some(Command::Voices { language, say }) => print_outcome(hearme::speech_cli::voices(
            language.as_deref(),
            say.as_deref(),
        )),
        Some(Command::AddPhoto { at, file }) => {
            setting_up(cli.data, |data, _| setup::add_photo(&at.of(data), &file))
        }
        Some(Command::Pin {
            action: PinAction::Set,
        }) => match cli.data.or_else(default_data_dir) {
            // Setting the first PIN asks for no PIN.
            Some(data) => print_outcome(setup::pin_set(&data, std::io::stdin().lock())),
            None => setting_up(None, |_, _| Ok(Vec::new())),
        },
        Some(Command::Wipe { yes }) => match cli.data.or_else(default_data_dir) {
            Some(data) => visits_cli::wipe(&data, yes),
            None => setting_up(None, |_, _| Ok(Vec::new())),
        },
        Some(Command::Sessions) => visits_cli::sessions(cli.data.or_else(default_data_dir)),
        Some(Command::Export {
            journal,
            format,
            out,
            delete_journal,
        }) => {
            let data = cli.data.or_else(default_data_dir);
            let out = out.or_else(|| data.as_ref().map(|d| d.join("exports")));
            visits_cli::export(&journal, &formats_of(format), out, delete_journal, data)
        }
        None => run_app(cli.data.or_else(default_data_dir), cli.open_board),
    }
}

fn check(paths: &[PathBuf]) -> ExitCode {
    let symbols = SymbolLibrary::built_in();
    let report = check_paths(paths, &symbols);
    for problem in &report.problems {
        println!("{problem}");
    }
    if report.is_valid() {
        println!(
            "{} file(s) checked, no problems found",
            report.files_checked
        );
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "{} problem(s) in {} file(s) checked",
            report.problems.len(),
            report.files_checked
        );
        ExitCode::FAILURE
    }
}

/// Runs a set-up command on the data folder: prints its lines, or the error and exit 1. On a
/// tablet with keys it first asks for the PIN on standard input and opens the profiles' files.
fn setting_up(
    data: Option<PathBuf>,
    run: impl FnOnce(&std::path::Path, Option<&Keyring>) -> Result<Vec<String>, String>,
) -> ExitCode {
    let Some(data_dir) = data.or_else(default_data_dir) else {
        eprintln!("error: no data folder: give --data DIR or set HEARME_DATA");
        return ExitCode::FAILURE;
    };
    let ring = if has_keys(&data_dir) {
        match unlock(&data_dir) {
            Ok(ring) => {
                for problem in open_profiles(&ring, &data_dir).1 {
                    eprintln!("warning: {problem}");
                }
                Some(ring)
            }
            Err(code) => return code,
        }
    } else {
        None
    };
    print_outcome(run(&data_dir, ring.as_ref()))
}

/// A set-up command's lines, or its error and exit 1.
fn print_outcome(outcome: Result<Vec<String>, String>) -> ExitCode {
    match outcome {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("error: {why}");
            ExitCode::FAILURE
        }
    }
}

/// The summary formats `--format` names.
fn formats_of(format: Format) -> Vec<SummaryFormat> {
    match format {
        Format::Text => vec![SummaryFormat::Text],
        Format::Md => vec![SummaryFormat::Markdown],
        Format::Ron => vec![SummaryFormat::Ron],
        Format::Obl => vec![SummaryFormat::Obl],
        Format::Png => vec![SummaryFormat::Picture],
        Format::Pdf => vec![SummaryFormat::Pdf],
        Format::All => SummaryFormat::ALL.to_vec(),
    }
}

/// `$XDG_DATA_HOME/hearme`, else `~/.local/share/hearme` (desktop Linux). Android and iOS builds
/// will use the app's private storage instead.
fn default_data_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local").join("share"))
        })?;
    Some(base.join("hearme"))
}

fn run_app(data_dir: Option<PathBuf>, open_board: Option<String>) -> ExitCode {
    let mut content = Content::for_data_dir(data_dir.as_ref());
    content.open_board = open_board;
    for notice in &content.notices {
        eprintln!("{}", content.without_label(notice));
    }
    match hearme::windowed_app(content).run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(_) => ExitCode::FAILURE,
    }
}
