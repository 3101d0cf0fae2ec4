#!/usr/bin/env python3
"""Runs CPython's own test suite (the installed CPython's Lib/test) under
Krait and under CPython, and compares what passes.

    python3 tools/cpython_tests.py [--krait target/release/krait]
        [--python python3] [--jobs N] [--timeout SECONDS]
        [--only test_x ...] [--sweep] [--json FILE] [--check BASELINE]

Each test module runs in its own process under a time limit. The table has
one row per module: tests run, passed, failed, errors and skipped, for
Krait and for CPython, then the totals. A test method counts once, by its
worst outcome (error, failure, skip, pass), however many subtests it has. A Krait run that crashed (a panic
or a signal), hung (ran out of time) or printed no summary (the module
failed to import) says so instead of its counts.

Without --only, runs the modules issue 12 lists; --sweep runs every test
module of Lib/test. --json writes Krait's passed counts per module;
--check compares them with a baseline written that way and exits 1 if a
module passes fewer tests than the baseline says, or crashed.
"""
import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import sysconfig

LISTED = """
test_int test_long test_float test_complex test_bool test_list test_tuple
test_dict test_set test_string test_unicode test_bytes test_grammar
test_syntax test_class test_descr test_super test_exceptions
test_exception_group test_raise test_generators test_coroutines test_scope
test_with test_contextlib test_functools test_itertools test_collections
test_operator test_re test_json test_math test_cmath test_random
test_bisect test_heapq test_enum test_dataclasses test_textwrap
test_fstring test_format test_types test_builtin test_unittest
test_keywordonlyarg test_unpack test_unpack_ex test_patma test_property
test_richcmp test_sort test_string_literals test_augassign
test_baseexception test_compile test_dictviews test_genexps test_iter
test_listcomps test_setcomps test_named_expressions test_opcodes test_pow
test_slice test_struct test_copy test_abc test_typing test_weakref
test_datetime test_decimal test_fractions test_statistics test_io test_os
test_pathlib test_tempfile test_shutil test_glob test_csv test_sqlite3
test_zlib test_hashlib test_base64 test_binascii test_codecs
test_unicodedata test_argparse test_logging test_threading test_asyncio
""".split()

# Runs a test module through unittest's loader, as `-m unittest` does, and
# counts test methods by their worst outcome: unittest's own summary counts
# every failed or skipped subtest, so one test with 40 skipped subtests
# would weigh 40 there.
RUNNER = """
import sys, unittest

RANK = {"passed": 0, "skipped": 1, "failures": 2, "errors": 3}

class Result(unittest.TextTestResult):
    outcomes = {}

    # Keyed by the test itself: test_abc runs one class body twice under
    # the same name, and ids would merge the two.
    def mark(self, test, kind):
        key = getattr(test, "test_case", test)
        if RANK[kind] > RANK[self.outcomes.get(key, "passed")]:
            self.outcomes[key] = kind

    def startTest(self, test):
        super().startTest(test)
        self.outcomes.setdefault(test, "passed")

    def addError(self, test, err):
        super().addError(test, err)
        self.mark(test, "errors")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.mark(test, "failures")

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self.mark(test, "skipped")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self.mark(test, "failures")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            failed = issubclass(err[0], test.failureException)
            self.mark(test, "failures" if failed else "errors")

runner = unittest.TextTestRunner(resultclass=Result)
program = unittest.main(module=None, argv=["unittest", sys.argv[1]],
                        testRunner=runner, exit=False)
counts = {kind: 0 for kind in RANK}
for kind in Result.outcomes.values():
    counts[kind] += 1
print("per-test:", " ".join(f"{k}={v}" for k, v in counts.items()),
      file=sys.stderr)
sys.exit(not program.result.wasSuccessful())
"""
PER_TEST = re.compile(r"^per-test: (.*)$", re.M)

SUMMARY_RAN = re.compile(r"^Ran (\d+) tests? in ", re.M)
SUMMARY_END = re.compile(r"^(OK|FAILED)(?: \((.*)\))?\s*$", re.M)


