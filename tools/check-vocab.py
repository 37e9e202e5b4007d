#!/usr/bin/env python3
"""Check the built-in vocabulary in assets/vocab/default/ (Python 3 standard library only).

The board files are RON, but each cell is written on one line, so regexes are enough:

    (id: "want", word: "want", symbol: "palm-up-hand", class: Verb, row: 0, column: 1),

Checks:
  - every cell's symbol is an id in symbols/manifest.ron
  - every cell has a known word class
  - row/column inside the board's rows x columns
  - no two cells on the same position, no duplicate cell ids within a board
  - board ids are unique and match their file names
  - every `opens` names an existing board id
  - every board is reachable from "home"
  - total cell count >= 250
  - the home board has the required core words (not hidden), at least 44 core (non-folder) cells,
    and exactly the 10 required folders

Usage: python3 tools/check-vocab.py [--sample N] [--seed S]
Exits 1 if any check fails.
"""

import argparse
import random
import re
import sys
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VOCAB_DIR = ROOT / "assets" / "vocab" / "default"
MANIFEST = ROOT / "symbols" / "manifest.ron"

MIN_TOTAL_CELLS = 250
MIN_HOME_CORE = 44
CLASSES = {"People", "Verb", "Describing", "Noun", "Social", "Question", "Negation", "Misc"}
REQUIRED_HOME_WORDS = [
    "I", "you", "want", "more", "stop", "help", "yes", "no", "like", "don't like", "go", "come",
    "eat", "drink", "play", "look", "feel", "hurt", "toilet", "finished",
]
REQUIRED_HOME_FOLDERS = {
    "people", "feelings", "food-drink", "places", "activities",
    "body", "things", "time", "questions", "keeping-safe",
}
# Further high-frequency core suggested for home; missing ones are reported, not failed.
SUGGESTED_HOME_WORDS = [
    "me", "he", "she", "we", "it", "that", "is", "do", "get", "make", "put", "give", "open", "in",
    "out", "up", "down", "on", "off", "not", "good", "bad", "big", "little", "again", "now",
    "please", "thank you", "hello", "goodbye", "what", "where", "who", "I don't know",
]

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HEADER_FIELD = {
    name: re.compile(r"^\s*" + name + r":\s*(\"(?P<s>[^\"]*)\"|(?P<n>\d+))\s*,", re.M)
    for name in ("v", "id", "name", "rows", "columns")
}
CELL = re.compile(
    r"^\s*\(id:\s*\"(?P<id>[^\"]*)\",\s*word:\s*\"(?P<word>[^\"]*)\",\s*"
    r"symbol:\s*\"(?P<symbol>[^\"]*)\",\s*class:\s*(?P<cls>[A-Za-z]+),\s*"
    r"row:\s*(?P<row>\d+),\s*column:\s*(?P<column>\d+)"
    r"(?:,\s*opens:\s*\"(?P<opens>[^\"]*)\")?"
    r"(?:,\s*hidden:\s*(?P<hidden>true|false))?"
    r"\s*\),?\s*(//.*)?$"
)
MANIFEST_ID = re.compile(r"^\s*\(id:\s*\"([^\"]+)\"")


def load_manifest():
    symbols = {}
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        m = MANIFEST_ID.match(line)
        if m:
            f = re.search(r'file:\s*"([^"]+)"', line)
            symbols[m.group(1)] = f.group(1) if f else None
    return symbols


