records = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
by_age = sorted(records, key=lambda r: r[1])
print(by_age)
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: (-r[1], r[0])))
data = [3, 1, 2]
data.sort(key=lambda v: -v)
print(data)
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len), sorted(set(words)), sorted(words, key=lambda w: (len(w), w)))


class Item:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        return self.n < other.n

    def __repr__(self):
        return f"Item({self.n})"


print(sorted([Item(3), Item(1), Item(2)]), max([Item(3), Item(7)]), min(Item(5), Item(4)))
try:
    sorted([Item(1), 2])
except TypeError as e:
    print("TypeError", e)
big = list(range(1000, 0, -1))
big.sort()
print(big[:5], big[-3:], sorted("zyxwv"), sorted([], reverse=True), sorted([[2, 1], [1, 2], [1]]))
print(sorted([1.5, 1, True, 0.5]), sorted(["b", "B", "a"], key=str.casefold))
order = []
xs = [5, 3, 9]
xs.sort(key=lambda v: order.append(v) or v)
print(xs, order)
