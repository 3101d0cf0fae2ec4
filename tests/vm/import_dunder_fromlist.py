# __import__ with a fromlist returns the submodule itself, by position or keyword.
print(__import__('encodings.cp1252', None, None, ['*'], 0).__name__)
print(__import__('encodings.cp1252', fromlist=['*'], level=0).__name__)
print(__import__('encodings.utf_8', fromlist=['x']).__name__, __import__('encodings.utf_8').__name__)
# Exception classes that add no fields share a layout.
class E(LookupError, SystemError): pass
print(E.__mro__)
try: 
    class F(OSError, ImportError): pass
except TypeError as e: print(e)
