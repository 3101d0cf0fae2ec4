# Importing modules and packages next to the script.
import sys
sys.path.insert(0, sys.path[0] + "/mods")
import helper
from helper import greet, VALUE as V
import pkg
import pkg.sub.leaf
from pkg.sub import leaf
from pkg import core as c
print(helper.VALUE, greet("x"), V, helper.__name__, helper.__doc__)
print(pkg.PKG_NAME, pkg.double(4), pkg.sub.leaf.quad(3), leaf.quad(1), c.double(5), leaf.parent_name)
print("helper" in sys.modules, sys.modules["pkg.core"] is c, type(helper).__name__)
import helper as again
print(again is helper)
from helper import *
print(greet("star"), "_private" in dir())
try:
    from helper import nothing
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    import missing_module_xyz
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
print(__name__)
