# str split join
for s in ["a b c", "  lead and trail  ", "a,b,,c,", "one", "", "x\ty\nz"]:
    print(repr(s), s.split(), s.split(","), s.split(" ", 1), s.rsplit(None, 1), s.strip().split(" "))
print("::".join(["a", "b"]), ", ".join(str(i) for i in range(4)), "".join([]), "a".join("xyz"))
print("a1b2c3".translate({ord("1"): "one", ord("2"): None}) if hasattr(str, "translate") else "no translate")
