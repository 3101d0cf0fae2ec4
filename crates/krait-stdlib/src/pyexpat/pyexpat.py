# Krait's `pyexpat`, the Python half: the `xmlparser` object with
# Expat's handler attributes, text buffering and attribute reporting,
# dispatching the events the native scanner (`_scanner`) produces.

import sys as _sys

EXPAT_VERSION = "expat_2.5.0"
version_info = (2, 5, 0)
native_encoding = "UTF-8"
features = [("sizeof(XML_Char)", 1), ("sizeof(XML_LChar)", 1), ("XML_DTD", 0),
            ("XML_CONTEXT_BYTES", 1024), ("XML_NS", 0), ("XML_BLAP_MAX_AMP", 100),
            ("XML_BLAP_ACT_THRES", 8388608)]
XML_PARAM_ENTITY_PARSING_NEVER = 0
XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE = 1
XML_PARAM_ENTITY_PARSING_ALWAYS = 2

_MESSAGES = [
    None, "out of memory", "syntax error", "no element found", "not well-formed (invalid token)",
    "unclosed token", "partial character", "mismatched tag", "duplicate attribute",
    "junk after document element", "illegal parameter entity reference", "undefined entity",
    "recursive entity reference", "asynchronous entity", "reference to invalid character number",
    "reference to binary entity", "reference to external entity in attribute",
    "XML or text declaration not at start of entity", "unknown encoding",
    "encoding specified in XML declaration is incorrect", "unclosed CDATA section",
    "error in processing external entity reference", "document is not standalone",
    "unexpected parser state - please send a bug report", "entity declared in parameter entity",
    "requested feature requires XML_DTD support in Expat",
    "cannot change setting once parsing has begun", "unbound prefix", "must not undeclare prefix",
    "incomplete markup in parameter entity", "XML declaration not well-formed",
    "text declaration not well-formed", "illegal character(s) in public id", "parser suspended",
    "parser not suspended", "parsing aborted", "parsing finished",
    "cannot suspend in external parameter entity",
    "reserved prefix (xml) must not be undeclared or bound to another namespace name",
    "reserved prefix (xmlns) must not be declared or undeclared",
    "prefix must not be bound to one of the reserved namespace names", "invalid argument",
    "a successful prior call to function XML_GetBuffer is required",
    "limit on input amplification factor (from DTD and entities) breached",
]
_ERROR_NAMES = [
    None, "NO_MEMORY", "SYNTAX", "NO_ELEMENTS", "INVALID_TOKEN", "UNCLOSED_TOKEN", "PARTIAL_CHAR",
    "TAG_MISMATCH", "DUPLICATE_ATTRIBUTE", "JUNK_AFTER_DOC_ELEMENT", "PARAM_ENTITY_REF",
    "UNDEFINED_ENTITY", "RECURSIVE_ENTITY_REF", "ASYNC_ENTITY", "BAD_CHAR_REF", "BINARY_ENTITY_REF",
    "ATTRIBUTE_EXTERNAL_ENTITY_REF", "MISPLACED_XML_PI", "UNKNOWN_ENCODING", "INCORRECT_ENCODING",
    "UNCLOSED_CDATA_SECTION", "EXTERNAL_ENTITY_HANDLING", "NOT_STANDALONE", "UNEXPECTED_STATE",
    "ENTITY_DECLARED_IN_PE", "FEATURE_REQUIRES_XML_DTD", "CANT_CHANGE_FEATURE_ONCE_PARSING",
    "UNBOUND_PREFIX", "UNDECLARING_PREFIX", "INCOMPLETE_PE", "XML_DECL", "TEXT_DECL", "PUBLICID",
    "SUSPENDED", "NOT_SUSPENDED", "ABORTED", "FINISHED", "SUSPEND_PE", "RESERVED_PREFIX_XML",
    "RESERVED_PREFIX_XMLNS", "RESERVED_NAMESPACE_URI", "INVALID_ARGUMENT", "NO_BUFFER",
    "AMPLIFICATION_LIMIT_BREACH",
]


def _submodule(name, doc):
    module = type(_sys)(name, doc)
    return module


