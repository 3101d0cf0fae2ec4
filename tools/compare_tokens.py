#!/usr/bin/env python3
"""Compare `krait tokens FILE` with `python3 -m tokenize FILE`, file by file.

For every .py file under ROOT (default: this CPython's standard library, its
test suite included), CPython's listing is produced in-process exactly as
`python -m tokenize` prints it; Krait's is what `KRAIT tokens FILE` prints.
Files that CPython's tokenize module rejects are counted apart.

    python3 tools/compare_tokens.py --krait target/release/krait [--root DIR] [--show N]

The last line is `identical=I compared=C tokenize_errors=E total=T`.
"""
import argparse
import concurrent.futures
import io
import os
import subprocess
import sysconfig
import tokenize


def cpython_listing(path):
    out = io.StringIO()
    with open(path, "rb") as f:
        try:
            for tok in tokenize.tokenize(f.readline):
                token_range = "%d,%d-%d,%d:" % (tok.start + tok.end)
                out.write("%-20s%-15s%-15r\n" % (token_range, tokenize.tok_name[tok.type], tok.string))
        except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
            return None
    return out.getvalue()


def krait_listing(krait, path):
    proc = subprocess.run([krait, "tokens", path], capture_output=True, timeout=30)
    return proc.stdout.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", required=True)
    ap.add_argument("--root", default=sysconfig.get_paths()["stdlib"])
    ap.add_argument("--show", type=int, default=10)
    args = ap.parse_args()
    files = []
    for d, dirs, names in os.walk(args.root):
        dirs[:] = sorted(x for x in dirs if x not in ("site-packages", "__pycache__"))
        files += [os.path.join(d, n) for n in sorted(names) if n.endswith(".py")]

    def judge(path):
        expected = cpython_listing(path)
        if expected is None:
            return path, "tokenize_error", ""
        got = krait_listing(args.krait, path)
        if got == expected:
            return path, "identical", ""
        for i, (a, b) in enumerate(zip(expected.splitlines(), got.splitlines())):
            if a != b:
                return path, "different", f"line {i + 1}:\n    cpython: {a}\n    krait:   {b}"
        return path, "different", "lengths differ"

    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        results = list(pool.map(judge, files))
    shown = 0
    for path, verdict, detail in results:
        if verdict == "different":
            rel = os.path.relpath(path, args.root)
            print(f"DIFFERENT {rel}" + (f"\n  {detail}" if shown < args.show else ""))
            shown += 1
    counts = {v: sum(1 for _, x, _ in results if x == v) for v in ("identical", "different", "tokenize_error")}
    compared = counts["identical"] + counts["different"]
    print(f"identical={counts['identical']} compared={compared} "
          f"tokenize_errors={counts['tokenize_error']} total={len(results)}")


if __name__ == "__main__":
    main()
