"""Subclasses of bytes and bytearray: instances of the subclass, shown with
its name (bytearray), and comparing with plain bytes by value."""
class B(bytes): pass
class BA(bytearray): pass
b = B(b'xy'); ba = BA(b'xy'); e = B('hé', 'utf-8'); f = BA('hé', 'utf-8')
print(type(b).__name__, b, len(b), b[0], type(ba).__name__, ba, type(e).__name__, e, type(f).__name__, f, isinstance(b, bytes), b == b'xy')
