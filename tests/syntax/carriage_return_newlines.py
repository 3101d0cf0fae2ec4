# Source text given to compile(), exec() and eval() reads '\r\n' and '\r'
# as '\n', as a file does.
sources = [
    "x = 1\r\ny = 2\r\nprint(x + y)\r\n",
    "x = 1\ry = 2\rprint(x * y)",
    "print('''a\r\nb''')",
    "print('''a\rb''')",
    "print(1 +\\\r 2)",
    "print(1 +\\\r\n 3)",
    "print('a\\\r\nb', f'c\\\rd')",
    "if True:\r    print('block')\r",
]
for source in sources:
    exec(source)
for source in ['"a\rb"', "f'{1 +\r 2}'"]:
    try:
        print(eval(source))
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
print(eval("1 +\\\r\n 1"), eval("'x\\\ry'"))
