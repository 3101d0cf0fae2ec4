#!/usr/bin/env python3
"""Run behaviour tests under Krait and show how they differ from the
expected output CPython produced (a quicker loop than `cargo test`).

    python3 tools/compare_run.py [--krait target/release/krait] [tests/run/foo.py ...]
"""
import argparse
import difflib
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "tests")


def parse_expected(text):
    head, _, rest = text.partition("\n--- stderr\n")
    stderr, _, stdout = rest.partition("--- stdout\n")
    return int(head.split(":")[1]), stderr, stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", default=os.path.join(ROOT, "target", "release", "krait"))
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = args.files or sorted(
        os.path.join(d, f)
        for d, _, fs in os.walk(TESTS)
        for f in fs
        if f.endswith(".py") and "syntax" not in d and "fuzz" not in d
    )
    failed = 0
    for path in files:
        rel = os.path.relpath(os.path.abspath(path), TESTS)
        with open(os.path.splitext(path)[0] + ".expected", encoding="utf-8") as f:
            status, stderr, stdout = parse_expected(f.read())
        try:
            proc = subprocess.run([args.krait, rel], cwd=TESTS, capture_output=True, timeout=60,
                                  stdin=subprocess.DEVNULL,
                                  env=dict(os.environ, PYTHONHASHSEED="0"))
            out = proc.stdout.decode("utf-8", "replace")
            err = proc.stderr.decode("utf-8", "replace").replace(TESTS + os.sep, "<tests>/")
            code = proc.returncode
        except subprocess.TimeoutExpired:
            out, err, code = "", "timeout", -1
        ok = code == status and out == stdout and err == stderr
        if ok:
            continue
        failed += 1
        print(f"FAIL {rel}: status {code} (expected {status})")
        for line in list(difflib.unified_diff(stderr.splitlines(), err.splitlines(), "expected stderr", "krait stderr", lineterm="", n=0))[:12]:
            print("  " + line)
        for line in list(difflib.unified_diff(stdout.splitlines(), out.splitlines(), "expected", "krait", lineterm="", n=0))[:12]:
            print("  " + line)
    print(f"{len(files) - failed}/{len(files)} passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
