# compile()'s flags for interactive input: input more lines could complete
# is 'incomplete input' (brackets, strings, block headers, open blocks
# in 'single' mode); codeop and code.InteractiveConsole build on them;
# __future__'s features are _Feature objects with compiler flags.
import codeop, code
F = 0x200 | 0x4000
cases = ["if x:", "if x:\n  pass", "if x:\n  pass\n", "if x:\n  pass\n\n", "x = (1,", "x = 1", "x = 1\n", "'''abc", "def f():\n  return 1\n", "for i in y:\n  pass\nelse:", "x = [1,\n2]", "class A:\n  def f(self):\n    pass\n  \n", "x = '''a\nb'''", "if x:\n  pass\nelse:\n  pass", "x = 1 \\", "if x:\n  if y:\n    pass", "f(", "x = {", "if x:\n  pass\n  ", "while x:\n  y = (", "def f():\n  '''doc", "if x:\n    pass\n  else"]
for c in cases:
    for mode in ("single", "exec"):
        try:
            compile(c, "<in>", mode, F); r = "ok"
        except SyntaxError as e:
            r = "SE:" + e.msg
        print(repr(c), mode, r)
for src in ["x = 1", "if True:", "if True:\n  print('hi')", "if True:\n  print('hi')\n", "1 +"]:
    try:
        print(repr(src), codeop.compile_command(src) is None)
    except SyntaxError as e:
        print(repr(src), "SyntaxError", e.msg)
console = code.InteractiveConsole()
for line in ["x = 3", "if x:", "    print('x is', x)", "", "x * 2"]:
    more = console.push(line)
    print("more" if more else "done")
import __future__
for n in __future__.all_feature_names:
    print(n, getattr(__future__, n))
print(__future__.annotations.getMandatoryRelease(), __future__.division.getOptionalRelease())

# Errors in 'single' mode input without a final newline sit where the
# interactive tokenizer puts them.
for src in ['1 +', 'if x', 'x =', 'a b', 'print(1) 2', 'x = 1 +\n', 'f(x for x in y, 1)']:
    for mode in ('single', 'exec'):
        try:
            compile(src, '<input>', mode, 0)
        except SyntaxError as e:
            print(repr(src), mode, repr(e.text), e.offset, e.end_offset, e.msg)
