"""Argument errors of property, classmethod and staticmethod and their
descriptor methods, worded as CPython words them."""
p=property()
for e in ['property(1,2,3,4,5)','property(x=1)','p.__set_name__(1)','p.getter()','p.__get__()','p.__get__(1,2,3)','p.__set__(1)','classmethod()','classmethod(x=1)','staticmethod(1,2)','classmethod(len).__get__()','staticmethod(len).__get__(1,2,3)']:
  try: eval(e); print(e,'ok')
  except TypeError as x: print(e,'!!',x)
