s = "  Hello, World!  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(" !H")))
t = "hello world"
print(t.capitalize(), t.title(), t.swapcase(), t.upper().lower(), t.casefold())
print(t.center(21, "*"), t.ljust(15, "."), t.rjust(15, "."), "42".zfill(5), "-42".zfill(5))
print(t.count("o"), t.find("o"), t.rfind("o"), t.index("w"), t.rindex("l"), t.find("z"))
print(t.startswith("he"), t.endswith(("x", "ld")), t.startswith("wor", 6), t.endswith("hell", 0, 4))
print(t.split(), t.split("o"), t.split("o", 1), t.rsplit("o", 1), "a,b,,c".split(","))
print("a\nb\r\nc\rd".splitlines(), "a\nb\n".splitlines(True), "".split(), " ".split(" "))
print(t.partition(" "), t.rpartition("o"), t.partition("z"), t.rpartition("z"))
print("-".join(["a", "b", "c"]), t.replace("l", "L"), t.replace("l", "L", 2), t.replace("", "-"))
print("abc".isalpha(), "abc1".isalnum(), "123".isdigit(), "١٢".isdecimal(), "½".isnumeric())
print(" \t\n".isspace(), "Title Case".istitle(), "UP".isupper(), "low".islower(), "x_1".isidentifier())
print("a\tb\tc".expandtabs(4), "tab\there".expandtabs(), "ß".upper(), "İ".lower().encode())
print("hello".translate(str.maketrans("el", "ip")), str.maketrans({"a": "b"}), "abc".translate({97: None}))
print("%s|%5s|%-5s|%.2s" % ("x", "y", "z", "long"), "{:^7}".format("mid"))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "x".removeprefix("y"))
print("Straße".encode("utf-8"), "é".encode("latin-1"), b"caf\xc3\xa9".decode(), "abc".encode("ascii"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
print("a".join("xyz"), "".join([]), "abc"[::-1], "abcdef"[1:5:2], "abc" * 3, "ab" in "cabd")
print(sorted("hello"), min("hello"), max("hello"), list(reversed("abc")), "x".__len__())
print(ord("€"), chr(8364), "€".encode(), len("€"), len("€".encode()), "\u00e9" == "é")
try:
    t.index("z")
except ValueError as e:
    print("ValueError", e)
try:
    "abc" + 1
except TypeError as e:
    print("TypeError", e)
print(str(), str(b"x"), str(1.5), str([1, "a"]), repr("it's"), repr('say "hi"'), repr("both ' \""))
