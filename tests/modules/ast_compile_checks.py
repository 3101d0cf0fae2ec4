# compile() checks a tree built in Python as CPython does: missing and
# mistyped fields, contexts, empty bodies, mismatched lists.
import ast


def loc(node):
    node.lineno = node.end_lineno = 1
    node.col_offset = node.end_col_offset = 0
    return node


def name(id, ctx=None):
    return loc(ast.Name(id, ctx or ast.Load()))


def const(v):
    return loc(ast.Constant(v))


def stmt(node):
    return ast.Module([loc(node)], [])


def attempt(label, tree, mode="exec"):
    try:
        compile(tree, "<tree>", mode)
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, str(e).split(" at 0x")[0])


attempt("no body", ast.Module())
attempt("no type_ignores", ast.Module(body=[]))
attempt("stmt without lineno", ast.Module([ast.Expr(name("x"))], []))
attempt("expr without lineno", stmt(ast.Expr(ast.Name("x", ast.Load()))))
attempt("good", stmt(ast.Expr(name("x"))))
attempt("store in load", stmt(ast.Expr(name("x", ast.Store()))))
attempt("assign to call", stmt(ast.Assign([loc(ast.Call(name("f"), [], []))], const(1))))
attempt("context not a node", stmt(ast.Expr(const([1]))))
attempt("identifier not str", stmt(ast.Expr(name(3))))
attempt("body not list", ast.Module(body=ast.Pass(), type_ignores=[]))
attempt("eval tree", ast.Expression(body=const(1)), "eval")
attempt("eval tree in exec", ast.Expression(body=const(1)), "exec")
attempt("None as name", stmt(ast.Expr(name("None"))))
attempt("empty targets", stmt(ast.Assign(targets=[], value=const(1))))
attempt("empty if", stmt(ast.If(const(1), [], [])))
attempt("bad lineno", ast.Module([ast.Expr(const(1), lineno="a", col_offset=0)], []))
attempt("not a tree", 3)
attempt("None in body", ast.Module([None], []))
attempt("required None", stmt(ast.Expr(None)))
attempt("boolop of one", stmt(ast.Expr(loc(ast.BoolOp(ast.And(), [name("a")])))))
attempt("dict lengths", stmt(ast.Expr(loc(ast.Dict([None], [])))))
attempt("compare", stmt(ast.Expr(loc(ast.Compare(name("a"), [ast.Lt()], [])))))
attempt("raise cause", stmt(ast.Raise(None, name("e"))))
attempt("try alone", stmt(ast.Try([loc(ast.Pass())], [], [], [])))
attempt("try orelse", stmt(ast.Try([loc(ast.Pass())], [], [loc(ast.Pass())], [loc(ast.Pass())])))
attempt("import none", stmt(ast.Import([])))
attempt("negative level", stmt(ast.ImportFrom("m", [loc(ast.alias("x"))], -1)))
attempt("annassign simple", stmt(ast.AnnAssign(loc(ast.Attribute(name("a"), "b", ast.Store())), name("int"), None, 1)))
attempt("comprehension", stmt(ast.Expr(loc(ast.ListComp(name("x"), [])))))
attempt("bad constant", stmt(ast.Expr(const(object))))
attempt("wrong node", stmt(ast.Expr(ast.Module([], []))))
attempt("operator", stmt(ast.Expr(loc(ast.BinOp(name("a"), ast.Load(), name("b"))))))
attempt("defaults", stmt(ast.FunctionDef("f", ast.arguments([], [], None, [], [], None, [const(1)]), [loc(ast.Pass())], [], None)))
attempt("match or", stmt(ast.Match(name("x"), [ast.match_case(loc(ast.MatchOr([])), None, [loc(ast.Pass())])])))
attempt("match star", stmt(ast.Match(name("x"), [ast.match_case(loc(ast.MatchStar("a")), None, [loc(ast.Pass())])])))
attempt("capture _", stmt(ast.Match(name("x"), [ast.match_case(loc(ast.MatchAs(None, "_")), None, [loc(ast.Pass())])])))
attempt("return outside", stmt(ast.Return(const(1))))


class MyName(ast.Name):
    pass


ns = {}
exec(compile(ast.Module([loc(ast.Assign([loc(MyName("v", ast.Store()))], const(5)))], []), "<sub>", "exec"), ns)
print("subclass nodes compile:", ns["v"])
