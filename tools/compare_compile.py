#!/usr/bin/env python3
"""Check Krait's compile-time SyntaxErrors against CPython's compile() over a tree.

For every .py file under ROOT (default: CPython's standard library), CPython's
verdict is compile(source, path, "exec"): accepted, or the SyntaxError's
class, message and line. Krait's is `krait FILE`: a SyntaxError report on
stderr, or anything else (for now, "cannot run programs yet") as acceptance.

    python3 tools/compare_compile.py --krait target/release/krait [--root DIR]
"""
import argparse, concurrent.futures, os, subprocess, sys, sysconfig, warnings


def cpython(path):
    with open(path, "rb") as f:
        src = f.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(src, path, "exec")
    except SyntaxError as e:
        return f"{type(e).__name__}: {e.msg} (line {e.lineno})"
    except ValueError as e:
        return f"ValueError: {e}"
    return "ok"


def krait(binary, path):
    proc = subprocess.run([binary, path], capture_output=True, timeout=30)
    err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    last = err[-1] if err else ""
    if proc.returncode not in (0, 1) or "panicked" in proc.stderr.decode("utf-8", "replace"):
        return f"CRASH (exit {proc.returncode}): {last}"
    if "Error: " in last and not last.startswith("NotImplementedError"):
        line = next((l for l in err if l.strip().startswith("File ")), "")
        lineno = line.rsplit("line ", 1)[-1] if "line " in line else "?"
        return f"{last} (line {lineno})"
    return "ok"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", required=True)
    ap.add_argument("--root", default=sysconfig.get_paths()["stdlib"])
    args = ap.parse_args()
    files = []
    for d, dirs, names in os.walk(args.root):
        dirs[:] = sorted(x for x in dirs if x not in ("site-packages", "__pycache__"))
        files += [os.path.join(d, n) for n in sorted(names) if n.endswith(".py")]
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda p: (p, cpython(p), krait(args.krait, p)), files))
    same = 0
    for p, c, k in results:
        if c == k:
            same += 1
        else:
            print(f"{os.path.relpath(p, args.root)}\n  cpython: {c}\n  krait:   {k}")
    print(f"same={same} total={len(results)}")


if __name__ == "__main__":
    main()
