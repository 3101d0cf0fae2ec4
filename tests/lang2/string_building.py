parts = []
for i in range(5):
    parts.append(f"{i}:{i * i}")
print(",".join(parts), "-".join(str(i) for i in range(3)), "".join(reversed("abc")))
s = ""
for ch in "hello":
    s = ch + s
print(s, s * 2, (s + " ") * 3, s[:2] + s[2:].upper())
lines = ["alpha", "beta", "gamma"]
text = "\n".join(lines)
print(text.count("\n"), text.splitlines()[1], text.upper().split("\n"), [l.center(9, ".") for l in lines])
table = [("name", "qty"), ("apple", 3), ("kiwi", 12)]
for name, qty in table:
    print(f"{name:<8}|{qty!s:>5}|")
print("{:-^20}".format(" menu "), "%-6s|%4d" % ("x", 42), "x".rjust(3, "0") + "y".ljust(3, "_"))
csv = "a,1\nb,2\nc,3"
rows = [line.split(",") for line in csv.split("\n")]
print({k: int(v) for k, v in rows}, sum(int(v) for _, v in rows))
print("Hello World".swapcase(), "hello world".title(), " x ".strip() == "x", "a b".replace(" ", ""), "tEST".capitalize())
words = "one two three two one".split()
print(sorted(set(words), key=words.index), {w: words.count(w) for w in words}, max(words, key=len))
print("abc" < "abd" < "b", "Z" < "a", "10" < "9", sorted(["10", "9", "100"]), sorted(["10", "9", "100"], key=int))
