# A tiny expression language: tokenizer, recursive-descent parser, evaluator.
class Token:
    __slots__ = ("kind", "text", "pos")
    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos
    def __repr__(self):
        return f"Token({self.kind!r}, {self.text!r}, {self.pos})"

class LexError(Exception):
    def __init__(self, pos, ch):
        super().__init__(f"unexpected {ch!r} at {pos}")
        self.pos = pos

def tokenize(src):
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
            continue
        if c.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            yield Token("num", src[i:j], i)
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            yield Token("name", src[i:j], i)
            i = j
        elif c in "+-*/()=,^":
            yield Token("op", c, i)
            i += 1
        else:
            raise LexError(i, c)
    yield Token("end", "", len(src))

class Parser:
    def __init__(self, tokens):
        self.tokens = list(tokens)
        self.i = 0
    @property
    def cur(self):
        return self.tokens[self.i]
    def eat(self, kind, text=None):
        t = self.cur
        if t.kind != kind or (text is not None and t.text != text):
            raise SyntaxError(f"expected {text or kind} at {t.pos}, got {t.text!r}")
        self.i += 1
        return t
    def parse(self):
        e = self.expr()
        self.eat("end")
        return e
    def expr(self):
        node = self.term()
        while self.cur.kind == "op" and self.cur.text in "+-":
            op = self.eat("op").text
            node = (op, node, self.term())
        return node
    def term(self):
        node = self.power()
        while self.cur.kind == "op" and self.cur.text in "*/":
            op = self.eat("op").text
            node = (op, node, self.power())
        return node
    def power(self):
        base = self.atom()
        if self.cur.kind == "op" and self.cur.text == "^":
            self.eat("op")
            return ("^", base, self.power())
        return base
    def atom(self):
        t = self.cur
        match t:
            case Token(kind="num"):
                self.i += 1
                return float(t.text) if "." in t.text else int(t.text)
            case Token(kind="name"):
                self.i += 1
                if self.cur.text == "(":
                    self.eat("op", "(")
                    args = [self.expr()]
                    while self.cur.text == ",":
                        self.eat("op", ",")
                        args.append(self.expr())
                    self.eat("op", ")")
                    return ("call", t.text, args)
                return ("var", t.text)
            case Token(kind="op", text="("):
                self.i += 1
                e = self.expr()
                self.eat("op", ")")
                return e
            case Token(kind="op", text="-"):
                self.i += 1
                return ("neg", self.atom())
        raise SyntaxError(f"unexpected {t.text!r} at {t.pos}")

FUNCS = {"max": max, "min": min, "abs": abs, "sq": lambda x: x * x}

def evaluate(node, env):
    match node:
        case int() | float():
            return node
        case ("var", name):
            try:
                return env[name]
            except KeyError:
                raise NameError(f"undefined {name}") from None
        case ("neg", x):
            return -evaluate(x, env)
        case ("call", fname, args):
            return FUNCS[fname](*(evaluate(a, env) for a in args))
        case (op, a, b):
            x, y = evaluate(a, env), evaluate(b, env)
            return {"+": x.__add__, "-": x.__sub__, "*": x.__mul__, "/": x.__truediv__, "^": x.__pow__}[op](y)

env = {"x": 3, "y": 4.5}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-x + y", "max(x, y, 10) / 4", "sq(x) - abs(-7)", "1 / 0", "z + 1", "3 $ 4", "(1 + 2", "1.5 * 2"]:
    try:
        tree = Parser(tokenize(src)).parse()
        print(f"{src:22} => {evaluate(tree, env)!r:>8}   {tree}")
    except (LexError, SyntaxError, NameError, ZeroDivisionError) as e:
        print(f"{src:22} !! {type(e).__name__}: {e}")
print(repr(list(tokenize("a+1"))))
