#!/bin/bash
# The board and an activity in the high-contrast and dark themes, and the largest text size,
# in the real app under xvfb, saved into docs/ (docs/access.md, "Themes").
# Needs: xvfb, xdotool, imagemagick; a built binary (default: the debug build).
# Run: xvfb-run -a -s "-screen 0 1280x800x24" tools/theme-screenshots.sh
#  and HEARME_WINDOW_SIZE=800x1280 xvfb-run -a -s "-screen 0 800x1280x24" tools/theme-screenshots.sh
set -u
cd "$(dirname "$0")/.."
BIN=${BIN:-${CARGO_TARGET_DIR:-$HOME/.cache/hearme-target}/debug/hearme}
. tools/xdo-helpers.sh
SUFFIX=""
[ "${HEARME_WINDOW_SIZE:-}" = 800x1280 ] && SUFFIX="-portrait"

# A child's profile AB with these settings, shown (no PIN set, so nothing to open).
show_with() {
  DATA=$(mktemp -d)
  HEARME_DATA=$DATA "$BIN" profile add AB > /dev/null
  HEARME_DATA=$DATA "$BIN" profile use AB > /dev/null
  echo "($1)" > "$DATA/profiles/AB/settings.ron"
  launch_app
}

show_with "theme: HighContrast"
shot "theme-high-contrast$SUFFIX"
kill $APP; sleep 1; rm -rf "$DATA"

show_with "theme: Dark"
shot "theme-dark$SUFFIX"
if [ -z "$SUFFIX" ]; then
  click 62 369 4                                # Feelings
  shot theme-dark-feelings
fi
kill $APP; sleep 1; rm -rf "$DATA"

show_with "text_size: Largest"
shot "text-largest$SUFFIX"
