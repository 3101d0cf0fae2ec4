"""Module docstring."""
def f():
    """Function docstring."""
    'not a docstring but an expression'
class C:
    '''Class docstring.'''
...
Ellipsis
x = ...