def parse_board(path, errors):
    text = path.read_text(encoding="utf-8")
    board = {"path": path, "cells": []}
    for name, rx in HEADER_FIELD.items():
        m = rx.search(text)
        if not m:
            errors.append(f"{path.name}: missing header field `{name}`")
            board[name] = None
        else:
            board[name] = m.group("s") if m.group("s") is not None else int(m.group("n"))
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped.startswith("(id:"):
            if "word:" in stripped or "symbol:" in stripped:
                errors.append(f"{path.name}:{lineno}: cell not on one line or not recognised: {stripped}")
            continue
        m = CELL.match(line)
        if not m:
            errors.append(f"{path.name}:{lineno}: cell line does not match the expected format: {stripped}")
            continue
        cell = m.groupdict()
        cell["row"], cell["column"] = int(cell["row"]), int(cell["column"])
        cell["hidden"] = cell["hidden"] == "true"
        cell["line"] = lineno
        board["cells"].append(cell)
    return board


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=0, help="print N random (word, symbol id, png) pairs")
    ap.add_argument("--seed", type=int, default=None, help="random seed for --sample")
    args = ap.parse_args()

    errors, warnings = [], []
    symbols = load_manifest()
    if not symbols:
        errors.append(f"no symbols found in {MANIFEST}")

    files = sorted(VOCAB_DIR.glob("*.ron"))
    if not files:
        print(f"no board files in {VOCAB_DIR}")
        return 1
    boards = {}
    for path in files:
        board = parse_board(path, errors)
        bid = board.get("id")
        if bid is None:
            continue
        if bid in boards:
            errors.append(f"{path.name}: board id {bid!r} also used by {boards[bid]['path'].name}")
            continue
        if path.stem != bid:
            errors.append(f"{path.name}: board id {bid!r} does not match the file name")
        boards[bid] = board

    for bid, board in boards.items():
        name = board["path"].name
        rows, cols = board.get("rows"), board.get("columns")
        if board.get("v") != 1:
            errors.append(f"{name}: v should be 1")
        if not isinstance(rows, int) or not isinstance(cols, int) or rows < 1 or cols < 1:
            errors.append(f"{name}: bad rows/columns")
            continue
        seen_ids, seen_pos = {}, {}
        for c in board["cells"]:
            where = f"{name}:{c['line']} ({c['id']})"
            if not KEBAB.match(c["id"]):
                errors.append(f"{where}: cell id is not lowercase-kebab-case")
            if c["id"] in seen_ids:
                errors.append(f"{where}: duplicate cell id (also line {seen_ids[c['id']]})")
            seen_ids[c["id"]] = c["line"]
            if c["symbol"] not in symbols:
                errors.append(f"{where}: unknown symbol {c['symbol']!r}")
            if c["cls"] not in CLASSES:
                errors.append(f"{where}: unknown class {c['cls']!r}")
            if not c["word"].strip():
                errors.append(f"{where}: empty word")
            if not (0 <= c["row"] < rows and 0 <= c["column"] < cols):
                errors.append(f"{where}: position ({c['row']}, {c['column']}) outside {rows}x{cols}")
            pos = (c["row"], c["column"])
            if pos in seen_pos:
                errors.append(f"{where}: position {pos} already used by {seen_pos[pos]!r}")
            seen_pos[pos] = c["id"]
            if c["opens"] is not None:
                if c["opens"] not in boards:
                    errors.append(f"{where}: opens unknown board {c['opens']!r}")
                elif c["opens"] == bid:
                    errors.append(f"{where}: folder opens its own board")

    # Reachability from home.
    if "home" not in boards:
        errors.append("no board with id \"home\"")
    else:
        reached, queue = {"home"}, deque(["home"])
        while queue:
            for c in boards[queue.popleft()]["cells"]:
                target = c["opens"]
                if target in boards and target not in reached:
                    reached.add(target)
                    queue.append(target)
        for bid in sorted(set(boards) - reached):
            errors.append(f"board {bid!r} is not reachable from home")

        # Home board requirements.
        home = boards["home"]["cells"]
        visible_words = {c["word"] for c in home if not c["hidden"] and c["opens"] is None}
        all_words = {c["word"] for c in home if c["opens"] is None}
        for w in REQUIRED_HOME_WORDS:
            if w not in all_words:
                errors.append(f"home: required word {w!r} missing")
            elif w not in visible_words:
                errors.append(f"home: required word {w!r} is hidden")
        core = [c for c in home if c["opens"] is None]
        if len(core) < MIN_HOME_CORE:
            errors.append(f"home: {len(core)} core word cells, need at least {MIN_HOME_CORE}")
        folders = {c["opens"] for c in home if c["opens"] is not None}
        if folders != REQUIRED_HOME_FOLDERS or len([c for c in home if c["opens"]]) != 10:
            errors.append(f"home: folders {sorted(folders)} differ from the required 10 {sorted(REQUIRED_HOME_FOLDERS)}")
        missing = [w for w in SUGGESTED_HOME_WORDS if w not in all_words]
        if missing:
            warnings.append("home: suggested core words not on home (fine if by choice): " + ", ".join(missing))

    total = sum(len(b["cells"]) for b in boards.values())
    if total < MIN_TOTAL_CELLS:
        errors.append(f"total cells {total} < {MIN_TOTAL_CELLS}")

    # Summary.
    print(f"{'board':<14} {'cells':>5} {'hidden':>6} {'folders':>7}  name")
    order = ["home"] + sorted(b for b in boards if b != "home")
    for bid in order:
        if bid not in boards:
            continue
        b = boards[bid]
        hidden = sum(c["hidden"] for c in b["cells"])
        folders = sum(c["opens"] is not None for c in b["cells"])
        print(f"{bid:<14} {len(b['cells']):>5} {hidden:>6} {folders:>7}  {b.get('name')}")
    print(f"{'total':<14} {total:>5}")

    if args.sample:
        rng = random.Random(args.seed)
        pairs = [(bid, c["word"], c["symbol"]) for bid, b in boards.items() for c in b["cells"]]
        print(f"\n{min(args.sample, len(pairs))} random (word, symbol) pairs:")
        for bid, word, sym in rng.sample(pairs, min(args.sample, len(pairs))):
            print(f"  {bid:<13} {word!r:<32} {sym:<34} symbols/{symbols.get(sym)}")

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print("OK" if not errors else f"FAILED: {len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
