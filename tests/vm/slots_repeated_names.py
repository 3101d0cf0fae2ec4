class A:
    __slots__ = ('x', 'h')
class C:
    __slots__ = ('y', 'h')
class B(A):
    __slots__ = A.__slots__ + C.__slots__
b = B(); b.h = 1; b.y = 2; print(b.h, b.y, B.__slots__)
import datetime
print(datetime.date(2024, 2, 29) + datetime.timedelta(days=1), datetime.datetime(2020, 1, 2, 3, 4, 5).isoformat(), repr(datetime.timedelta(hours=25)))
print(datetime.datetime(2020, 5, 17, 13, 45).strftime('%Y-%m-%d %H:%M'), datetime.date(2024, 1, 1).weekday(), datetime.timezone.utc)
