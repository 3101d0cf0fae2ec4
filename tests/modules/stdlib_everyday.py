# logging, json, pprint, copy of cycles, typing generics, frozen
# dataclasses, re, datetime/decimal/fractions/statistics, enum flags.
import json, re, logging, pprint, copy, typing, sys, io, dataclasses, enum, functools, collections, itertools, string, textwrap, datetime, decimal, fractions, statistics, heapq, bisect, operator, os
# The log goes to a string so the traceback's file path (which depends on
# where the repository lies) can be cut before printing.
log_stream = io.StringIO()
logging.basicConfig(stream=log_stream, level=logging.DEBUG, format="%(asctime)s|%(levelname)-8s|%(name)s|%(funcName)s:%(lineno)d|%(message)s", datefmt="X")
log = logging.getLogger("app.sub")
def work(n):
    log.debug("working on %d", n)
    try:
        1 / n
    except ZeroDivisionError:
        log.exception("failed for %r", n)
for n in (1, 0): work(n)
print(log_stream.getvalue().replace(os.path.dirname(os.path.abspath(__file__)), "<dir>"), end="")
logging.getLogger("app").setLevel(logging.WARNING)
log.info("hidden"); log.warning("shown %s", {"k": [1, 2]})
h = logging.StreamHandler(io.StringIO()); h.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
log.addHandler(h); log.error("to handler"); print(repr(h.stream.getvalue()))
data = {"users": [{"id": i, "name": f"user{i}", "tags": ["a", "b"][: i % 3], "score": i * 1.5, "active": i % 2 == 0, "meta": None} for i in range(5)]}
s = json.dumps(data, indent=2, sort_keys=True)
print(s[:200]); print(json.loads(s) == data, json.dumps(data, separators=(",", ":"))[:80])
pprint.pprint(data, width=60, compact=True)
print(pprint.pformat(collections.OrderedDict(a=1, b=[1, 2]), width=20))
a = [1, [2, 3]]; a.append(a); b = copy.deepcopy(a); print(b[2] is b, b[1] is not a[1])
T = typing.TypeVar("T")
class Stack(typing.Generic[T]):
    def __init__(self) -> None: self.items: list[T] = []
    def push(self, x: T) -> None: self.items.append(x)
print(Stack[int], typing.get_type_hints(Stack.push), typing.Union[int, str], typing.Callable[[int], str], typing.Literal["a"], typing.get_args(dict[str, int]))
@dataclasses.dataclass(frozen=True)
class Pt:
    x: int
    y: int = 0
    tags: tuple = ()
p = Pt(1); print(p, hash(Pt(1, 2)) == hash(Pt(1, 2)), dataclasses.replace(p, y=5))
try: p.x = 3
except dataclasses.FrozenInstanceError as e: print("frozen", e)
print(re.sub(r"(?P<word>\b\w+\b)", lambda m: m["word"][::-1], "hello big world"), re.compile(r"\d{2,}").findall("a1 22 333"), re.fullmatch(r"[a-z]+@[a-z]+\.com", "me@x.com") is not None)
print(datetime.date(2024, 3, 1) - datetime.date(2024, 2, 1), datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc).isoformat(), decimal.Decimal("0.1") * 3, fractions.Fraction(22, 7) ** 2, statistics.fmean([1, 2, 3.5]))
class Color(enum.Flag):
    R = enum.auto(); G = enum.auto(); B = enum.auto()
print(Color.R | Color.B, list(Color), Color(3))
print(functools.reduce(operator.mul, range(1, 10)), list(itertools.pairwise("abcd")), string.Formatter().format("{0:>5}|{1!r}", 3, "x"), textwrap.indent("a\nb", "> "))
