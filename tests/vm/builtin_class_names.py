# Built-in classes answer __module__ through type's descriptor, so their
# instances have none; messages about a built-in method name the class
# without its module, descriptor reprs name it with its module.
import collections
import itertools
import os
import sys
import types

for obj in [1.5, 1, [], ValueError(), object(), collections.deque(), itertools.count(),
            types.SimpleNamespace(), print, sys.stdout]:
    print(type(obj).__name__, hasattr(obj, "__module__"), type(obj).__module__)
print("__module__" in float.__dict__, "__module__" in ValueError.__dict__,
      "__module__" in collections.deque.__dict__, "__module__" in os.stat_result.__dict__)
print(collections.deque.append, itertools.count.__next__, os.stat_result.st_mode,
      list.append, type.__dict__["__name__"])
for call in [lambda: collections.deque().append(), lambda: [].append(),
             lambda: sys.stdout.write()]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
import threading
print("TIMEOUT_MAX" in threading.__all__, hasattr(threading.TIMEOUT_MAX, "__module__"))
