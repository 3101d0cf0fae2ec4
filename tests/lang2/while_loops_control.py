n = 0
while True:
    n += 1
    if n % 2:
        continue
    if n > 8:
        break
print(n)
i = 0
while i < 3:
    i += 1
else:
    print("while else ran", i)
while False:
    pass
else:
    print("else after false")
for x in range(3):
    if x == 5:
        break
else:
    print("no break")
for x in range(3):
    if x == 1:
        break
else:
    print("unreachable")
print("x stays", x)
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v == 4:
            found = v
            break
    else:
        continue
    break
print("found", found, row)
count = 0
while count < 10:
    count += 3
    try:
        if count == 6:
            continue
    finally:
        pass
print(count)


def first_even(xs):
    for x in xs:
        if x % 2 == 0:
            return x
    return None


print(first_even([1, 3, 4, 6]), first_even([1]))
total = 0
k = 10
while k:
    k -= 1
    if k == 5:
        continue
    total += k
print(total)
