x = y = w = 1
f'{x}'
f"{x!r} {x!s} {x!a}"
f'{x:>10} {x:{w}} {x:{w}.{w}}'
f'{x=}', f'{x = }', f'{x=!s}', f'{x=:>4}', f'a{x=}b'
f'{{}} {{x}} {x}}}'
f'{x, y}', f'{ x }', f'{(lambda: 1)()}', f'{x if x else y}'
f"{'nested'}" f'{"q"}'
'plain ' f'{x}' ' tail'
f''
f'{x}' ''
rf'\d{x}', fR'{x}\n', Rf"{x}"
f'''multi
{x}
  {y:>{w}}'''
f'{x:{w}d}' 'c' f'{y!r:^{w}}'
f'{[1, 2][0]}' f'{ {"a": 1}["a"] }'
f'{x!r:}' f'{x:}'
f"{'a' 'b'}"
f'{3.14:.2f} {x:#x} {x:,}'
f"{x:{'>'}{10}}"
