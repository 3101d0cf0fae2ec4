# Krait's `array` module, in Python: typed arrays of numbers and
# characters. Items are kept in a list, checked on the way in against the
# type code's C range (with CPython's messages), and packed with `struct`
# for bytes and files.
import struct as _struct

typecodes = 'bBuhHiIlLqQfd'

# type code: (struct format, item size, minimum, maximum, messages)
_INTS = {
    'b': ('b', 1, -2**7, 2**7 - 1, ('signed char is less than minimum', 'signed char is greater than maximum')),
    'B': ('B', 1, 0, 2**8 - 1, ('unsigned byte integer is less than minimum', 'unsigned byte integer is greater than maximum')),
    'h': ('h', 2, -2**15, 2**15 - 1, ('signed short integer is less than minimum', 'signed short integer is greater than maximum')),
    'H': ('H', 2, 0, 2**16 - 1, ('unsigned short is less than minimum', 'unsigned short is greater than maximum')),
    'i': ('i', 4, -2**31, 2**31 - 1, ('signed integer is less than minimum', 'signed integer is greater than maximum')),
    'I': ('I', 4, 0, 2**32 - 1, ("can't convert negative value to unsigned int", 'unsigned int is greater than maximum')),
    'l': ('l', 8, -2**63, 2**63 - 1, ('Python int too large to convert to C long', 'Python int too large to convert to C long')),
    'L': ('L', 8, 0, 2**64 - 1, ("can't convert negative value to unsigned int", 'Python int too large to convert to C unsigned long')),
    'q': ('q', 8, -2**63, 2**63 - 1, ('int too big to convert', 'int too big to convert')),
    'Q': ('Q', 8, 0, 2**64 - 1, ("can't convert negative int to unsigned", 'int too big to convert')),
}
_SIZES = dict({t: v[1] for t, v in _INTS.items()}, u=4, f=4, d=8)


def _check_typecode(typecode):
    if not isinstance(typecode, str) or len(typecode) != 1:
        raise TypeError("array() argument 1 must be a unicode character, not %s" % type(typecode).__name__)
    if typecode not in _SIZES:
        raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')


