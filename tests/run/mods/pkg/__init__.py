"""A package imported by the import tests."""
from .core import double
PKG_NAME = __name__
