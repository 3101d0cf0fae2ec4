class A: pass
class A(): pass
class A(B): pass
class A(B, C): pass
class A(B, metaclass=M): pass
class A(*bases, **kw): pass
class A:
    """Docstring."""
    x = 1
    def method(self):
        return self.x
    @property
    def prop(self): return 1
    @staticmethod
    def s(): pass
    class Inner:
        pass
@dataclass
@other(1)
class D:
    a: int
    b: str = ""
