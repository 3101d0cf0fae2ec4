if a:
    pass
if a: pass
elif b: pass
elif c:
    pass
else:
    pass
while a:
    pass
else:
    pass
for x in y:
    pass
else:
    pass
for x, y in z: pass
for x, in z: pass
for (x, y), z in w: pass
for *a, b in c: pass
for x in 1, 2, 3: pass
for x in *a, *b: pass
try:
    pass
except:
    pass
try:
    pass
except E:
    pass
except (E, F) as e:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* E:
    pass
except* (F, G) as e:
    pass
else:
    pass
finally:
    pass
if x:
    if y:
        pass
    else:
        z = 1
while True:
    try:
        break
    finally:
        continue
