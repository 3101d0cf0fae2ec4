# Krait's `_io`, written in Python on top of `posix` file descriptors.
# The module is made by running this file (see io/mod.rs). It gives the
# classes and functions CPython's `io` re-exports, with CPython's names,
# modes, errors and reprs. A native version is for later, when speed asks.

import posix as _os
import _codecs

DEFAULT_BUFFER_SIZE = 8192
BlockingIOError = BlockingIOError
_SEEK_SET, _SEEK_CUR, _SEEK_END = 0, 1, 2


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


def _unsupported(name):
    raise UnsupportedOperation(name)


def _check_closed(f, msg="I/O operation on closed file."):
    if f.closed:
        raise ValueError(msg)


class _IOBase:
    """The abstract base class for all I/O classes."""

    def seek(self, pos, whence=0):
        _unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        _unsupported("truncate")

    def flush(self):
        _check_closed(self)

    __closed = False

    def close(self):
        if not self.__closed:
            try:
                self.flush()
            finally:
                self.__closed = True

    def __del__(self):
        try:
            closed = self.closed
        except AttributeError:
            return
        if not closed:
            try:
                self.close()
            except Exception:
                pass

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def _checkSeekable(self, msg=None):
        if not self.seekable():
            raise UnsupportedOperation("File or stream is not seekable."
                                       if msg is None else msg)

    def _checkReadable(self, msg=None):
        if not self.readable():
            raise UnsupportedOperation("File or stream is not readable."
                                       if msg is None else msg)

    def _checkWritable(self, msg=None):
        if not self.writable():
            raise UnsupportedOperation("File or stream is not writable."
                                       if msg is None else msg)

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError("I/O operation on closed file." if msg is None else msg)

    @property
    def closed(self):
        return self.__closed

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        _unsupported("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def readline(self, size=-1):
        if size is None:
            size = -1
        res = bytearray()
        while size < 0 or len(res) < size:
            b = self.read(1)
            if not b:
                break
            res += b
            if res.endswith(b"\n"):
                break
        return bytes(res)

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        if hint is None or hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class _RawIOBase(_IOBase):
    """Base class for raw binary I/O."""

    def read(self, size=-1):
        if size is None:
            size = -1
        if size < 0:
            return self.readall()
        b = bytearray(size)
        n = self.readinto(b)
        if n is None:
            return None
        return bytes(b[:n])

    def readall(self):
        res = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            res += data
        return bytes(res)

    def readinto(self, b):
        _unsupported("readinto")

    def write(self, b):
        _unsupported("write")


class _BufferedIOBase(_IOBase):
    """Base class for buffered IO objects."""

    def read(self, size=-1):
        _unsupported("read")

    def read1(self, size=-1):
        return self.read(size)

    def write(self, b):
        _unsupported("write")

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def readinto1(self, b):
        return self.readinto(b)

    def detach(self):
        _unsupported("detach")


class _TextIOBase(_IOBase):
    """Base class for text I/O."""

    def read(self, size=-1):
        _unsupported("read")

    def write(self, s):
        _unsupported("write")

    def detach(self):
        _unsupported("detach")

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


def _fspath(file):
    try:
        return _os.fspath(file)
    except TypeError:
        return file


class FileIO(_RawIOBase):
    """Raw I/O on a file descriptor (an OS-level file)."""

    _fd = -1
    _closefd = True

    def __init__(self, file, mode='r', closefd=True, opener=None):
        if self._fd >= 0:
            if self._closefd:
                _os.close(self._fd)
            self._fd = -1
        if isinstance(file, float):
            raise TypeError('integer argument expected, got float')
        if isinstance(file, int):
            if isinstance(file, bool):
                import warnings
                warnings.warn("bool is used as a file descriptor", RuntimeWarning, stacklevel=2)
                file = int(file)
            fd = file
            if fd < 0:
                raise ValueError('negative file descriptor')
        else:
            fd = -1
        if not isinstance(mode, str):
            raise TypeError('invalid mode: %s' % (mode,))
        if not set(mode) <= set('xrwab+'):
            raise ValueError('invalid mode: %s' % (mode,))
        if sum(c in 'rwax' for c in mode) != 1 or mode.count('+') > 1:
            raise ValueError('Must have exactly one of create/read/write/append '
                             'mode and at most one plus')
        self._created = self._readable = self._writable = self._appending = False
        if 'x' in mode:
            self._created = self._writable = True
            flags = _os.O_EXCL | _os.O_CREAT
        elif 'r' in mode:
            self._readable = True
            flags = 0
        elif 'w' in mode:
            self._writable = True
            flags = _os.O_CREAT | _os.O_TRUNC
        else:
            self._writable = self._appending = True
            flags = _os.O_APPEND | _os.O_CREAT
        if '+' in mode:
            self._readable = self._writable = True
        if self._readable and self._writable:
            flags |= _os.O_RDWR
        elif self._readable:
            flags |= _os.O_RDONLY
        else:
            flags |= _os.O_WRONLY
        flags |= _os.O_CLOEXEC
        owned = False
        if fd < 0:
            if not closefd:
                raise ValueError('Cannot use closefd=False with file name')
            if opener is None:
                fd = _os.open(file, flags, 0o666)
            else:
                fd = opener(file, flags)
                if not isinstance(fd, int):
                    raise TypeError('expected integer from opener')
                if fd < 0:
                    raise OSError('Negative file descriptor')
            owned = True
        try:
            st = _os.fstat(fd)
            if (st.st_mode & 0o170000) == 0o040000:
                import errno
                raise IsADirectoryError(errno.EISDIR, _os.strerror(errno.EISDIR), file)
            self._blksize = st.st_blksize if st.st_blksize > 1 else DEFAULT_BUFFER_SIZE
        except BaseException:
            if owned:
                _os.close(fd)
            raise
        self.name = file
        self._fd = fd
        self._closefd = closefd
        if self._appending:
            try:
                _os.lseek(fd, 0, _SEEK_END)
            except OSError:
                pass
        self._seekable = None

    def __repr__(self):
        cls = 'FileIO'
        if self.closed:
            return '<_io.%s [closed]>' % cls
        try:
            name = self.name
        except AttributeError:
            return '<_io.%s fd=%d mode=%r closefd=%r>' % (cls, self._fd, self.mode, self._closefd)
        return '<_io.%s name=%r mode=%r closefd=%r>' % (cls, name, self.mode, self._closefd)

    def _checkReadable(self):
        if not self._readable:
            raise UnsupportedOperation('File not open for reading')

    def _checkWritable(self, msg=None):
        if not self._writable:
            raise UnsupportedOperation('File not open for writing')

    def read(self, size=-1):
        self._checkClosed()
        self._checkReadable()
        if size is None or size < 0:
            return self.readall()
        return _os.read(self._fd, size)

    def readall(self):
        self._checkClosed()
        self._checkReadable()
        chunks = []
        while True:
            chunk = _os.read(self._fd, max(self._blksize, DEFAULT_BUFFER_SIZE))
            if not chunk:
                break
            chunks.append(chunk)
        return b''.join(chunks)

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def write(self, b):
        self._checkClosed()
        self._checkWritable()
        return _os.write(self._fd, bytes(b))

    def seek(self, pos, whence=_SEEK_SET):
        if isinstance(pos, float):
            raise TypeError('an integer is required')
        self._checkClosed()
        return _os.lseek(self._fd, pos, whence)

    def tell(self):
        self._checkClosed()
        return _os.lseek(self._fd, 0, _SEEK_CUR)

    def truncate(self, size=None):
        self._checkClosed()
        self._checkWritable()
        if size is None:
            size = self.tell()
        _os.ftruncate(self._fd, size)
        return size

    def close(self):
        if not self.closed:
            try:
                if self._closefd and self._fd >= 0:
                    _os.close(self._fd)
            finally:
                super().close()

    def seekable(self):
        self._checkClosed()
        if self._seekable is None:
            try:
                self.tell()
            except OSError:
                self._seekable = False
            else:
                self._seekable = True
        return self._seekable

    def readable(self):
        self._checkClosed()
        return self._readable

    def writable(self):
        self._checkClosed()
        return self._writable

    def fileno(self):
        self._checkClosed()
        return self._fd

    def isatty(self):
        self._checkClosed()
        return _os.isatty(self._fd)

    @property
    def closefd(self):
        return self._closefd

    @property
    def mode(self):
        if self._created:
            return 'xb+' if self._readable else 'xb'
        if self._appending:
            return 'ab+' if self._readable else 'ab'
        if self._readable:
            return 'rb+' if self._writable else 'rb'
        return 'wb'


class _InMemory:
    """What BytesIO and StringIO share: a position, and every operation
    allowed while open."""

    def tell(self):
        self._checkClosed()
        return self._pos

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True


class BytesIO(_InMemory, _BufferedIOBase):
    """Buffered I/O implementation using an in-memory bytes buffer."""

    def __init__(self, initial_bytes=None):
        buf = bytearray()
        if initial_bytes is not None:
            buf += initial_bytes
        self._buffer = buf
        self._pos = 0

    def __getstate__(self):
        if self.closed:
            raise ValueError("__getstate__ on closed file")
        return self.__dict__.copy()

    def getvalue(self):
        self._checkClosed()
        return bytes(self._buffer)

    def getbuffer(self):
        self._checkClosed()
        return memoryview(self._buffer)

    def close(self):
        super().close()

    def read(self, size=-1):
        self._checkClosed()
        if size is None:
            size = -1
        else:
            size = size.__index__()
        if size < 0:
            size = len(self._buffer)
        if len(self._buffer) <= self._pos:
            return b""
        newpos = min(len(self._buffer), self._pos + size)
        b = self._buffer[self._pos:newpos]
        self._pos = newpos
        return bytes(b)

    def read1(self, size=-1):
        return self.read(size)

    def readline(self, size=-1):
        self._checkClosed()
        if size is None or size < 0:
            end = len(self._buffer)
        else:
            end = min(len(self._buffer), self._pos + size)
        i = self._buffer.find(b'\n', self._pos, end)
        newpos = end if i < 0 else i + 1
        b = self._buffer[self._pos:newpos]
        self._pos = newpos
        return bytes(b)

    def write(self, b):
        self._checkClosed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(b)
        n = len(data)
        if n == 0:
            return 0
        pos = self._pos
        if pos > len(self._buffer):
            self._buffer += b'\x00' * (pos - len(self._buffer))
        self._buffer[pos:pos + n] = data
        self._pos += n
        return n

    def seek(self, pos, whence=0):
        self._checkClosed()
        try:
            pos_index = pos.__index__
        except AttributeError:
            raise TypeError(f"{pos!r} is not an integer")
        pos = pos_index()
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %r" % (pos,))
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buffer) + pos)
        else:
            raise ValueError("invalid whence (%r, should be 0, 1 or 2)" % (whence,))
        return self._pos

    def truncate(self, pos=None):
        self._checkClosed()
        if pos is None:
            pos = self._pos
        elif pos < 0:
            raise ValueError("negative size value %r" % (pos,))
        del self._buffer[pos:]
        return pos


