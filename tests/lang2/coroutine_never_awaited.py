# A coroutine dropped without being awaited is reported once per location.
async def job(n):
    return n


def make():
    job(1)
    print("made")


for i in range(3):
    make()
c = job(2)
c.close()
del c
print("end")
