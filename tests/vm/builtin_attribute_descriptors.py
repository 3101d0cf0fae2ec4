import sys
class A: x = 1
print(list(A.__dict__))
class B(A): pass
print(list(B.__dict__))
for b in (int, str, tuple, list, dict, set, float, Exception, type):
    class C(b): pass
    print(b.__name__, list(C.__dict__))
a = A(); a.y = 2
print(a.__dict__, a.__class__, vars(a))
a.__dict__ = {'z': 3}
print(a.z, vars(a))
try: a.__dict__ = 5
except TypeError as e: print(e)
try: a.__class__ = 5
except TypeError as e: print(e)
print((5).real, (5).imag, True.real, True.numerator, (2.5).real, (2.5).imag, (1+2j).real, (1+2j).imag)
print(type(int.__dict__['real']), type(range.__dict__['start']), type(slice.__dict__['step']))
print(range(1,5).start, range(5).step, slice(3).step, slice(1,2,3).step)
p = property(lambda s: 1, doc="d")
print(p.fget is not None, p.fset, p.__doc__, p.__isabstractmethod__)
class Q:
    @property
    def f(self): pass
    f.fget.__isabstractmethod__ = True
print(Q.__dict__['f'].__isabstractmethod__, staticmethod(Q.f.fget).__isabstractmethod__)
def g(): yield 1
gen = g()
print(gen.__name__, gen.__qualname__, gen.gi_running, gen.gi_suspended, gen.gi_code.co_name)
next(gen)
print(gen.gi_suspended, gen.gi_frame.f_code.co_name, gen.gi_frame.f_lineno)
gen.__name__ = 'h'; print(gen.__name__)
def f(a, b=2, *, c): x = 1; return x
c = f.__code__
print(c.co_name, c.co_argcount, c.co_kwonlyargcount, c.co_varnames, c.co_nlocals)
try: 1/0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_next, tb.tb_frame.f_back)
class S:
    def m(self): return super()
s = S().m()
print(s.__thisclass__, s.__self_class__, s.__class__)
d = {1: 2}
print(d.keys().mapping, d.items().mapping[1])
m = memoryview(b'abc'); print(m.nbytes, m.readonly, m.shape, m.format)
m.release()
try: m.shape
except ValueError as e: print(e)
print(type(f).__dict__['__dict__'], f.__dict__)
print(sys.__dict__ is vars(sys), type(sys).__dict__['__dict__'])
print(staticmethod(f).__func__ is f, classmethod(f).__wrapped__ is f)
print(type(A.__dict__['__dict__']), A.__dict__['__dict__'], A.__dict__['__weakref__'])
e = ValueError(1); e.foo = 2; print(e.__dict__)
class Meta(type): pass
print(list(Meta.__dict__))
print(sorted(k for k in dir(A()) if k.startswith('__w') or k.startswith('__d')))
