# loops else nested
def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")
find([1, 2, 3], 2)
find([1, 2, 3], 9)
n = 0
while True:
    n += 1
    if n > 3:
        break
print(n)
count = 0
for i in range(3):
    for j in range(3):
        for k in range(3):
            if (i + j + k) % 2:
                continue
            count += 1
print(count)
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
else:
    print("never")
for x in []:
    pass
else:
    print("empty loop else")
result = []
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    result.append(a + b + c)
print(result)
for i in range(3):
    pass
print(i)
