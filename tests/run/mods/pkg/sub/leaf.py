from ..core import double
from . import __name__ as parent_name


def quad(x):
    return double(double(x))
