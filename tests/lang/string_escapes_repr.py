# string escapes repr
s = "tab\tnewline\nquote\"single\'back\\slash"
print(s)
print(repr(s))
print(repr("\x07\x1b\x7f\x80\xa0\u00ff\u0100\u2028\ud7ff\U0010ffff"))
print(len("\N{GREEK SMALL LETTER ALPHA}"), "\N{BULLET}", r"raw\n", b"\x41\101", "\101")
print("multi\
line", """triple
quoted""", '''single triple''')
print("a" "b" 'c', f"f{1}" "plain")
print(ascii("naïve café ✓ 😀"), repr("😀"), len("😀"), "😀".encode())
