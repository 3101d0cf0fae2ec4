# ast.parse builds trees of ast node objects from Krait's parser; dump,
# unparse, literal_eval, walk, transformers and compiling a tree back work.
import ast

source = """
x = 1 + 2*y
print(f'{x!r:>3}')
class A(B, metaclass=M):
    '''doc'''
    def f(self, a, /, b=1, *c, d, e=2, **f) -> int:
        return a if b else -c
async def g():
    async with a as b, c:
        await d
    async for i in j: pass
match p:
    case [1, *rest] if rest: pass
    case {'k': v, **kw}: pass
    case Point(x=0, y=_) | None: pass
try:
    pass
except* ValueError as e:
    raise X from e
finally:
    del a[1:2, ::3]
lambda *a, **k: (yield)
{k: v for k, v in d.items() if k}
"""
tree = ast.parse(source)
print(ast.dump(tree, include_attributes=True))
print(ast.dump(tree, indent=2)[:400])
print(ast.unparse(tree))

print(ast.literal_eval("[1, 2.5, -3j, 'a', b'b', (None, True), {1: 2}, {3}, -1+2j]"))
try:
    ast.literal_eval("f(1)")
except ValueError as e:
    print("ValueError:", str(e).split(" at 0x")[0])

# The classes: fields, match args, docs, defaults, inheritance.
print(ast.Name.__doc__, ast.Name._fields, ast.Name.__match_args__, ast.Name._attributes)
print(ast.stmt.__doc__.splitlines()[:3], ast.expr_context.__doc__)
print(ast.arguments.__doc__, ast.arguments.vararg, ast.Return.value, ast.expr.end_lineno)
print(ast.Name.__mro__, ast.AST.__module__, ast.Load._fields)
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)

# Making nodes by hand.
n = ast.Name('x')
print(ast.dump(n), n.__dict__, n.__reduce__())
print(ast.dump(ast.Name(id='y', ctx=ast.Store(), extra=3)), ast.Name(extra=3).extra)
for bad in [lambda: ast.Name('x', ast.Load(), 3), lambda: ast.Pass(1), lambda: ast.alias('a', 'b', 'c')]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(ast.Load().__reduce__())

# The parser shares its context and operator instances.
print(ast.parse('x').body[0].value.ctx is ast.parse('y').body[0].value.ctx)
print(type(ast.parse('a + b').body[0].value.op).__name__)

# Walking, visiting, matching.
print([type(node).__name__ for node in ast.walk(ast.parse("a.b(c, *d, k=e)"))])


class Renamer(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id != "x":
            return node
        return ast.copy_location(ast.Name("renamed", node.ctx), node)

    def visit_Constant(self, node):
        return ast.Constant(node.value * 10)


t = ast.fix_missing_locations(Renamer().visit(ast.parse("x = 4\nprint(x + 2)")))
print(ast.unparse(t))
exec(compile(t, "<renamed>", "exec"))
print(ast.get_docstring(ast.parse('"""the doc"""\nx = 1')))
match ast.parse("f(1)").body[0].value:
    case ast.Call(ast.Name(id=name), [ast.Constant(value=v)]):
        print("matched", name, v)

# Trees compile in each mode.
ns = {}
exec(compile(ast.parse("def sq(v):\n    return v * v\nr = sq(7)"), "<t>", "exec"), ns)
print(ns["r"])
print(eval(compile(ast.parse("3 * 4", mode="eval"), "<e>", "eval")))
exec(compile(ast.parse("1 + 1", mode="single"), "<s>", "single"))
print(type(ast.parse("x", mode="single")).__name__, ast.dump(ast.parse("x", mode="eval")))
code = compile("a = 1", "<c>", "exec", ast.PyCF_ONLY_AST)
print(type(code).__name__, compile(code, "<c>", "exec", ast.PyCF_ONLY_AST) is code)

# Line numbers of compiled trees reach tracebacks.
try:
    exec(compile(ast.parse("\n\n1 / 0", "<lines>"), "<lines>", "exec"))
except ZeroDivisionError as e:
    print("line", e.__traceback__.tb_next.tb_lineno)

try:
    ast.parse("x = (")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
try:
    ast.parse("1" + "+1" * 100000)
except RecursionError as e:
    print("RecursionError:", e)