def all_test_modules():
    test_dir = os.path.join(sysconfig.get_paths()["stdlib"], "test")
    names = []
    for entry in sorted(os.listdir(test_dir)):
        path = os.path.join(test_dir, entry)
        if not entry.startswith("test_"):
            continue
        if entry.endswith(".py"):
            names.append(entry[:-3])
        elif os.path.isdir(path) and os.path.exists(os.path.join(path, "__init__.py")):
            names.append(entry)
    return names


def run(interpreter, module, timeout):
    """One module under one interpreter: a dict of counts, or of `status`
    ('crash', 'hang', 'no summary') when it did not get to its summary."""
    cmd = [interpreter, "-c", RUNNER, "test." + module]
    env = dict(os.environ, PYTHONHASHSEED="0")
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout, env=env,
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return {"status": "hang"}
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode < 0 or "panicked at" in err:
        return {"status": "crash", "detail": f"exit {p.returncode}"}
    ran = SUMMARY_RAN.findall(err)
    end = SUMMARY_END.findall(err)
    if not ran or not end:
        last = err.strip().splitlines()[-1:] or [f"exit {p.returncode}"]
        return {"status": "no summary", "detail": last[0][:100]}
    per_test = PER_TEST.findall(err)
    if not per_test:
        return {"status": "no summary", "detail": "no per-test counts"}
    counts = {"run": int(ran[-1])}
    for part in per_test[-1].split():
        k, v = part.split("=")
        counts[k] = int(v)
    return counts


def cell(r):
    if "status" in r:
        return f"{r['status']:>31}"
    return (f"{r['run']:>6} {r['passed']:>6} {r['failures']:>5} "
            f"{r['errors']:>5} {r['skipped']:>6}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--krait", default="target/release/krait")
    ap.add_argument("--python", default="python3")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--krait-only", action="store_true",
                    help="do not run CPython (its columns stay empty)")
    ap.add_argument("--json")
    ap.add_argument("--check")
    args = ap.parse_args()
    krait = os.path.abspath(args.krait)
    modules = args.only or (all_test_modules() if args.sweep else LISTED)

    jobs = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for m in modules:
            jobs.append((m, pool.submit(run, krait, m, args.timeout),
                         None if args.krait_only else
                         pool.submit(run, args.python, m, args.timeout)))
        results = [(m, k.result(), c.result() if c else None) for m, k, c in jobs]

    header = "  run passed  fail error  skip"
    print(f"{'module':<28} {'Krait':^31} | {'CPython':^31}")
    print(f"{'':<28} {header} | {header}")
    totals = {"krait": [0] * 5, "cpython": [0] * 5}
    broken = []
    keys = ["run", "passed", "failures", "errors", "skipped"]
    for m, k, c in results:
        print(f"{m:<28} {cell(k)} | {cell(c) if c else ''}")
        for name, r in (("krait", k), ("cpython", c)):
            if r and "status" not in r:
                for i, key in enumerate(keys):
                    totals[name][i] += r[key]
        if "status" in k:
            broken.append((m, k["status"], k.get("detail", "")))
    t = lambda v: f"{v[0]:>6} {v[1]:>6} {v[2]:>5} {v[3]:>5} {v[4]:>6}"
    print(f"{'total':<28} {t(totals['krait'])} | {t(totals['cpython'])}")
    if not args.krait_only and totals["cpython"][1]:
        share = 100 * totals["krait"][1] / totals["cpython"][1]
        print(f"Krait passes {totals['krait'][1]} tests, CPython {totals['cpython'][1]} ({share:.1f}%)")
    for m, status, detail in broken:
        print(f"  {m}: {status} {detail}")

    passed = {m: (k["passed"] if "status" not in k else k["status"]) for m, k, _ in results}
    if args.json:
        with open(args.json, "w") as f:
            json.dump(passed, f, indent=1, sort_keys=True)
            f.write("\n")
    if args.check:
        with open(args.check) as f:
            baseline = json.load(f)
        worse = []
        for m, want in baseline.items():
            got = passed.get(m)
            if got is None:
                continue
            if isinstance(got, str) and got == "crash":
                worse.append(f"{m}: crashed")
            elif isinstance(want, int) and (isinstance(got, str) or got < want):
                worse.append(f"{m}: {got} passed, baseline {want}")
        if worse:
            print("below the baseline:", *worse, sep="\n  ")
            sys.exit(1)


if __name__ == "__main__":
    main()
