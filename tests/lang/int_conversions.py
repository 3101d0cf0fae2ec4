# int conversions
for s in ["0", "-0", "+5", "  42\n", "1_000_000", "0x1F", "0o17", "0b1010"]:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
print(int("0x1F", 16), int("0o17", 8), int("0b1010", 2), int("1F", 16), int("z", 36), int("0x1f", 0), int("010", 8))
print(int(True), int(-2.9), int("٣"), int(b"42"), int(bytearray(b"7")))
class HasInt:
    def __int__(self): return 9
class HasIndex:
    def __index__(self): return 3
print(int(HasInt()), int(HasIndex()), [1, 2, 3, 4][HasIndex()], bin(HasIndex()), hex(HasIndex()))
for bad in ["", " ", "1.5", "0x", "1__0", "_1", "12a"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("10", 37)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
