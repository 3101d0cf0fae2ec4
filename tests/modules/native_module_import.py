"""Importing a native module: sys.modules, import forms, attributes."""
import sys

import math
print('math' in sys.modules, sys.modules['math'] is math)
import math as m2
print(m2 is math)
from math import sqrt, pi as PI
print(sqrt(2.0), PI)
print(math.__name__, type(math).__name__)
print(math.sqrt.__name__, repr(math.sqrt), type(math.sqrt).__name__)
print(callable(math.floor), math.floor(2.5))
math.answer = 42
import math
print(math.answer)
del sys.modules['math']
import math
print(hasattr(math, 'answer'))
try:
    from math import nothing_here
except ImportError as e:
    print(type(e).__name__, e.name)
try:
    import math.sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
import __future__
print(__future__.all_feature_names[:3])
print(sorted(n for n in dir(math) if not n.startswith('_'))[:5])
