# `_thread._local`, Krait's own code. An instance's attribute dict holds
# the values of the thread that used it last; when another thread uses
# it, the dict's contents are put aside for the old thread and the new
# thread's brought in (made, with `__init__` run again with the
# constructor's arguments, on a thread's first use).

class _local:
    """Thread-local data"""
    __module__ = '_thread'
    __slots__ = ('_local__state', '__dict__', '__weakref__')

    def __new__(cls, /, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError('Initialization arguments are not supported')
        self = object.__new__(cls)
        # [contents of the threads not using it now, using thread, args, kw]
        object.__setattr__(self, '_local__state', [{}, get_ident(), args, kw])
        return self

    def __getattribute__(self, name):
        _enter(self)
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(
                f"{type(self).__name__!r} object attribute '__dict__' is read-only")
        _enter(self)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError(
                f"{type(self).__name__!r} object attribute '__dict__' is read-only")
        _enter(self)
        object.__delattr__(self, name)


# Thread identity to the put-aside tables holding an entry for that
# thread, so the entries go when the thread ends.
_by_thread = {}


def _enter(self):
    state = object.__getattribute__(self, '_local__state')
    me = get_ident()
    if state[1] == me:
        return
    aside, owner, args, kw = state
    d = object.__getattribute__(self, '__dict__')
    aside[owner] = dict(d)
    _by_thread.setdefault(owner, []).append(aside)
    d.clear()
    state[1] = me
    mine = aside.pop(me, None)
    if mine is not None:
        d.update(mine)
        return
    init = type(self).__init__
    if init is not object.__init__:
        init(self, *args, **kw)


def _thread_ended(ident):
    for aside in _by_thread.pop(ident, ()):
        aside.pop(ident, None)
