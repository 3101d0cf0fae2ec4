# unittest runs test cases: passes, failures (with unittest's own frames
# cut from the traceback), errors, skips, expected failures, subtests.
import io
import os
import re
import unittest


class Sample(unittest.TestCase):
    def setUp(self):
        self.items = [1, 2]

    def test_ok(self):
        self.assertEqual(sum(self.items), 3)

    def test_fail(self):
        self.assertEqual(self.items, [1, 3])

    @unittest.skip("not today")
    def test_skip(self):
        pass

    def test_error(self):
        raise KeyError("k")

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)

    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertNotEqual(i, 1)

    def test_raises(self):
        with self.assertRaisesRegex(ValueError, "bad"):
            int("bad")
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        print("caught", type(cm.exception).__name__)


stream = io.StringIO()
suite = unittest.defaultTestLoader.loadTestsFromTestCase(Sample)
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), len(result.expectedFailures))
report = re.sub(r"Ran (\d+) tests in [\d.]+s", r"Ran \1 tests", stream.getvalue())
# The traceback names this file by its absolute path, which depends on where
# the repository lies.
print(report.replace(os.path.dirname(os.path.abspath(__file__)), "<dir>"))

# A traceback's chain can be cut, as unittest does.
def inner():
    raise ValueError("deep")


try:
    inner()
except ValueError as e:
    tb = e.__traceback__
    print(tb.tb_next.tb_frame.f_code.co_name, tb.tb_frame.f_globals is globals())
    tb.tb_next = None
    print(tb.tb_next)
    for bad in [3, tb]:
        try:
            tb.tb_next = bad
        except (TypeError, ValueError) as err:
            print(type(err).__name__ + ":", err)