errors = _submodule("pyexpat.errors", "Constants used to describe error conditions.")
errors.codes = {}
errors.messages = {}
for _code in range(1, len(_MESSAGES)):
    setattr(errors, "XML_ERROR_" + _ERROR_NAMES[_code], _MESSAGES[_code])
    errors.codes[_MESSAGES[_code]] = _code
    errors.messages[_code] = _MESSAGES[_code]

model = _submodule("pyexpat.model", "Constants used to interpret content model information.")
model.XML_CTYPE_EMPTY, model.XML_CTYPE_ANY, model.XML_CTYPE_MIXED = 1, 2, 3
model.XML_CTYPE_NAME, model.XML_CTYPE_CHOICE, model.XML_CTYPE_SEQ = 4, 5, 6
model.XML_CQUANT_NONE, model.XML_CQUANT_OPT = 0, 1
model.XML_CQUANT_REP, model.XML_CQUANT_PLUS = 2, 3
_sys.modules.setdefault("pyexpat.errors", errors)
_sys.modules.setdefault("pyexpat.model", model)


class ExpatError(Exception):
    pass


ExpatError.__module__ = "xml.parsers.expat"
error = ExpatError


def ErrorString(code, /):
    """Returns string error for given number."""
    if 0 < code < len(_MESSAGES):
        return _MESSAGES[code]
    return None


_HANDLERS = (
    "StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler",
    "CharacterDataHandler", "UnparsedEntityDeclHandler", "NotationDeclHandler",
    "StartNamespaceDeclHandler", "EndNamespaceDeclHandler", "CommentHandler",
    "StartCdataSectionHandler", "EndCdataSectionHandler", "DefaultHandler",
    "DefaultHandlerExpand", "NotStandaloneHandler", "ExternalEntityRefHandler",
    "StartDoctypeDeclHandler", "EndDoctypeDeclHandler", "EntityDeclHandler",
    "XmlDeclHandler", "ElementDeclHandler", "AttlistDeclHandler", "SkippedEntityHandler",
)


