# len() and isinstance() (called without an argument list by the loop) keep their errors.
class L:
    def __len__(self):
        return -1
for f in [lambda: len(5), lambda: len(L()), lambda: len([1, 2]), lambda: isinstance(1, 5), lambda: isinstance(1, (int, str)), lambda: isinstance(True, int), lambda: len(), lambda: isinstance(1)]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