class _Buffered(_BufferedIOBase):
    """What BufferedReader, BufferedWriter and BufferedRandom share: a raw
    stream, read ahead into `_rbuf` and written behind from `_wbuf`."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError("buffer size must be strictly positive")
        self.raw = raw
        self.buffer_size = buffer_size
        self._rbuf = b""
        self._wbuf = bytearray()

    def __repr__(self):
        name = type(self).__name__
        try:
            n = self.name
        except AttributeError:
            return "<_io.%s>" % name
        return "<_io.%s name=%r>" % (name, n)

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()

    def seekable(self):
        return self.raw.seekable()

    def readable(self):
        return self.raw.readable()

    def writable(self):
        return self.raw.writable()

    def detach(self):
        self.flush()
        raw = self.raw
        self.raw = None
        return raw

    def flush(self):
        if self.closed:
            raise ValueError("flush on closed file")
        if self._wbuf:
            data = bytes(self._wbuf)
            del self._wbuf[:]
            while data:
                n = self.raw.write(data)
                if n is None:
                    raise BlockingIOError(11, "write could not complete without blocking", 0)
                data = data[n:]
        if hasattr(self.raw, 'flush'):
            self.raw.flush()

    def close(self):
        if self.raw is not None and not self.closed:
            try:
                self.flush()
            finally:
                self.raw.close()

    def _drop_read_ahead(self):
        # The raw stream stands past what was read ahead.
        if self._rbuf:
            self.raw.seek(-len(self._rbuf), 1)
            self._rbuf = b""

    def read(self, size=-1):
        self._checkClosed()
        if not self.readable():
            raise UnsupportedOperation("read")
        self.flush()
        if size is None or size < 0:
            # A raw stream need only have read(); readall() is a shortcut.
            readall = getattr(self.raw, "readall", None)
            if readall is not None:
                rest = readall()
            else:
                chunks = []
                while chunk := self.raw.read(self.buffer_size):
                    chunks.append(chunk)
                rest = b"".join(chunks)
            out = self._rbuf + (rest or b"")
            self._rbuf = b""
            return out
        while len(self._rbuf) < size:
            chunk = self.raw.read(max(self.buffer_size, size - len(self._rbuf)))
            if not chunk:
                break
            self._rbuf += chunk
        out, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return out

    def read1(self, size=-1):
        self._checkClosed()
        if not self._rbuf:
            self.flush()
            self._rbuf = self.raw.read(self.buffer_size) or b""
        if size is None or size < 0:
            size = len(self._rbuf)
        out, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return out

    def peek(self, size=0):
        self._checkClosed()
        if not self._rbuf:
            self.flush()
            self._rbuf = self.raw.read(self.buffer_size) or b""
        return self._rbuf

    def readline(self, size=-1):
        self._checkClosed()
        if size is None:
            size = -1
        out = bytearray()
        while size < 0 or len(out) < size:
            if not self._rbuf:
                self.flush()
                self._rbuf = self.raw.read(self.buffer_size) or b""
                if not self._rbuf:
                    break
            i = self._rbuf.find(b"\n")
            take = len(self._rbuf) if i < 0 else i + 1
            if size >= 0:
                take = min(take, size - len(out))
            out += self._rbuf[:take]
            self._rbuf = self._rbuf[take:]
            if out.endswith(b"\n"):
                break
        return bytes(out)

    def write(self, b):
        self._checkClosed()
        if not self.writable():
            raise UnsupportedOperation("write")
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if self._rbuf:
            self._drop_read_ahead()
        data = bytes(b)
        self._wbuf += data
        if len(self._wbuf) >= self.buffer_size:
            self.flush()
        return len(data)

    def seek(self, pos, whence=0):
        if whence not in (0, 1, 2):
            raise ValueError("whence value %r unsupported" % (whence,))
        self._checkClosed()
        self.flush()
        if whence == 1:
            pos -= len(self._rbuf)
        self._rbuf = b""
        return self.raw.seek(pos, whence)

    def tell(self):
        self._checkClosed()
        return self.raw.tell() - len(self._rbuf) + len(self._wbuf)

    def truncate(self, pos=None):
        self._checkClosed()
        self.flush()
        if pos is None:
            pos = self.tell()
        return self.raw.truncate(pos)


class BufferedReader(_Buffered):
    """Create a new buffered reader using the given readable raw IO object."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if not raw.readable():
            raise OSError('"raw" argument must be readable.')
        super().__init__(raw, buffer_size)


