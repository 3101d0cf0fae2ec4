# The f-string mistakes CPython names: an empty field, a field with
# nothing before '!', ':' or '=', a backslash before a brace, (**a).
import warnings

warnings.simplefilter("ignore")

cases = [
    "f'{}'", "f'{ }'", "f'x{}y'", "f'''{\t\x0c\r\n}'''",
    "f'{!r}'", "f'{ !r}'", "f'{!}'", "f'{!'", "f'{!s:'", "f'{!x}'", "f'{ !xr:a}'",
    "f'''{\t\x0c\r\n!a}'''", "f'{:}'", "f'{ :!}'", "f'{:2}'", "f'{:'",
    "f'''{\t\x0c\r\n:a}'''", "f'{=}'", "f'{ =}'", "f'{   =!}'", "f'{='",
    "f'''{\t\x0c\r\n=}'''", "f'{a!}'", "f'{a!r'",
    "f'{**a}'", "f'{*a}'", "f'{a, **b}'", "(**a)", "(**a, b)", "( ** a )", "(**)",
]
for source in cases:
    try:
        compile(source, "<s>", "exec")
        print(repr(source), "compiles")
    except SyntaxError as e:
        print(repr(source), e.msg)

a = 6
print(repr(f'\{6*7}'), repr(f'\{{6*7}}'), repr(f'\\{6*7}'), repr(f'x\{a}y'))
print(repr(eval(r"f'a\}}'")), repr(eval(r"f'\{{'")))
