import sys
print("a\d", b"\q", r"\d", "\400", "ok\n", "\N{EM DASH}")
x = """multi
line \w"""
print(len(x))
print("\u0041", "\x41", "\101", "\7")
