# Unicode errors name one item only when it lies inside the object (the
# positions may be anything); UnicodeTranslateError has no encoding.
cases = [
    lambda: UnicodeEncodeError('ascii', 'hello', 1000, 1001, 'ouch'),
    lambda: UnicodeEncodeError('ascii', 'hello', 1, 2, 'ouch'),
    lambda: UnicodeEncodeError('ascii', 'h\u20acllo', 1, 2, 'ouch'),
    lambda: UnicodeEncodeError('ascii', 'hello', 1, 5, 'ouch'),
    lambda: UnicodeDecodeError('ascii', b'hello', 1000, 1001, 'ouch'),
    lambda: UnicodeDecodeError('ascii', b'h\xffllo', 1, 2, 'ouch'),
    lambda: UnicodeDecodeError('ascii', b'hello', 1, 3, 'ouch'),
    lambda: UnicodeTranslateError('hello', 1000, 1001, 'ouch'),
    lambda: UnicodeTranslateError('hello', 1, 2, 'ouch'),
]
for make in cases:
    print(str(make()))
e = UnicodeTranslateError("hello", 1, 2, "ouch"); print(e.encoding, e.object, e.start, e.end, e.reason, e.args)
