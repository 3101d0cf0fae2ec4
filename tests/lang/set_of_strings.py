# set of strings
words = {"apple", "banana", "cherry", "date", "elderberry", "fig", "grape"}
print(words)
print({"a", "b", "c", "d"}, {"x"}, set("hello world"))
print(frozenset(["red", "green", "blue"]), {w[0] for w in words})
d = {}
for w in sorted(words):
    d.setdefault(len(w), set()).add(w)
print(d)
print(hash("") == 0, hash("a") == hash("a"))
