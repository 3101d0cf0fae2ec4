# uuencode and quoted-printable, one line and one message at a time.
import binascii
data = [b"", b"Cat", b"\x00abc\xff" * 3, bytes(range(45)), b"a=b \t\n.\nx", b"line one  \r\nline two\t\r\n", b"x" * 200, b"_ under_score=", b"." , b".\r\nab\n", b"a" * 74 + b"==", b"\x00" * 30 + b"\n" + b"y" * 80]
for d in data:
    if len(d) <= 45:
        for bt in (False, True):
            e = binascii.b2a_uu(d, backtick=bt)
            print(e, binascii.a2b_uu(e) == d)
    for qt in (False, True):
        for it in (False, True):
            for h in (False, True):
                e = binascii.b2a_qp(d, qt, it, h)
                print(qt, it, h, e, binascii.a2b_qp(e, header=h) == d)
for s in [b"=41=42", "=4g=", b"a=\r\nb", b"==", b"a_b=5f", "plain", b"=\nx", b"=a1=A1"]:
    print(binascii.a2b_qp(s), binascii.a2b_qp(s, header=True))
for s in [b"", "", b" ", b"!!!!!x", b"!\x01", b"#86)C", b"$86)C\n", b"#86)C   \n", b"#86)C`` "]:
    try:
        print(binascii.a2b_uu(s))
    except binascii.Error as e:
        print("Error", e)
for bad in [lambda: binascii.b2a_uu(b"x" * 46), lambda: binascii.b2a_uu("x"), lambda: binascii.a2b_qp("é"), lambda: binascii.b2a_qp(data=b"a", header=1, quotetabs=1)]:
    try:
        print(bad())
    except (binascii.Error, TypeError, ValueError) as e:
        print(type(e).__name__, e)

print(binascii.crc_hqx(b"", 0x12345), binascii.crc_hqx(b"abc", 0x1ffff))
for data in [b"ab==a", b"ab===", b"abc=:", b"ab==\n", b"ab==", b"abc="]:
    for strict in (False, True):
        try:
            print(data, strict, binascii.a2b_base64(data, strict_mode=strict))
        except binascii.Error as e:
            print(data, strict, "Error", e)
