from datetime import date, datetime, time
import datetime as D
from datetime import timedelta as T
print(repr(T(1,2,3)), repr(T(0)), repr(T(-1)), repr(T(microseconds=5)))
print(str(T(1,2,3)), str(T(-1,1)), str(T(2, 3600)), str(T(0)))
print(T(1.5), T(seconds=0.5e-6), T(seconds=1.5e-6), T(microseconds=-0.5), T(weeks=1.25, minutes=3.3))
print(T(1)*2.5, T(1)/3, T(1)//7, T(1)/T(hours=5), T(1)%T(hours=5), divmod(T(1), T(hours=7)), -T(1), abs(T(-1)), T(1)*-1, 3*T(1))
print(T(1).total_seconds(), hash(T(1)) == hash(T(hours=24)), bool(T(0)), T(1) > T(0))
d = D.date(2020, 2, 29)
print(d, repr(d), d + T(1), d - T(366), d - D.date(2000,1,1), d.isocalendar(), d.weekday(), d.ctime(), d.timetuple())
print(d.strftime("%Y %m %d %f %z %Z %%"), format(d, "%A"), f"{d}", d.replace(year=2024), d.toordinal(), D.date.fromordinal(737484))
print(D.date.fromisoformat("2020-01-02"), D.date.fromisoformat("2020W014"), D.date.fromisocalendar(2020, 53, 7))
t = D.time(12, 30, 15, 500, tzinfo=D.timezone.utc)
print(t, repr(t), t.isoformat("milliseconds"), t.utcoffset(), t.tzname(), t.strftime("%H:%M:%S.%f %z %Z"))
print(D.time.fromisoformat("12:30:45.123+05:30"), D.time(1) < D.time(2), hash(D.time(1)) == hash(D.time(1)))
dt = D.datetime(2020, 1, 2, 3, 4, 5, 6)
print(dt, repr(dt), dt + T(hours=25), dt - D.datetime(2019,1,1), dt.date(), dt.time(), dt.timetuple(), dt.isoformat(' ', 'seconds'))
u = dt.replace(tzinfo=D.timezone(T(hours=2), 'X'))
print(u, repr(u), u.utcoffset(), u.tzname(), u.astimezone(D.timezone.utc), u.timestamp(), u == u.astimezone(D.timezone.utc))
print(D.datetime.fromisoformat("2020-01-02T03:04:05.123456+01:00"), D.datetime.fromtimestamp(0, D.timezone.utc), D.datetime.utcfromtimestamp(1.5))
print(D.datetime.combine(d, t), D.datetime.strptime("2020-01-02", "%Y-%m-%d"), D.timezone.utc, repr(D.timezone(T(hours=-1))), D.UTC)
import pickle
for o in (T(1,2,3), d, t, dt, u, D.timezone.utc, D.timezone(T(hours=1), 'x'), d.isocalendar()):
    print(pickle.loads(pickle.dumps(o)) == o, type(pickle.loads(pickle.dumps(o))).__name__)
class MyDate(D.date): pass
m = MyDate(2020, 1, 1)
print(repr(m), repr(m + T(1)), type(m + T(1)).__name__, MyDate.today().__class__.__name__)
class UTC(D.tzinfo):
    def utcoffset(self, dt): return T(0)
    def dst(self, dt): return T(0)
    def tzname(self, dt): return "utc"
print(D.datetime(2020, 1, 1, tzinfo=UTC()).astimezone(D.timezone(T(hours=3))))
print(D.datetime.min, D.datetime.max, D.time.max, T.max, T.min, D.date.resolution)
print(type(D.datetime.now()).__name__, D.datetime.now().year >= 2024)
as_date = date.today()
as_datetime = datetime.combine(as_date, time())
print(as_date != as_datetime, as_datetime != as_date, as_date == as_datetime, as_date.__eq__(as_datetime), as_date.__ne__(as_datetime))
# Operator dunders exist as CPython derives them from its number slots.
print(T(2).__sub__(T(1)), T(1).__rsub__(T(2)), T(1).__mul__(2), T(1).__rmul__(2), T(1).__mul__("x"))
# A float subclass's own as_integer_ratio is asked.
class Half(float):
    def as_integer_ratio(self):
        return (1, 2)
print(T(1) * Half(3.0))
class Bad(float):
    def as_integer_ratio(self):
        return 1 << 70
try:
    T(1) / Bad(1.0)
except TypeError as e:
    print("TypeError", e)
# ISO weeks at the turn of a year, both ways.
for y, m, d in [(2003, 12, 29), (2003, 12, 30), (2003, 12, 31), (2004, 1, 1), (2008, 12, 30), (2010, 1, 3)]:
    iso = D.date(y, m, d).isocalendar()
    print(iso, D.date.fromisocalendar(*iso))
try:
    D.date.fromisocalendar(2**33, 1, 1)
except ValueError as e:
    print("ValueError", e)
# Any character separates date and time in fromisoformat.
print(D.datetime.fromisoformat("2018-01-31\U0001f40d23:59:47.124789"), D.datetime.fromisoformat("2018-01-31\ud80023:59:47"))
print(ascii(D.datetime(1, 2, 3, 4, 5, 6).isoformat("\ud800")))
class Pct(D.tzinfo):
    def utcoffset(self, dt): return T(0)
    def tzname(self, dt): return "a%b"
print(D.time(1, tzinfo=Pct()).strftime("%Z|%z"))
print(date.__eq__(as_date, as_datetime), as_date == as_datetime)
try:
    as_date < as_datetime
except TypeError as e:
    print("TypeError", e)
import _datetime
# datetime_CAPI is a capsule for C extensions, which Krait does not load.
public = {n for n in dir(_datetime) if not n.startswith("_")} - {"datetime_CAPI"}
print(D.date is _datetime.date, sorted(public))
