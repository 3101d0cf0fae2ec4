#!/usr/bin/env python3
"""Parse speed: Krait's front end against CPython's, over the standard library.

Both sides parse every .py file that CPython accepts, in one process each:
CPython runs `ast.parse` on each file's bytes, Krait runs
`krait ast --check FILE...` (decode, tokenize, parse, no output). Each side
runs ROUNDS times, alternating; the best time of each is reported, with the
peak resident memory of its process.

    python3 bench/parse_stdlib.py --krait target/release/krait [--rounds 5]
"""
import argparse
import os
import subprocess
import sys
import sysconfig
import time

CPYTHON_SIDE = r"""
import ast, sys, warnings
warnings.simplefilter("ignore")
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        ast.parse(f.read())
"""


LIST_FILES = r"""
import ast, os, sys, warnings
warnings.simplefilter("ignore")
for d, dirs, names in os.walk(sys.argv[1]):
    dirs[:] = sorted(x for x in dirs if x not in ("site-packages", "__pycache__"))
    for n in sorted(names):
        if n.endswith(".py"):
            p = os.path.join(d, n)
            try:
                with open(p, "rb") as f:
                    ast.parse(f.read())
            except (SyntaxError, ValueError):
                continue
            print(p)
"""


def accepted_files(root):
    # In a child process: a forked child's peak RSS counts its parent's
    # pages, so this process must stay small for the measurements to be fair.
    out = subprocess.run([sys.executable, "-c", LIST_FILES, root], capture_output=True, check=True)
    return out.stdout.decode().splitlines()


def run(cmd):
    """Wall time and peak RSS (MiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd[0]} failed:\n{err[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", required=True)
    ap.add_argument("--root", default=sysconfig.get_paths()["stdlib"])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    files = accepted_files(args.root)
    size = sum(os.path.getsize(p) for p in files)
    print(f"{len(files)} files, {size / 1e6:.1f} MB of source")
    cpython_cmd = [sys.executable, "-c", CPYTHON_SIDE] + files
    krait_cmd = [args.krait, "ast", "--check"] + files
    best = {"cpython": (float("inf"), 0), "krait": (float("inf"), 0)}
    for _ in range(args.rounds):
        for name, cmd in (("cpython", cpython_cmd), ("krait", krait_cmd)):
            t, rss = run(cmd)
            if t < best[name][0]:
                best[name] = (t, rss)
    for name, (t, rss) in best.items():
        print(f"{name:8} {t:7.3f} s   peak RSS {rss:7.1f} MiB")
    print(f"speedup={best['cpython'][0] / best['krait'][0]:.2f}x")


if __name__ == "__main__":
    main()
