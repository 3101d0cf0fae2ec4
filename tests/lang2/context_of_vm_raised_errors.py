# Errors the VM raises (NameError, KeyError from a call) while another is handled get it as __context__.
def c():
    return undefined_name
try:
    1/0
except ZeroDivisionError:
    try:
        c()
    except NameError as e:
        print(repr(e.__context__))
try:
    1/0
except ZeroDivisionError:
    try:
        undefined2
    except NameError as e:
        print(repr(e.__context__))
def d(): raise KeyError(1)
try:
    1/0
except ZeroDivisionError:
    try:
        d()
    except KeyError as e:
        print(repr(e.__context__))
