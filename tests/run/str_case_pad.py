# str case pad
for w in ["hello", "HELLO", "Hello World", "hello_world 2x", "", "ß", "ǆ"]:
    print(repr(w), w.upper(), w.lower(), w.capitalize(), w.title(), w.swapcase(), w.isupper(), w.islower(), w.istitle() if hasattr(w, "istitle") else "")
print("7".zfill(3), "-7".zfill(4), "+7".zfill(4), "abc".zfill(2), "x".center(6, "-"), "xy".center(5), "ab".ljust(5, "."), "ab".rjust(5, "."))
print("%-8s|%8s|%08.3f|%+d|%x|%X|%o|%c|%r|%%" % ("left", "right", 3.14159, 5, 255, 255, 8, 65, "q"))
print("%(name)s is %(age)d" % {"name": "Al", "age": 3}, "%5.1f%%" % 12.345, "%s %s" % (1, [2]))
