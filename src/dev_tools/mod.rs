//! Tools for developers that ship in the binary but stay off unless their environment variable
//! is set: the benchmark and screenshot probes (docs/benchmarks.md).

mod probe;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(probe::plugin);
}