class BufferedWriter(_Buffered):
    """A buffer for a writeable sequential RawIO object."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if not raw.writable():
            raise OSError('"raw" argument must be writable.')
        super().__init__(raw, buffer_size)


class BufferedRandom(_Buffered):
    """A buffered interface to random access streams."""


class BufferedRWPair(_BufferedIOBase):
    """A buffered reader and writer object together."""

    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        self.reader = BufferedReader(reader, buffer_size)
        self.writer = BufferedWriter(writer, buffer_size)

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=-1):
        return self.reader.readline(size)

    def read1(self, size=-1):
        return self.reader.read1(size)

    def peek(self, size=0):
        return self.reader.peek(size)

    def write(self, b):
        return self.writer.write(b)

    def flush(self):
        return self.writer.flush()

    def readable(self):
        return self.reader.readable()

    def writable(self):
        return self.writer.writable()

    def close(self):
        try:
            self.writer.close()
        finally:
            self.reader.close()

    @property
    def closed(self):
        return self.writer.closed


class IncrementalNewlineDecoder:
    """Decodes with `decoder`, turning \\r\\n and \\r into \\n when
    `translate` is true, and noting which newlines were seen."""

    _LF, _CR, _CRLF = 1, 2, 4

    def __init__(self, decoder, translate, errors='strict'):
        self.decoder = decoder
        self.translate = translate
        self.errors = errors
        self.seennl = 0
        self.pendingcr = False

    def decode(self, input, final=False):
        output = input if self.decoder is None else self.decoder.decode(input, final=final)
        if self.pendingcr and (output or final):
            output = "\r" + output
            self.pendingcr = False
        if output.endswith("\r") and not final:
            output = output[:-1]
            self.pendingcr = True
        crlf = output.count('\r\n')
        cr = output.count('\r') - crlf
        lf = output.count('\n') - crlf
        self.seennl |= (lf and self._LF) | (cr and self._CR) | (crlf and self._CRLF)
        if self.translate:
            if crlf:
                output = output.replace("\r\n", "\n")
            if cr:
                output = output.replace("\r", "\n")
        return output

    def getstate(self):
        if self.decoder is None:
            buf, flag = b"", 0
        else:
            buf, flag = self.decoder.getstate()
        flag <<= 1
        if self.pendingcr:
            flag |= 1
        return buf, flag

    def setstate(self, state):
        buf, flag = state
        self.pendingcr = bool(flag & 1)
        if self.decoder is not None:
            self.decoder.setstate((buf, flag >> 1))

    def reset(self):
        self.seennl = 0
        self.pendingcr = False
        if self.decoder is not None:
            self.decoder.reset()

    @property
    def newlines(self):
        return (None, "\n", "\r", ("\r", "\n"), "\r\n", ("\n", "\r\n"),
                ("\r", "\r\n"), ("\r", "\n", "\r\n"))[self.seennl]


def _universal_line_end(text, pos, complete):
    """Where the line starting at `pos` ends when \\n, \\r and \\r\\n all
    end lines, or -1. A \\r at the end of `text` ends a line only when
    `complete` (no \\n can follow it)."""
    n = text.find("\n", pos)
    r = text.find("\r", pos, n if n >= 0 else len(text))
    if r < 0:
        return n + 1 if n >= 0 else -1
    if r + 1 < len(text):
        return r + 2 if text[r + 1] == "\n" else r + 1
    return r + 1 if complete else -1


def text_encoding(encoding, stacklevel=2):
    if encoding is None:
        return "locale"
    return encoding


class TextIOWrapper(_TextIOBase):
    """Character and line based layer over a BufferedIOBase object."""

    _CHUNK_SIZE = 8192

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("illegal newline type: %r" % (type(newline),))
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if encoding is None or encoding == "locale":
            encoding = "UTF-8"
        if not isinstance(encoding, str):
            raise TypeError("TextIOWrapper() argument 'encoding' must be str or None, not %s"
                            % type(encoding).__name__)
        if errors is None:
            errors = "strict"
        elif not isinstance(errors, str):
            raise TypeError("TextIOWrapper() argument 'errors' must be str or None, not %s"
                            % type(errors).__name__)
        info = _codecs.lookup(encoding)
        if not getattr(info, '_is_text_encoding', True):
            raise LookupError("%r is not a text encoding; use codecs.open() to handle "
                              "arbitrary codecs" % encoding)
        self._buffer = buffer
        self._encoding = encoding
        self._errors = errors
        self._readuniversal = not newline
        self._readtranslate = newline is None
        self._readnl = newline
        self._writetranslate = newline != ''
        self._writenl = newline or "\n"
        self._line_buffering = line_buffering
        self._write_through = write_through
        self._info = info
        self._decoder = None
        self._encoder = None
        self._decoded = ""
        self._decoded_pos = 0
        # The byte position where `_decoded`'s text starts, and the text
        # as decoded (before newline translation), for tell().
        self._snapshot = None
        self._seekable = buffer.seekable()
        self._telling = self._seekable
        self._has_read1 = hasattr(buffer, 'read1')

    def __repr__(self):
        result = "<_io.TextIOWrapper"
        try:
            name = self.name
        except AttributeError:
            pass
        else:
            result += " name={0!r}".format(name)
        try:
            mode = self.mode
        except AttributeError:
            pass
        else:
            result += " mode={0!r}".format(mode)
        return result + " encoding={0!r}>".format(self.encoding)

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def buffer(self):
        return self._buffer

    @property
    def closed(self):
        return self._buffer.closed

    @property
    def name(self):
        return self._buffer.name

    @property
    def newlines(self):
        return self._decoder.newlines if self._decoder else None

    def fileno(self):
        return self._buffer.fileno()

    def isatty(self):
        return self._buffer.isatty()

    def seekable(self):
        self._checkClosed()
        return self._seekable

    def readable(self):
        return self._buffer.readable()

    def writable(self):
        return self._buffer.writable()

    def flush(self):
        self._buffer.flush()

    def close(self):
        if self._buffer is not None and not self.closed:
            try:
                self.flush()
            finally:
                self._buffer.close()

    def detach(self):
        if self._buffer is None:
            raise ValueError("buffer is already detached")
        self.flush()
        buffer = self._buffer
        self._buffer = None
        return buffer

    def reconfigure(self, *, encoding=None, errors=None, newline=Ellipsis,
                    line_buffering=None, write_through=None):
        if encoding is not None:
            self._encoding = encoding
            self._encoder = self._decoder = None
        if errors is not None:
            self._errors = errors
        if newline is not Ellipsis:
            self._readuniversal = not newline
            self._readtranslate = newline is None
            self._readnl = newline
            self._writetranslate = newline != ''
            self._writenl = newline or "\n"
        if line_buffering is not None:
            self._line_buffering = line_buffering
        if write_through is not None:
            self._write_through = write_through

    def _get_encoder(self):
        if self._encoder is None:
            self._encoder = self._info.incrementalencoder(self._errors)
        return self._encoder

    def _get_decoder(self):
        if self._decoder is None:
            decoder = self._info.incrementaldecoder(self._errors)
            if self._readuniversal:
                decoder = IncrementalNewlineDecoder(decoder, self._readtranslate)
            self._decoder = decoder
        return self._decoder

    def write(self, s):
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        if not self._buffer.writable():
            raise UnsupportedOperation("not writable")
        length = len(s)
        haslf = (self._writetranslate or self._line_buffering) and "\n" in s
        if haslf and self._writetranslate and self._writenl != "\n":
            s = s.replace("\n", self._writenl)
        b = self._get_encoder().encode(s)
        if self._decoded or self._decoder:
            self._rewind_decoded()
        self._buffer.write(b)
        if self._line_buffering and (haslf or "\r" in s):
            self.flush()
        if self._write_through:
            self.flush()
        return length

    def _rewind_decoded(self):
        # Writing after reading: the raw stream goes back to where the
        # text read so far ends.
        if self._decoded_pos < len(self._decoded) and self._seekable:
            self._buffer.seek(self.tell())
        self._decoded = ""
        self._decoded_pos = 0
        self._snapshot = None
        if self._decoder:
            self._decoder.reset()

    def _read_chunk(self):
        """Reads and decodes the next chunk: False at the end."""
        if self._seekable:
            start = self._buffer.tell()
        else:
            start = None
        if self._has_read1:
            data = self._buffer.read1(self._CHUNK_SIZE)
        else:
            data = self._buffer.read(self._CHUNK_SIZE)
        eof = not data
        decoder = self._get_decoder()
        text = decoder.decode(data, eof)
        rest = self._decoded[self._decoded_pos:]
        self._snapshot = (start, data, rest) if start is not None else None
        self._decoded = rest + text
        self._decoded_pos = 0
        return not eof

    def read(self, size=-1):
        self._checkClosed()
        if not self._buffer.readable():
            raise UnsupportedOperation("not readable")
        if size is None:
            size = -1
        else:
            try:
                size = size.__index__()
            except AttributeError:
                raise TypeError(f"{size!r} is not an integer")
        if size < 0:
            decoder = self._get_decoder()
            data = self._buffer.read()
            result = self._decoded[self._decoded_pos:] + decoder.decode(data, final=True)
            self._decoded = ""
            self._decoded_pos = 0
            self._snapshot = None
            return result
        while len(self._decoded) - self._decoded_pos < size:
            if not self._read_chunk():
                break
        result = self._decoded[self._decoded_pos:self._decoded_pos + size]
        self._decoded_pos += len(result)
        return result

    def __next__(self):
        self._telling = False
        line = self.readline()
        if not line:
            self._snapshot = None
            self._telling = self._seekable
            raise StopIteration
        return line

    def readline(self, size=None):
        self._checkClosed()
        if size is None:
            size = -1
        else:
            try:
                size = size.__index__()
            except AttributeError:
                raise TypeError(f"{size!r} is not an integer")
        while True:
            text = self._decoded
            pos = self._decoded_pos
            if self._readtranslate or self._readnl == "\n":
                i = text.find("\n", pos)
                end = i + 1 if i >= 0 else -1
            elif self._readuniversal:
                end = _universal_line_end(text, pos, False)
            else:
                i = text.find(self._readnl, pos)
                end = i + len(self._readnl) if i >= 0 else -1
            if end >= 0 and (size < 0 or end - pos <= size):
                self._decoded_pos = end
                return text[pos:end]
            if size >= 0 and len(text) - pos >= size:
                self._decoded_pos = pos + size
                return text[pos:pos + size]
            if not self._read_chunk():
                line = self._decoded[self._decoded_pos:]
                self._decoded = ""
                self._decoded_pos = 0
                return line

    def tell(self):
        self._checkClosed()
        if not self._seekable:
            raise UnsupportedOperation("underlying stream is not seekable")
        if not self._telling:
            raise OSError("telling position disabled by next() call")
        self.flush()
        position = self._buffer.tell()
        if self._snapshot is None or self._decoder is None:
            return position
        start, data, rest = self._snapshot
        consumed = self._decoded[:self._decoded_pos]
        # The bytes of the text handed out since the chunk started.
        decoder = self._info.incrementaldecoder(self._errors)
        if self._readuniversal:
            decoder = IncrementalNewlineDecoder(decoder, self._readtranslate)
        target = len(consumed) - len(rest)
        if target < 0:
            return start
        for n in range(len(data) + 1):
            decoder.reset()
            if len(decoder.decode(data[:n], n == len(data))) >= target:
                return start + n
        return position

    def seek(self, cookie, whence=0):
        self._checkClosed()
        if not self._seekable:
            raise UnsupportedOperation("underlying stream is not seekable")
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            cookie = self.tell()
            whence = 0
        elif whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self.flush()
            position = self._buffer.seek(0, 2)
            self._decoded = ""
            self._decoded_pos = 0
            self._snapshot = None
            if self._decoder:
                self._decoder.reset()
            return position
        if whence != 0:
            raise ValueError("invalid whence (%r, should be 0, 1 or 2)" % (whence,))
        if cookie < 0:
            raise ValueError("negative seek position %r" % (cookie,))
        self.flush()
        self._buffer.seek(cookie)
        self._decoded = ""
        self._decoded_pos = 0
        self._snapshot = None
        if self._decoder:
            self._decoder.reset()
        if self._encoder:
            self._encoder.reset()
        return cookie

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self._buffer.truncate(pos)


class StringIO(_InMemory, _TextIOBase):
    """Text I/O implementation using an in-memory buffer."""

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        self._readuniversal = not newline
        self._readtranslate = newline is None
        self._writenl = newline
        self._newline_decoder = (IncrementalNewlineDecoder(None, self._readtranslate)
                                 if self._readuniversal else None)
        self._chunks = []
        self._text = ""
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def __getstate__(self):
        return (self.getvalue(), self._writenl, self._pos, self.__dict__.copy())

    def _value(self):
        if self._chunks:
            self._text += "".join(self._chunks)
            self._chunks = []
        return self._text

    def getvalue(self):
        self._checkClosed()
        return self._value()

    def write(self, s):
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        length = len(s)
        if self._newline_decoder is not None:
            s = self._newline_decoder.decode(s, final=True)
        elif self._writenl and self._writenl != "\n":
            s = s.replace("\n", self._writenl)
        text_len = len(self._text) + sum(map(len, self._chunks))
        if self._pos == text_len:
            self._chunks.append(s)
        else:
            text = self._value()
            if self._pos > len(text):
                text += "\0" * (self._pos - len(text))
            self._text = text[:self._pos] + s + text[self._pos + len(s):]
        self._pos += len(s)
        return length

    def read(self, size=-1):
        self._checkClosed()
        text = self._value()
        if size is None or size < 0:
            end = len(text)
        else:
            end = self._pos + size
        result = text[self._pos:end]
        self._pos = max(self._pos, min(end, len(text)))
        return result

    def readline(self, size=-1):
        self._checkClosed()
        if size is None:
            size = -1
        text = self._value()
        pos = self._pos
        if self._readuniversal and not self._readtranslate:
            end = _universal_line_end(text, pos, True)
        else:
            nl = self._writenl if self._writenl else "\n"
            i = text.find(nl, pos)
            end = i + len(nl) if i >= 0 else -1
        if end < 0:
            end = len(text)
        if size >= 0:
            end = min(end, pos + size)
        self._pos = max(pos, end)
        return text[pos:end]

    def seek(self, pos, whence=0):
        self._checkClosed()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % (pos,))
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._value())
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % (whence,))
        return self._pos

    def truncate(self, pos=None):
        self._checkClosed()
        if pos is None:
            pos = self._pos
        elif pos < 0:
            raise ValueError("Negative size value %d" % (pos,))
        self._text = self._value()[:pos]
        return pos

    @property
    def line_buffering(self):
        self._checkClosed()
        return False

    @property
    def newlines(self):
        if self._newline_decoder is None:
            return None
        return self._newline_decoder.newlines

    def __repr__(self):
        return "<_io.StringIO object at %#x>" % id(self)


def open(file, mode="r", buffering=-1, encoding=None, errors=None,
         newline=None, closefd=True, opener=None):
    if not isinstance(file, int):
        file = _fspath(file)
    if not isinstance(file, (str, bytes, int)):
        raise TypeError("invalid file: %r" % file)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" % type(mode).__name__)
    if not isinstance(buffering, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(buffering).__name__)
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("open() argument 'encoding' must be str or None, not %s"
                        % type(encoding).__name__)
    if errors is not None and not isinstance(errors, str):
        raise TypeError("open() argument 'errors' must be str or None, not %s"
                        % type(errors).__name__)
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError("invalid mode: '%s'" % mode)
    creating = "x" in modes
    reading = "r" in modes
    writing = "w" in modes
    appending = "a" in modes
    updating = "+" in modes
    text = "t" in modes
    binary = "b" in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        import warnings
        warnings.warn("line buffering (buffering=1) isn't supported in binary "
                      "mode, the default buffer size will be used",
                      RuntimeWarning, 2)
    raw = FileIO(file,
                 (creating and "x" or "") +
                 (reading and "r" or "") +
                 (writing and "w" or "") +
                 (appending and "a" or "") +
                 (updating and "+" or ""),
                 closefd, opener=opener)
    result = raw
    try:
        line_buffering = False
        if buffering == 1 or buffering < 0 and raw.isatty():
            buffering = -1
            line_buffering = True
        if buffering < 0:
            buffering = max(getattr(raw, '_blksize', DEFAULT_BUFFER_SIZE), DEFAULT_BUFFER_SIZE)
        if buffering < 0:
            raise ValueError("invalid buffering size")
        if buffering == 0:
            if binary:
                return result
            raise ValueError("can't have unbuffered text I/O")
        if updating:
            buffer = BufferedRandom(raw, buffering)
        elif creating or writing or appending:
            buffer = BufferedWriter(raw, buffering)
        elif reading:
            buffer = BufferedReader(raw, buffering)
        else:
            raise ValueError("unknown mode: %r" % mode)
        result = buffer
        if binary:
            return result
        encoding = text_encoding(encoding)
        text = TextIOWrapper(buffer, encoding, errors, newline, line_buffering)
        result = text
        text.mode = mode
        return result
    except:
        result.close()
        raise


def open_code(path):
    if not isinstance(path, str):
        raise TypeError("open_code() argument 'path' must be str, not %s" % type(path).__name__)
    return open(path, "rb")


for _cls in (_IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase, FileIO, BytesIO,
             BufferedReader, BufferedWriter, BufferedRandom, BufferedRWPair,
             IncrementalNewlineDecoder, TextIOWrapper, StringIO):
    _cls.__module__ = '_io'
del _cls
