#!/usr/bin/env python3
"""Regenerate the expected outputs of Krait's behaviour tests with CPython 3.11.

Every program under tests/ gets a `NAME.expected` file next to it, holding what
CPython does with it. What is run depends on the directory:

  tests/syntax/ast/     ast.dump(ast.parse(source), include_attributes=True)
  tests/syntax/tokens/  python3 -m tokenize FILE
  anything else         python3 FILE  (run from tests/, with a relative path)

The file format, read by crates/krait/tests/behaviour.rs:

  exit status: N
  --- stderr
  ...the whole of stderr...
  --- stdout
  ...stdout...

    python3 tools/regen_expected.py            # every test
    python3 tools/regen_expected.py tests/syntax/errors/foo.py ...
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "tests")

AST_DUMP = (
    "import ast, sys\n"
    "src = open(sys.argv[1], 'rb').read()\n"
    "print(ast.dump(ast.parse(src, filename=sys.argv[1]), include_attributes=True))\n"
)


def command_for(rel):
    if rel.startswith("syntax/ast/"):
        return [sys.executable, "-c", AST_DUMP, rel]
    if rel.startswith("syntax/tokens/"):
        return [sys.executable, "-m", "tokenize", rel]
    return [sys.executable, rel]


def regenerate(path):
    rel = os.path.relpath(os.path.abspath(path), TESTS)
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    proc = subprocess.run(command_for(rel), cwd=TESTS, capture_output=True, env=env,
                          stdin=subprocess.DEVNULL)
    # CPython reports a script by its absolute path; the tests directory is
    # written as <tests> so that the expected files do not depend on where
    # the repository lives. The test runner does the same to Krait's output.
    stderr = proc.stderr.decode("utf-8", "replace").replace(TESTS + os.sep, "<tests>/")
    text = (
        f"exit status: {proc.returncode}\n--- stderr\n"
        + stderr
        + "--- stdout\n"
        + proc.stdout.decode("utf-8", "replace")
    )
    with open(os.path.splitext(path)[0] + ".expected", "w", encoding="utf-8") as f:
        f.write(text)


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("expected outputs must come from CPython 3.11")
    paths = sys.argv[1:]
    if not paths:
        for dirpath, _, names in os.walk(TESTS):
            paths += [os.path.join(dirpath, n) for n in sorted(names) if n.endswith(".py")]
    for p in sorted(paths):
        regenerate(p)
    print(f"regenerated {len(paths)} expected outputs")


if __name__ == "__main__":
    main()
