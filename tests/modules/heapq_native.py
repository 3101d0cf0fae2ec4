# _heapq: the native heap operations heapq uses (min and max forms),
# their errors, and heapq's functions built on them.
import heapq
import _heapq

h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
print(heapq.heapreplace(h, 4), heapq.heappushpop(h, 1), heapq.heappushpop([], 3), h)
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data, [heapq.heappop(data) for _ in range(len(data))])
m = [3, 9, 1, 7]
_heapq._heapify_max(m)
print(m, _heapq._heappop_max(m), _heapq._heapreplace_max(m, 0), m)
print(heapq.nlargest(3, [5, 1, 9, 3, 7]), heapq.nsmallest(2, "hello"), list(heapq.merge([1, 4, 9], [2, 3, 10], reverse=False)))
print(list(heapq.merge([9, 4, 1], [8, 3], reverse=True)), heapq.nlargest(2, [(1, "a"), (3, "b"), (2, "c")], key=lambda p: p[0]))
for bad in [lambda: heapq.heappush((), 1), lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heapify(5), lambda: heapq.heappush([1], "x")]:
    try:
        bad()
    except (TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
print(heapq.heappush is _heapq.heappush)
