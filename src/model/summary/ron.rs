//! The summary model as RON: every field, reading back to the same summary.

use super::{RenderError, Summary};

impl Summary {
    pub fn to_ron(&self) -> Result<String, RenderError> {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).map_err(|e| {
            RenderError {
                format: "RON",
                reason: e.to_string(),
            }
        })
    }

    pub fn from_ron(text: &str) -> Result<Summary, ron::error::SpannedError> {
        ron::from_str(text)
    }
}
