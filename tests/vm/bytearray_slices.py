# bytearray slice assignment and deletion (plain and extended slices,
# bytes-like and iterable values, and the errors).
b = bytearray(b'hello world')
b[0:5] = b'HELLO'
b[6:] = [87, 79]
print(b)
b[::2] = b'xxxx'
del b[1:3]
b[2:2] = bytearray(b'--')
print(b)
b = bytearray(b'hello')
for v in ['ab', 5, [1, 300], None, [1, "a"]]:
    try:
        b[0:2] = v
    except Exception as e:
        print(type(e).__name__, e)
del b[::2]
print(b)
b = bytearray(b'abcdef'); b[1:3] = memoryview(b'XYZ'); print(b); b[:] = b; print(b)
try:
    b[::-2] = b'123'
except ValueError as e:
    print(e)
b[::-2] = b'1234'
print(b, len(b))
b[-2:] = range(65, 70)
print(b)
try:
    b["x"] = 1
except TypeError as e:
    print(e)
