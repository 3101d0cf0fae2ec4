"""Argument errors of built-in methods, worded as CPython words them: a
sequence's __rmul__ names no method (it once said __mul__), keywords given
to methods and to operator wrappers, counts for methods declared in tables."""
calls = [
    '"ab".__rmul__()', '"ab".__mul__()', '(1,).__rmul__()', '(1,).__mul__(1, 2)',
    '[1].__rmul__()', '[1].__mul__(x=2)', '[1].__rmul__(x=2)', '"ab".__rmul__(3)', '(1,).__rmul__(2)',
    '[].clear(x=1)', '[].append(x=1)', '[].pop(x=1)', '[].pop(1, 2)', '[].append()',
    '[].append(1, 2)', '[].index()', '[].insert(1)', '[].copy(1)', '[].reverse(1)',
    '[].__reversed__(1)', '[].__len__(x=1)', '[].count()', 'list.append([])',
    '[].__setitem__(1)', '[].__delitem__()', '[].sort(1)',
]
for expr in calls:
    try:
        print(expr, '->', eval(expr))
    except TypeError as e:
        print(expr, '!!', repr(str(e)))
l = [3, 1, 2]
l.append(4); l.extend([5]); l.insert(0, 9); l.remove(1)
print(l, l.pop(), l.pop(0), l.index(2), l.count(3), l.copy())
l.reverse(); print(l); l.sort(); print(l); l.clear(); print(l)
