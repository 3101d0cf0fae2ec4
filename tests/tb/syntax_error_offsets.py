# A SyntaxError whose offsets lie outside its text (set by a program)
# prints without a caret left of the text and none past it.
import traceback, sys
for off, end in [(-5, None), (1000, 1001), (2, -7), (2, 4), (0, 0), (3, 2)]:
    e = SyntaxError("msg", ("f.py", 1, off, "  abc def\n", 1, end))
    sys.excepthook(type(e), e, None)
