d = {1: "a", 2: "b"}
try:
    for k in d:
        d[k + 10] = "x"
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: "a", 2: "b"}
for k in d:
    d[k] = d[k].upper()
print(d)
for k in list(d):
    del d[k]
print(d)
xs = [1, 2, 3, 4]
for x in xs:
    if x == 2:
        xs.remove(x)
print(xs)
ys = [1, 2, 3]
out = []
for y in ys:
    out.append(y)
    if len(ys) < 6:
        ys.append(y * 10)
print(out, ys)
s = {1, 2}
try:
    for v in s:
        s.discard(v)
        s.add(v + 100)
except RuntimeError as e:
    print("RuntimeError", e)
it = iter([1, 2, 3])
lst = list(it)
print(lst, list(it))
nums = [5, 6, 7]
for i, n in enumerate(nums):
    nums[i] = n * 2
print(nums)
m = {"a": 1}
items = m.items()
m["b"] = 2
print(list(items), len(items))
