//! The `hearme` command: with no subcommand it starts the app; `check` validates files.

use std::path::PathBuf;
use std::process::ExitCode;

use bevy::prelude::*;
use clap::{Parser, Subcommand};

use hearme::Content;
use hearme::model::check::check_paths;
use hearme::model::symbols::SymbolLibrary;

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { paths }) => check(&paths),
        None => run_app(cli.data.or_else(default_data_dir)),
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

fn run_app(data_dir: Option<PathBuf>) -> ExitCode {
    let content = Content::for_data_dir(data_dir.as_ref());
    for notice in &content.notices {
        eprintln!("{notice}");
    }
    match hearme::windowed_app(content).run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(_) => ExitCode::FAILURE,
    }
}
