# A comment at the top.

x = (1 +
     2)
y = [
    1,
    2,  # a comment
]
z = 1 + \
    2
if x:
	# tab indentation
	a = 1
	if a:
		b = 2
def f(
    a,
    b,
):
    return {
        'k':
            'v',
    }
s = """first
    second
        third"""
    # an indented comment
t = 'x'; u = 'y'

w = x if \
    y else z
