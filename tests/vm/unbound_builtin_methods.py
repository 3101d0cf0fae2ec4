"""Built-in methods called unbound without or with a wrong receiver: slot
wrappers and method descriptors word it differently, as in CPython."""
for e in ['int.__abs__()', 'int.bit_length()', 'list.append()', 'str.join()', 'int.__eq__()', 'list.__getitem__()', 'str.__getitem__()', 'object.__eq__()', 'int.__abs__("a")', 'int.bit_length("a")', 'list.__getitem__("a", 0)', 'str.__getitem__(1, 0)', 'list.__reversed__(1)', 'dict.__len__(1)', 'float.__format__(1, "")']:
    try: eval(e)
    except TypeError as x: print(e, '!!', x)
