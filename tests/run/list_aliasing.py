# list aliasing
a = [1, 2]
b = a
b.append(3)
c = a[:]
c.append(4)
grid = [[0] * 3] * 2
grid[0][0] = 1
print(a, b, c, grid, a is b, a == c[:3])
nested = [[1], [2]]
shallow = list(nested)
shallow[0].append(9)
print(nested, shallow, nested is shallow)
x = [1, 2, 3]
x[1:2] = [7, 8, 9]
print(x)
x[::2] = ["a", "b", "c"]
print(x)
try:
    x[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
