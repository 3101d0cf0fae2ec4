# Krait's `_symtable`, the Python half: symbol table entries made from the
# tuples `_entries` returns.

USE = 16
DEF_GLOBAL, DEF_LOCAL, DEF_PARAM, DEF_NONLOCAL = 1, 2, 4, 8
DEF_FREE, DEF_FREE_CLASS, DEF_IMPORT, DEF_ANNOT = 32, 64, 128, 256
DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT
SCOPE_OFF, SCOPE_MASK = 11, 15
LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL = 1, 2, 3, 4, 5
TYPE_FUNCTION, TYPE_CLASS, TYPE_MODULE = 0, 1, 2

_next_id = [1]


class _Entry:
    __slots__ = ("id", "type", "name", "lineno", "nested", "symbols", "varnames", "children")

    def __repr__(self):
        return f"<symtable entry {self.name}({self.id}), line {self.lineno}>"


_Entry.__name__ = _Entry.__qualname__ = "symtable entry"
_Entry.__module__ = "builtins"


def symtable(source, filename, compile_type, /):
    """Return symbol and scope dictionaries used internally by compiler."""
    rows = _entries(source, filename, compile_type)
    made = []
    for kind, name, lineno, nested, symbols, varnames, children in rows:
        entry = object.__new__(_Entry)
        entry.id = _next_id[0]
        _next_id[0] += 1
        entry.type = kind
        entry.name = name
        entry.lineno = lineno
        entry.nested = int(nested)
        entry.symbols = dict(symbols)
        entry.varnames = varnames
        made.append(entry)
    for entry, row in zip(made, rows):
        entry.children = [made[i] for i in row[6]]
    return made[0]
