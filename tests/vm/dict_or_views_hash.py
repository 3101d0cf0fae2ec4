"""dict | dict reflected, |= with any mapping or pairs, and the set-like
dict views refusing a hash."""
d={1:2}
print(d.__ror__({3:4}), d.__ror__(1), d.__ior__([(5,6)]), d)
try: d.__ior__(1)
except TypeError as e: print(e)
print({}.keys().__hash__, {}.items().__hash__, {}.values().__hash__ is not None)
d |= {7: 8}
print(d, {0: 1} | d)
try: hash({}.keys())
except TypeError as e: print(e)