class xmlparser:
    """XML parser"""

    __slots__ = _HANDLERS + (
        "buffer_text", "ordered_attributes", "specified_attributes", "namespace_prefixes",
        "intern", "_scanner", "_buffer", "_buffer_size", "_position", "_error", "_base",
        "_str_input", "_finished", "_used", "_encoding", "_separator", "_head", "_transcoder", "_fed",
        "__weakref__",
    )

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'pyexpat.xmlparser' instances")

    def _setup(self, scanner, intern, encoding, separator):
        for name in _HANDLERS:
            object.__setattr__(self, name, None)
        self._separator = separator
        self._head = b""
        self._transcoder = None
        self._fed = 0
        self._scanner = scanner
        self._buffer = None
        self._used = 0
        self._encoding = encoding
        self.intern = intern
        self.buffer_text = False
        self.ordered_attributes = False
        self.specified_attributes = False
        self.namespace_prefixes = False
        self._buffer_size = 8192
        self._position = (1, 0, 0)
        self._error = None
        self._base = None
        self._str_input = None
        self._finished = False

    def __setattr__(self, name, value):
        if not isinstance(name, str):
            raise TypeError(f"attribute name must be string, not '{type(name).__name__}'")
        if name == "buffer_text":
            value = bool(value)
            if not value:
                self._flush()
                object.__setattr__(self, "_buffer", None)
        elif name in ("ordered_attributes", "specified_attributes"):
            value = bool(value)
        elif name == "namespace_prefixes":
            value = bool(value)
            self._scanner.set_namespace_prefixes(value)
        elif name == "buffer_size":
            if not isinstance(value, int):
                raise TypeError("buffer_size must be an integer")
            if value <= 0:
                raise ValueError("buffer_size must be greater than zero")
            if value > 2**31 - 1:
                raise ValueError(f"buffer_size must not be greater than {2**31 - 1}")
            self._flush()
            object.__setattr__(self, "_buffer_size", value)
            return
        elif name in ("CurrentLineNumber", "CurrentColumnNumber", "CurrentByteIndex",
                      "ErrorCode", "ErrorLineNumber", "ErrorColumnNumber", "ErrorByteIndex",
                      "buffer_used"):
            raise AttributeError(f"attribute '{name}' of 'pyexpat.xmlparser' objects is not writable")
        elif name not in _HANDLERS and name != "intern" and not name.startswith("_"):
            raise AttributeError(f"'pyexpat.xmlparser' object has no attribute '{name}'")
        object.__setattr__(self, name, value)

    @property
    def buffer_size(self):
        return self._buffer_size

    @property
    def buffer_used(self):
        return self._used if self._buffer else 0

    @property
    def CurrentLineNumber(self):
        return self._position[0]

    @property
    def CurrentColumnNumber(self):
        return self._position[1]

    @property
    def CurrentByteIndex(self):
        return self._position[2] if self._fed else -1

    @property
    def ErrorCode(self):
        return self._error[0] if self._error else 0

    @property
    def ErrorLineNumber(self):
        return self._error[1] if self._error else self._position[0]

    @property
    def ErrorColumnNumber(self):
        return self._error[2] if self._error else self._position[1]

    @property
    def ErrorByteIndex(self):
        return self._error[3] if self._error else self._position[2]

    def SetBase(self, base, /):
        self._base = base

    def GetBase(self):
        return self._base

    def GetInputContext(self):
        return None

    def SetParamEntityParsing(self, flag, /):
        return 1

    def UseForeignDTD(self, flag=True, /):
        return None

    def ExternalEntityParserCreate(self, context, encoding=None, /):
        """Create a parser for parsing an external entity based on the
        information passed to the ExternalEntityRefHandler."""
        if context is not None and not isinstance(context, str):
            raise TypeError(f"ExternalEntityParserCreate() argument 1 must be str or None, not {type(context).__name__}")
        parser = ParserCreate(encoding, self._separator, self.intern)
        for name in _HANDLERS:
            object.__setattr__(parser, name, getattr(self, name))
        for name in ("buffer_text", "ordered_attributes", "specified_attributes"):
            object.__setattr__(parser, name, getattr(self, name))
        parser._scanner.set_fragment()
        return parser

    def Parse(self, data, isfinal=False, /):
        """Parse XML data.

        `isfinal' should be true at end of input."""
        if isinstance(data, str):
            if self._str_input is None:
                self._scanner.read_as_utf8()
            self._str_input = True
            data = data.encode("utf-8", "surrogatepass")
        elif not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
        else:
            self._str_input = False if self._str_input is None else self._str_input
        data = bytes(data)
        if self._transcoder is not None:
            data = self._transcoder.decode(data, bool(isfinal)).encode("utf-8", "surrogatepass")
        elif self._head is not None:
            self._head += data
        self._fed += len(data)
        events, err = self._scanner.feed(data, bool(isfinal))
        if err is not None and err[0] == 18 and self._head is not None:
            # An encoding the scanner does not read itself: Python's codec
            # turns the input into UTF-8 for it.
            return self._transcode(isfinal)
        if events:
            self._head = None
        try:
            for event, at in events:
                self._position = at
                self._dispatch(event)
            self._flush()
        finally:
            self._position = self._scanner.position()
        if err is not None:
            if self._fed == 0:
                err = err[:3] + (-1,)
            self._error = err
            code, line, column, byte = err
            e = ExpatError(f"{_MESSAGES[code]}: line {line}, column {column}")
            e.code = code
            e.lineno = line
            e.offset = column
            raise e
        if isfinal:
            self._finished = True
        return 1

    def _transcode(self, isfinal):
        import codecs
        import re
        found = re.search(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""", self._head)
        if not found:
            # Not an encoding name a declaration can hold.
            self._position = (1, 0, 0)
            raise self._raise_at(30)
        name = found.group(1).decode("ascii")
        codecs.lookup(name)
        head = self._head
        self._head = None
        self._transcoder = codecs.getincrementaldecoder(name)()
        self._scanner = _scanner(None, self._separator)
        self._scanner.read_as_utf8()
        self._fed = 0
        return self.Parse(head, isfinal)

    def ParseFile(self, file, /):
        """Parse XML data from file-like object."""
        try:
            read = file.read
        except AttributeError:
            raise TypeError("argument must have 'read' attribute") from None
        while True:
            chunk = read(2048)
            if not isinstance(chunk, (bytes, bytearray, str)):
                raise TypeError(f"read() did not return a bytes object (type={type(chunk).__name__})")
            if not chunk:
                return self.Parse(b"", True)
            self.Parse(chunk, False)

    # ---- dispatch ------------------------------------------------------

    def _flush(self):
        buffer = self._buffer
        if buffer:
            object.__setattr__(self, "_buffer", None)
            handler = self.CharacterDataHandler
            if handler is not None:
                handler("".join(buffer))

    def _call(self, handler, *args):
        # Buffered text goes out before any other handler runs.
        if self._buffer:
            self._flush()
        return handler(*args)

    def _raise_at(self, code):
        line, column, byte = self._position
        self._error = (code, line, column, byte)
        e = ExpatError(f"{_MESSAGES[code]}: line {line}, column {column}")
        e.code, e.lineno, e.offset = code, line, column
        return e

    def _default(self, text):
        handler = self.DefaultHandlerExpand or self.DefaultHandler
        if handler is not None:
            self._flush()
            handler(text)

    def _name(self, name):
        interned = self.intern
        if interned is None:
            return name
        return interned.setdefault(name, name)

    def _dispatch(self, event):
        kind = event[0]
        if kind == "CharacterData":
            text = event[1]
            if self.CharacterDataHandler is None:
                self._default(text)
            elif self.buffer_text:
                # Sizes count UTF-8 bytes, as Expat's buffer holds them.
                size = len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
                if self._buffer and self._used + size > self._buffer_size:
                    self._flush()
                if size > self._buffer_size:
                    self.CharacterDataHandler(text)
                elif self._buffer is None:
                    object.__setattr__(self, "_buffer", [text])
                    object.__setattr__(self, "_used", size)
                else:
                    self._buffer.append(text)
                    object.__setattr__(self, "_used", self._used + size)
            else:
                self.CharacterDataHandler(text)
            return
        if kind == "StartElement":
            handler = self.StartElementHandler
            if handler is None:
                return self._default_markup(event)
            _, name, attributes, defaulted = event
            if not self.specified_attributes:
                attributes = attributes + defaulted
            names = attributes[0::2]
            names = [self._name(n) for n in names]
            if self.ordered_attributes:
                flat = []
                for n, v in zip(names, attributes[1::2]):
                    flat.append(n)
                    flat.append(v)
                attributes = flat
            else:
                attributes = dict(zip(names, attributes[1::2]))
            self._call(handler, self._name(name), attributes)
        elif kind == "EndElement":
            handler = self.EndElementHandler
            if handler is None:
                return self._default_markup(event)
            self._call(handler, self._name(event[1]))
        elif kind == "StartNamespaceDecl":
            if self.StartNamespaceDeclHandler is not None:
                self._call(self.StartNamespaceDeclHandler, event[1], event[2])
        elif kind == "EndNamespaceDecl":
            if self.EndNamespaceDeclHandler is not None:
                self._call(self.EndNamespaceDeclHandler, event[1])
        elif kind == "Comment":
            if self.CommentHandler is not None:
                self._call(self.CommentHandler, event[1])
            else:
                self._default("<!--" + event[1] + "-->")
        elif kind == "ProcessingInstruction":
            if self.ProcessingInstructionHandler is not None:
                self._call(self.ProcessingInstructionHandler, event[1], event[2])
            else:
                self._default("<?" + event[1] + (" " + event[2] if event[2] else "") + "?>")
        elif kind == "StartCdataSection":
            if self.StartCdataSectionHandler is not None:
                self._call(self.StartCdataSectionHandler)
            else:
                self._default("<![CDATA[")
        elif kind == "EndCdataSection":
            if self.EndCdataSectionHandler is not None:
                self._call(self.EndCdataSectionHandler)
            else:
                self._default("]]>")
        elif kind == "XmlDecl":
            if self.XmlDeclHandler is not None:
                self._call(self.XmlDeclHandler, event[1], event[2], event[3])
            else:
                self._default(event[4])
        elif kind == "StartDoctypeDecl":
            if self.StartDoctypeDeclHandler is not None:
                self._call(self.StartDoctypeDeclHandler, event[1], event[2], event[3], event[4])
            else:
                for i, token in enumerate(event[5]):
                    if i:
                        self._default(" ")
                    self._default(token)
        elif kind == "EndDoctypeDecl":
            if self.EndDoctypeDeclHandler is not None:
                self._call(self.EndDoctypeDeclHandler)
            else:
                self._default(event[1])
        elif kind == "EntityDecl":
            _, name, parameter, value, base, system, public, notation = event
            if notation is not None and self.UnparsedEntityDeclHandler is not None:
                self._call(self.UnparsedEntityDeclHandler, name, self._base, system, public, notation)
            elif self.EntityDeclHandler is not None:
                self._call(self.EntityDeclHandler, name, parameter, value, self._base, system, public, notation)
        elif kind == "NotationDecl":
            if self.NotationDeclHandler is not None:
                self._call(self.NotationDeclHandler, event[1], self._base, event[3], event[4])
        elif kind == "ElementDecl":
            if self.ElementDeclHandler is not None:
                self._call(self.ElementDeclHandler, event[1], event[2])
        elif kind == "AttlistDecl":
            if self.AttlistDeclHandler is not None:
                self._call(self.AttlistDeclHandler, *event[1:])
        elif kind == "SkippedEntity":
            if self.SkippedEntityHandler is not None:
                self._call(self.SkippedEntityHandler, event[1], 0)
            else:
                self._default("&" + event[1] + ";")
        elif kind == "NotStandalone":
            if self.NotStandaloneHandler is not None:
                if not self._call(self.NotStandaloneHandler):
                    raise self._raise_at(22)
        elif kind == "ExternalEntityRef":
            _, name, system, public = event
            if self.ExternalEntityRefHandler is not None:
                if not self._call(self.ExternalEntityRefHandler, name, self._base, system, public):
                    raise self._raise_at(21)
            else:
                self._default("&" + name + ";")
        elif kind == "Default":
            self._default(event[1])

    def _default_markup(self, event):
        if self.DefaultHandlerExpand is None and self.DefaultHandler is None:
            return
        if event[0] == "EndElement":
            self._default("</" + event[1] + ">")
        else:
            _, name, attributes, _ = event
            parts = [name]
            for n, v in zip(attributes[0::2], attributes[1::2]):
                parts.append(f'{n}="{v}"')
            self._default("<" + " ".join(parts) + ">")


xmlparser.__module__ = "pyexpat"
XMLParserType = xmlparser


def ParserCreate(encoding=None, namespace_separator=None, intern=..., **kwargs):
    """Return a new XML parser object."""
    if kwargs:
        name = next(iter(kwargs))
        raise TypeError(f"ParserCreate() got an unexpected keyword argument '{name}'")
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"ParserCreate() argument 'encoding' must be str or None, not {type(encoding).__name__}")
    if namespace_separator is not None:
        if not isinstance(namespace_separator, str):
            raise TypeError("ParserCreate() argument 'namespace_separator' must be str or None, "
                            f"not {type(namespace_separator).__name__}")
        if len(namespace_separator) > 1:
            raise ValueError("namespace_separator must be at most one character, omitted, or None")
    if intern is ...:
        intern = {}
    elif intern is not None and not isinstance(intern, dict):
        raise TypeError("intern must be a dictionary")
    scanner = _scanner(encoding, namespace_separator)
    transcoder = None
    if scanner is None:
        import codecs
        codecs.lookup(encoding)
        transcoder = codecs.getincrementaldecoder(encoding)()
        scanner = _scanner(None, namespace_separator)
        scanner.read_as_utf8()
    parser = object.__new__(xmlparser)
    parser._setup(scanner, intern, encoding, namespace_separator)
    if transcoder is not None:
        parser._transcoder = transcoder
        parser._head = None
    return parser


del _submodule