class array:
    """array(typecode [, initializer]) -> array

Return a new array whose items are restricted by typecode, and
initialized from the optional initializer value, which must be a list,
string or iterable over elements of the appropriate type."""

    __slots__ = ('_typecode', '_items', '__weakref__')

    def __new__(cls, typecode, initializer=None, /):
        _check_typecode(typecode)
        self = object.__new__(cls)
        self._typecode = typecode
        self._items = []
        if initializer is None:
            return self
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError("cannot use a str to initialize an array with typecode '%s'" % typecode)
            self._items = list(initializer)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, array):
            if typecode == 'u' and initializer._typecode != 'u':
                raise TypeError("cannot use a unicode array to initialize an array with typecode '%s'" % typecode)
            self.extend(initializer._items)
        else:
            self.extend(initializer)
        return self

    @property
    def typecode(self):
        return self._typecode

    @property
    def itemsize(self):
        return _SIZES[self._typecode]

    def _check(self, v):
        tc = self._typecode
        if tc == 'u':
            if not isinstance(v, str) or len(v) != 1:
                raise TypeError('array item must be unicode character')
            return v
        if tc in 'fd':
            if not isinstance(v, (int, float)) and not hasattr(type(v), '__float__'):
                raise TypeError('must be real number, not %s' % type(v).__name__)
            v = float(v)
            if tc == 'f':
                v = _struct.unpack('f', _struct.pack('f', v))[0]
            return v
        if isinstance(v, float) or not hasattr(type(v), '__index__'):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
        v = v.__index__()
        _, _, lo, hi, (low_msg, high_msg) = _INTS[tc]
        if v < lo:
            raise OverflowError(low_msg)
        if v > hi:
            raise OverflowError(high_msg)
        return v

    def _same_kind(self, other):
        if not isinstance(other, array):
            raise TypeError("can only extend with array (not \"%s\")" % type(other).__name__)
        if other._typecode != self._typecode:
            raise TypeError('bad argument type for built-in operation')

    def _new(self, items):
        a = array(self._typecode)
        a._items = items
        return a

    # --- sequence protocol ---------------------------------------------------

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, v):
        return v in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._new(self._items[i])
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError("can only assign array (not \"%s\") to array slice" % type(v).__name__)
            self._same_kind(v)
            self._items[i] = list(v._items)
            return
        v = self._check(v)
        try:
            self._items[i] = v
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, i):
        try:
            del self._items[i]
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __add__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        self._same_kind(other)
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        self._same_kind(other)
        self._items += other._items
        return self

    def __mul__(self, n):
        return self._new(self._items * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= n
        return self

    def _compare(self, other, op):
        if not isinstance(other, array):
            return NotImplemented
        return op(self._items, other._items)

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    __hash__ = None

    def __repr__(self):
        tc = self._typecode
        if not self._items:
            return "array('%s')" % tc
        if tc == 'u':
            return "array('u', %r)" % ''.join(self._items)
        return "array('%s', %r)" % (tc, self._items)

    def __copy__(self):
        return self._new(list(self._items))

    def __deepcopy__(self, memo):
        return self.__copy__()

    def __reduce_ex__(self, protocol):
        return (array, (self._typecode, self.tolist() if self._typecode != 'u' else self.tounicode()), None)

    # --- methods --------------------------------------------------------------

    def append(self, v):
        self._items.append(self._check(v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            self._same_kind(iterable)
            self._items.extend(iterable._items)
            return
        self._items.extend([self._check(v) for v in iterable])

    def insert(self, i, v):
        self._items.insert(i, self._check(v))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError('pop from empty array')
        try:
            return self._items.pop(i)
        except IndexError:
            raise IndexError('pop index out of range') from None

    def remove(self, v):
        try:
            self._items.remove(v)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, v, start=0, stop=None):
        items = self._items
        stop = len(items) if stop is None else stop
        for i in range(*slice(start, stop).indices(len(items))):
            if items[i] == v:
                return i
        raise ValueError('array.index(x): x not in array')

    def count(self, v):
        return self._items.count(v)

    def reverse(self):
        self._items.reverse()

    def buffer_info(self):
        return (id(self), len(self._items))

    def byteswap(self):
        size = self.itemsize
        if size == 1:
            return
        data = self.tobytes()
        swapped = b''.join(data[i:i + size][::-1] for i in range(0, len(data), size))
        self._items = []
        self.frombytes(swapped)

    def tolist(self):
        return list(self._items)

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError('arg must be list')
        self._items.extend([self._check(v) for v in items])

    def tobytes(self):
        tc = self._typecode
        if tc == 'u':
            return ''.join(self._items).encode('utf-32-le', 'surrogatepass')
        fmt = _INTS[tc][0] if tc in _INTS else tc
        return _struct.pack('%d%s' % (len(self._items), fmt), *self._items)

    def frombytes(self, data):
        data = bytes(memoryview(data)) if not isinstance(data, (bytes, bytearray)) else bytes(data)
        size = self.itemsize
        if len(data) % size:
            raise ValueError('bytes length not a multiple of item size')
        tc = self._typecode
        if tc == 'u':
            self._items.extend(data.decode('utf-32-le', 'surrogatepass'))
            return
        fmt = _INTS[tc][0] if tc in _INTS else tc
        self._items.extend(_struct.unpack('%d%s' % (len(data) // size, fmt), data))

    def tounicode(self):
        if self._typecode != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._items)

    def fromunicode(self, s):
        if self._typecode != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        self._items.extend(s)

    def tofile(self, f):
        f.write(self.tobytes())

    def fromfile(self, f, n):
        size = self.itemsize
        data = f.read(n * size)
        if not isinstance(data, bytes):
            raise TypeError('read() didn\'t return bytes')
        whole = len(data) - len(data) % size
        self.frombytes(data[:whole])
        if len(data) < n * size:
            raise EOFError('read() didn\'t return enough bytes')


array.__module__ = 'array'
ArrayType = array
