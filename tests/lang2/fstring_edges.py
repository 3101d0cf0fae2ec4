name = "world"
items = {"k": [1, 2]}
print(f"hello {name!r} {name!s} {name!a} {name.upper()} {len(name)} {name[0]}{name[-1]}")
print(f"{items['k'][1]} {items}" f" {'nested'} {f'{name}'}")
print(f"{{braces}} {{{name}}} {'{'}")
width = 8
print(f"|{name:>{width}}|{name:^{width}}|{3.14159:.{2}f}|{12:{'0'}{5}}|")
print(f"{'a' if name else 'b'} {[x * 2 for x in range(3)]} {(lambda: 5)()} {name!r:>10}")
value = 12.5
print(f"{value=}", f"{value = :.1f}", f"{1 + 1 = }", f"{name=!s}")
print(f"""multi
line {name}""", f"tab\t{name}", rf"raw\n{name}", f"{chr(65)}{ord('A')}")
print(f"{3:>5d}|{-3:<5d}|{3:^5}|{'x':*<3}|{0.000123:.2e}|{1234567:,}|{1234567:_d}|{0.25:.0%}")
try:
    f"{name:d}"
except ValueError as e:
    print("ValueError", e)
print(f"{None}", f"{True:>6}", f"{[1, 'a']!r}", f"{(1, 2)}", f"{ {'a': 1}['a'] }")
