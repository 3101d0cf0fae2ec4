# Calling a built-in type that makes no instances of its own, and
# object.__new__ on it, give CPython's messages with the full type name.
import re
import unicodedata

Pattern = type(re.compile("a"))
Match = type(re.match("a", "a"))
for cls in (Pattern, Match, unicodedata.UCD, type(len), type(iter([]))):
    for make in (lambda: cls(), lambda: object.__new__(cls)):
        try:
            make()
        except TypeError as e:
            print(e)
