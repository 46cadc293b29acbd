#!/usr/bin/env python3
"""Lists which modules of the site's library (src/) use which, and fails on a cycle.

Follows the module tree from src/lib.rs (`mod x;`, `#[path]`, inline `mod x { … }`), reads every
path that names a module of the crate (`crate::…`, `super::…`, `self::…`, or a child module by its
bare name, in `use` or anywhere in code; comments and strings are left out), and looks at one folder
at a time: `crate` is the top-level modules under src/ (each with everything below it), `backend` is
backend/mod.rs and the modules in src/backend/ (each with everything below it). A parent's file
counts as a node of its own folder, so a child that uses its parent while the parent uses it (a
re-export included) is a cycle; a `tests` child using its parent is not counted.

Usage: python3 scripts/module-cycles.py [--src DIR] [FOLDER ...]   (default: crate backend;
--all: every folder). Prints each folder's edges and cycles; exits 1 if there is a cycle.
"""

import re
import sys
from pathlib import Path

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def strip(text):
    """The text with comments, strings and char literals blanked (newlines kept)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    out.append("\n" if text[i] == "\n" else " ")
                    i += 1
        elif re.match(r'b?r#*"', text[i:i + 40]) and (i == 0 or not re.match(r"\w", text[i - 1])):
            m = re.match(r'b?r(#*)"', text[i:])
            end = text.find('"' + m.group(1), i + m.end())
            end = n if end < 0 else end + 1 + len(m.group(1))
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(re.sub(r"[^\n]", " ", text[i:j + 1]))
            i = j + 1
        elif c == "'" and re.match(r"'(\\.[^']*|[^\\'])'", text[i:i + 12]):
            m = re.match(r"'(\\.[^']*|[^\\'])'", text[i:])
            out.append(" " * m.end())
            i += m.end()
        else:
            out.append(c)
            i += 1
    return "".join(out)


class Module:
    def __init__(self, path, file, start, end):
        self.path, self.file, self.start, self.end = path, file, start, end
        self.children = {}


def load(src):
    """Every module from src/lib.rs down: {path tuple: Module}, and the stripped text of each file."""
    modules, texts = {}, {}

    def read_file(file, path):
        raw = file.read_text()
        text = strip(raw)
        texts[file] = text
        attrs = {
            m.group(2): m.group(1)
            for m in re.finditer(
                r'#\[path\s*=\s*"([^"]+)"\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?mod\s+(' + IDENT + r")\s*;",
                raw,
            )
        }
        top = Module(path, file, 0, len(text))
        modules[path] = top
        stack = [(top, None)]  # (module, brace depth at which it closes)
        depth = 0
        pending = {m.start(): m for m in re.finditer(r"\bmod\s+(" + IDENT + r")\s*([;{])", text)}
        for i, c in enumerate(text):
            if i in pending:
                m = pending[i]
                name, kind = m.group(1), m.group(2)
                parent = stack[-1][0]
                child_path = parent.path + (name,)
                parent.children[name] = child_path
                if kind == "{":
                    inline = Module(child_path, file, m.end(), len(text))
                    modules[child_path] = inline
                    stack.append((inline, depth))
                else:
                    if name in attrs:
                        child_file = file.parent / attrs[name]
                    else:
                        base = file.parent if file.name in ("lib.rs", "mod.rs") else file.parent / file.stem
                        for inner in stack[1:]:
                            base = base / inner[0].path[-1]
                        child_file = base / f"{name}.rs"
                        if not child_file.exists():
                            child_file = base / name / "mod.rs"
                    read_file(child_file, child_path)
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if len(stack) > 1 and depth == stack[-1][1]:
                    stack[-1][0].end = i
                    stack.pop()

    read_file(src / "lib.rs", ())
    return modules, texts


def group_items(text, i):
    """The items of a `{ … }` use-group starting at text[i] == '{': (items, index after '}')."""
    depth, j, start, items = 0, i, i + 1, []
    while j < len(text):
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                items.append(text[start:j])
                return [s.strip() for s in items if s.strip()], j + 1
        elif text[j] == "," and depth == 1:
            items.append(text[start:j])
            start = j + 1
        j += 1
    return [], j


def expand(text, i):
    """The paths (lists of segments) written at text[i:] after a leading `x::`."""
    m = re.match(r"((?:" + IDENT + r"::)*)(" + IDENT + r"|\{|\*)", text[i:])
    if not m:
        return [[]]
    head = [s for s in m.group(1).split("::") if s]
    if m.group(2) == "{":
        items, _ = group_items(text, i + m.start(2))
        paths = []
        for item in items:
            paths += [head + tail for tail in expand(item, 0)]
        return paths
    return [head + ([] if m.group(2) == "*" else [m.group(2)])]


def resolve(modules, current, segments):
    """The innermost module of the crate that `segments` (from the crate root) lies in."""
    path = ()
    for s in segments:
        if path + (s,) in modules:
            path = path + (s,)
        else:
            break
    return path


def edges_of(modules, texts):
    """{(from module, to module)} for every path in the crate that names another module."""
    edges = set()
    for path, module in modules.items():
        text = texts[module.file]
        inner = [m for m in modules.values() if m.file == module.file and len(m.path) > len(path) and m.path[: len(path)] == path]
        covered = [(m.start, m.end) for m in inner if len(m.path) == len(path) + 1]
        children = "|".join(module.children)
        pattern = r"(?<![\w:])(crate|super|self" + (("|" + children) if children else "") + r")::"
        for m in re.finditer(pattern, text[module.start:module.end]):
            at = module.start + m.start()
            if any(s <= at < e for s, e in covered):
                continue
            first = m.group(1)
            if first == "crate":
                base = ()
            elif first == "self":
                base = path
            elif first == "super":
                base, rest = path[:-1], module.start + m.end()
                while text.startswith("super::", rest):
                    base, rest = base[:-1], rest + len("super::")
            else:
                base = path + (first,)
            start = module.start + m.end()
            while text.startswith("super::", start):
                start += len("super::")
            for segments in expand(text, start):
                target = resolve(modules, path, list(base) + segments)
                if target != path:
                    edges.add((path, target))
    return edges


def cycles(nodes, edges):
    """The strongly connected components with more than one node (Tarjan)."""
    index, low, on, stack, found, counter = {}, {}, set(), [], [], [0]
    graph = {n: sorted({b for a, b in edges if a == n}) for n in nodes}

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for n in sorted(nodes):
        if n not in index:
            visit(n)
    return found


def main():
    args = sys.argv[1:]
    src = Path(__file__).resolve().parent.parent / "src"
    if args[:1] == ["--src"]:
        src, args = Path(args[1]), args[2:]
    modules, texts = load(src)
    edges = edges_of(modules, texts)
    name = lambda p: "crate" if not p else "::".join(p)
    if args == ["--all"]:
        folders = sorted(p for p, m in modules.items() if m.children and not (p and p[-1] == "tests"))
    else:
        folders = [() if f == "crate" else tuple(f.split("::")) for f in (args or ["crate", "backend"])]
    bad = False
    for folder in folders:
        if folder not in modules:
            sys.exit(f"no module {name(folder)}")
        depth = len(folder) + 1
        within = lambda p: p[:depth] if len(p) >= depth else p
        level = set()
        for a, b in edges:
            if a[: len(folder)] == folder and b[: len(folder)] == folder:
                a2, b2 = within(a), within(b)
                if a2 != b2 and not (a2 == folder + ("tests",) and b2 == folder):
                    level.add((a2, b2))
        if not level:
            continue
        nodes = {n for e in level for n in e}
        print(f"{name(folder)}/ ({len(level)} edges)")
        for a, b in sorted(level):
            print(f"  {name(a)} -> {name(b)}")
        for component in cycles(nodes, level):
            bad = True
            print(f"  CYCLE: {' <-> '.join(name(n) for n in component)}")
    print("module cycles found" if bad else "no module cycles")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
