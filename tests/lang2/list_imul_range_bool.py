# list.__imul__ (also through super()) and range.__bool__.
l = [1, 2]
print(l.__imul__(2) is l, l, l.__imul__(0), range(0).__bool__(), range(3).__bool__(), bool(range(2, 2)))
class L(list):
    def __imul__(self, n):
        print("imul", n)
        return super().__imul__(n)
x = L([1])
x *= 3
print(x, type(x).__name__)
