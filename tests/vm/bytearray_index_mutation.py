# A value whose __index__ empties the bytearray being assigned into, and
# binascii base64 functions called without their argument.
import binascii
b = bytearray(b"abc")
class I:
    def __index__(self):
        b.clear()
        return 65
try:
    b[0] = I()
except IndexError as e:
    print("IndexError", e)
print(b)
for f in (binascii.a2b_base64, binascii.b2a_base64):
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
print(binascii.b2a_base64(b"ab", newline=False), binascii.a2b_base64(b"YWI=", strict_mode=True))
try:
    binascii.b2a_base64(b"ab", False)
except TypeError as e:
    print("TypeError", e)
