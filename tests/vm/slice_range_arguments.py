"""Argument errors of slice and range and their methods, worded as CPython
words them."""
s=slice(1)
for e in ['slice()','slice(1,2,3,4)','slice(x=1)','s.indices()',"s.indices('a')",'s.__eq__()','s.__lt__(1,2)', 'range(x=1)','range(3).__bool__(1)','range(3).index()','range(3).__eq__()','range(3).__reversed__(1)']:
  try: print(e, eval(e))
  except TypeError as x: print(e,'!!',x)
