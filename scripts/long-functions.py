#!/usr/bin/env python3
"""Lists functions in src/ and crates/*/src/ longer than a limit (default 80 lines), and files
over 600 lines.

A function is counted from its `fn` line to the line of its closing brace, by brace depth
(strings and comments with braces are rare here; check a surprising row by eye).
Usage: scripts/long-functions.py [LIMIT]"""
import glob
import os
import re
import sys

limit = int(sys.argv[1]) if len(sys.argv) > 1 else 80
top = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
roots = [os.path.join(top, "src")] + sorted(glob.glob(os.path.join(top, "crates", "*", "src")))
found = False
for dirpath, _, files in (walked for root in roots for walked in os.walk(root)):
    for name in sorted(files):
        if not name.endswith(".rs"):
            continue
        path = os.path.join(dirpath, name)
        lines = open(path, encoding="utf-8").read().split("\n")
        rel = os.path.relpath(path, top)
        if len(lines) > 600:
            print(f"{rel}: {len(lines)} lines (file)")
            found = True
        i = 0
        while i < len(lines):
            m = re.match(r"\s*(pub(\([a-z]+\))?\s+)?(const\s+)?fn\s+(\w+)", lines[i])
            if not m:
                i += 1
                continue
            depth, start, j, opened = 0, i, i, False
            while j < len(lines):
                code = re.sub(r'"(\\.|[^"\\])*"|\'(\\.|[^\'\\])\'|//.*', "", lines[j])
                depth += code.count("{") - code.count("}")
                opened = opened or "{" in code
                if opened and depth <= 0:
                    break
                if not opened and code.rstrip().endswith(";"):
                    break
                j += 1
            length = j - start + 1
            if opened and length > limit:
                print(f"{rel}:{start + 1}: fn {m.group(4)}: {length} lines")
                found = True
            i = start + 1
sys.exit(1 if found else 0)
