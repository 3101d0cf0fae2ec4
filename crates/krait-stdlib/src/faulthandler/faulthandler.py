# Krait's `faulthandler`, in Python. Krait reports its own crashes, so
# enabling the handler only records the wish; `dump_traceback` writes the
# running thread's stack as CPython's does. The watchdog and signal
# registrations are accepted and checked but do nothing.

import sys as _sys

_enabled = False


def _file_of(file):
    if file is None:
        file = _sys.stderr
        if file is None:
            raise RuntimeError("sys.stderr is None")
    if isinstance(file, int):
        if file < 0:
            raise ValueError("file is not a valid file descripter")
        return file
    file.fileno()
    return file


def _write(file, text):
    if isinstance(file, int):
        import os
        os.write(file, text.encode("utf-8", "backslashreplace"))
    else:
        file.write(text)
        file.flush()


def enable(file=None, all_threads=True):
    """enable(file=sys.stderr, all_threads=True): enable the fault handler"""
    global _enabled
    _file_of(file)
    _enabled = True


def disable():
    """disable(): disable the fault handler"""
    global _enabled
    was, _enabled = _enabled, False
    return was


def is_enabled():
    """is_enabled()->bool: check if the handler is enabled"""
    return _enabled


def dump_traceback(file=None, all_threads=True):
    """dump_traceback(file=sys.stderr, all_threads=True): dump the traceback of the current thread, or of all threads if all_threads is True, into file"""
    file = _file_of(file)
    if all_threads:
        from _thread import get_ident
        lines = [f"Current thread 0x{get_ident():016x} (most recent call first):\n"]
    else:
        lines = ["Stack (most recent call first):\n"]
    frame = _sys._getframe(1)
    while frame is not None:
        code = frame.f_code
        lines.append(f'  File "{code.co_filename}", line {frame.f_lineno} in {code.co_name}\n')
        frame = frame.f_back
    _write(file, "".join(lines))


def dump_traceback_later(timeout, repeat=False, file=None, exit=False):
    """dump_traceback_later(timeout, repeat=False, file=sys.stderr, exit=False):
dump the traceback of all threads in timeout seconds,
or each timeout seconds if repeat is True. If exit is True, call _exit(1) which is not safe."""
    if timeout <= 0:
        raise ValueError("timeout must be greater than 0")
    _file_of(file)


def cancel_dump_traceback_later():
    """cancel_dump_traceback_later():
cancel the previous call to dump_traceback_later()."""


def register(signum, file=None, all_threads=True, chain=False):
    """register(signum, file=sys.stderr, all_threads=True, chain=False): register a handler for the signal 'signum': dump the traceback of the current thread, or of all threads if all_threads is True, into file"""
    import signal
    if signum < 1 or signum >= signal.NSIG:
        raise ValueError("signal number out of range")
    if signum in (signal.SIGSEGV, signal.SIGFPE, signal.SIGABRT, signal.SIGBUS, signal.SIGILL):
        raise RuntimeError(f"signal {signum} cannot be registered, use enable() instead")
    _file_of(file)


def unregister(signum):
    """unregister(signum): unregister the handler of the signal 'signum' registered by register()"""
    return False
