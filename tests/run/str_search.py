# str search
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.count("o"), s.count("the", 5))
print(s.index("fox"), s.rindex("o"), s.startswith("the"), s.endswith("dog"), s.startswith(("a", "t")))
print("fox" in s, s[4:9], s.find(""), s.find("", 100), "".find(""), "abc".rfind("", 1))
try:
    s.index("cat")
except ValueError as e:
    print("ValueError:", e)
print(s.partition(" "), s.rpartition(" "), s.replace("the", "a"), s.replace("o", "0", 2), s.title())
