#!/bin/bash
# The boards page in the worker area, and a child's board imported from another AAC app's .obz,
# in the real app under xvfb, saved into docs/ (docs/obf.md).
# Needs: xvfb, xdotool, imagemagick, python3; a built binary (default: the debug build).
# Run: xvfb-run -a -s "-screen 0 1280x800x24" tools/obf-screenshots.sh
set -u
cd "$(dirname "$0")/.."
BIN=${BIN:-${CARGO_TARGET_DIR:-$HOME/.cache/hearme-target}/debug/hearme}
. tools/xdo-helpers.sh
DATA=$(mktemp -d)
OBZ="$DATA/snacks.obz"
# A board as another app writes it: numeric ids, hex and rgb() colours, a folder by path, an
# action, a picture of its own (a data URI), no locale.
python3 - "$OBZ" symbols/png/1F34E.png <<'PY'
import base64, json, sys, zipfile
out, picture = sys.argv[1], sys.argv[2]
apple = "data:image/png;base64," + base64.b64encode(open(picture, "rb").read()).decode()
home = {"id": 1, "name": "Snacks", "grid": {"rows": 2, "columns": 3,
        "order": [[1, 2, 3], [4, 5, 6]]},
    "buttons": [
        {"id": 1, "label": "I", "background_color": "rgb(255, 230, 115)"},
        {"id": 2, "label": "want", "background_color": "#b3e89e"},
        {"id": 3, "label": "drinks", "load_board": {"path": "boards/2.obf"}, "background_color": "rgb( 255,200, 138 )"},
        {"id": 4, "label": "apple", "image_id": "a", "background_color": "#ffc88a"},
        {"id": 5, "label": "more", "background_color": "#a8d4ff"},
        {"id": 6, "label": "clear", "action": ":clear"}],
    "images": [{"id": "a", "width": 72, "height": 72, "content_type": "image/png", "data": apple}]}
drinks = {"id": "2", "name": "Drinks", "buttons": [
    {"id": "w", "label": "water"}, {"id": "j", "label": "juice"}, {"id": "m", "label": "milk"}]}
with zipfile.ZipFile(out, "w") as z:
    z.writestr("manifest.json", json.dumps({"root": "boards/1.obf", "paths": {"boards": {"1": "boards/1.obf", "2": "boards/2.obf"}}}))
    z.writestr("boards/1.obf", json.dumps(home))
    z.writestr("boards/2.obf", json.dumps(drinks))
PY
HEARME_DATA=$DATA "$BIN" import "$OBZ" --profile AB > "$DATA/report.txt"
HEARME_DATA=$DATA "$BIN" profile use AB > /dev/null
cat "$DATA/report.txt"
launch_app
shot obf-imported
hold
pin 270419; pin 270419                          # Choose the PIN, then open with it
click 773 180 3                                 # Profiles
click 112 245 3                                 # Settings of AB
click 380 657 3                                 # Boards in and out…
shot obf-page
