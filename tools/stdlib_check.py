#!/usr/bin/env python3
"""Imports standard-library modules under Krait and under CPython and runs a
few lines that use each, comparing what the two print.

    python3 tools/stdlib_check.py [--krait target/release/krait] [--only NAME ...]
                                  [--show] [--jobs N]

Prints one row per module: `works` (same output), `differs` (both ran,
output differs), `error` (Krait failed where CPython did not), then the
totals. With --show, the first differing lines of each non-working row.
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import textwrap

# module: lines that use it (deterministic output only: no addresses,
# times, paths or hash order).
CHECKS = {
    "abc": "import abc\nclass A(abc.ABC):\n    @abc.abstractmethod\n    def f(self): ...\ntry:\n    A()\nexcept TypeError as e:\n    print(e)",
    "argparse": "import argparse\np = argparse.ArgumentParser(prog='p')\np.add_argument('--n', type=int, default=3)\np.add_argument('files', nargs='*')\nprint(p.parse_args(['--n', '5', 'a', 'b']))\nprint(p.format_usage())",
    "array": "import array\na = array.array('h', [1, -2, 3])\nprint(a, a.tobytes(), a[::-1], a.itemsize)",
    "ast": "import ast\nprint(ast.dump(ast.parse('x = f(1) + 2')))\nprint(ast.literal_eval('{1: [2, (3,)]}'))\nprint(ast.unparse(ast.parse('for i in range(3): pass')))",
    "asyncio": "import asyncio\nasync def f(x):\n    await asyncio.sleep(0)\n    return x * 2\nasync def main():\n    return await asyncio.gather(f(1), f(2))\nprint(asyncio.run(main()))",
    "base64": "import base64\nprint(base64.b64encode(b'krait'), base64.b32encode(b'ab'), base64.b16decode(b'4142'), base64.urlsafe_b64encode(b'\\xff\\xfe'))",
    "binascii": "import binascii\nprint(binascii.hexlify(b'ab'), binascii.crc32(b'abc'), binascii.a2b_base64(b'YWJj'))",
    "bisect": "import bisect\nl = [1, 3, 5]\nbisect.insort(l, 4)\nprint(l, bisect.bisect_left(l, 3), bisect.bisect_right(l, 3))",
    "bz2": "import bz2\nc = bz2.compress(b'data' * 100)\nprint(len(c), bz2.decompress(c)[:8])",
    "calendar": "import calendar\nprint(calendar.month(2024, 2))\nprint(calendar.isleap(2024), calendar.weekday(2024, 2, 29))",
    "cmath": "import cmath\nprint(cmath.sqrt(-1), cmath.polar(1j), cmath.exp(0))",
    "codecs": "import codecs\nprint(codecs.encode('héllo', 'utf-8'), codecs.decode(b'68656c6c6f', 'hex'), codecs.lookup('latin-1').name)",
    "collections": "import collections\nc = collections.Counter('abracadabra')\nprint(c.most_common(2))\nP = collections.namedtuple('P', 'x y')\nprint(P(1, 2), collections.OrderedDict(a=1), collections.deque([1, 2], maxlen=2))",
    "collections.abc": "import collections.abc as cabc\nprint(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), issubclass(range, cabc.Iterable))",
    "colorsys": "import colorsys\nprint(colorsys.rgb_to_hsv(0.2, 0.4, 0.4), colorsys.hls_to_rgb(0.5, 0.5, 0.5))",
    "concurrent.futures": "import concurrent.futures as cf\nf = cf.Future()\nf.set_result(3)\nprint(f.result(), f.done())",
    "configparser": "import configparser\nc = configparser.ConfigParser()\nc.read_string('[s]\\nk = v\\nn = 3\\n')\nprint(c['s']['k'], c.getint('s', 'n'), c.sections())",
    "contextlib": "import contextlib\n@contextlib.contextmanager\ndef cm():\n    print('enter')\n    yield 1\n    print('exit')\nwith cm() as v:\n    print(v)\nwith contextlib.suppress(KeyError):\n    {}['x']\nprint('ok')",
    "contextvars": "import contextvars\nv = contextvars.ContextVar('v', default=1)\nt = v.set(2)\nprint(v.get(), contextvars.copy_context()[v])\nv.reset(t)\nprint(v.get())",
    "copy": "import copy\na = [[1], {'k': [2]}]\nb = copy.deepcopy(a)\nb[0].append(9)\nprint(a, b, copy.copy(a)[0] is a[0])",
    "csv": "import csv, io\ns = io.StringIO()\ncsv.writer(s).writerows([['a', 'b,c'], [1, 2]])\nprint(repr(s.getvalue()))\nprint(list(csv.reader(io.StringIO(s.getvalue()))))",
    "dataclasses": "import dataclasses\n@dataclasses.dataclass(order=True)\nclass P:\n    x: int\n    y: int = 0\nprint(P(1), P(1, 2) < P(2), dataclasses.asdict(P(3, 4)), dataclasses.fields(P)[0].name)",
    "datetime": "import datetime as dt\nd = dt.datetime(2024, 2, 29, 12, 30)\nprint(d, d.isoformat(), d + dt.timedelta(days=1), d.strftime('%A %d %B'), dt.date(2024, 1, 1).isocalendar())",
    "decimal": "import decimal\nD = decimal.Decimal\nprint(D('1.1') + D('2.2'), D(1) / D(7), D('2').sqrt(), D('1.25').quantize(D('0.1')))",
    "difflib": "import difflib\nprint(list(difflib.unified_diff(['a\\n', 'b\\n'], ['a\\n', 'c\\n'], lineterm='')))\nprint(difflib.SequenceMatcher(None, 'abcd', 'bcde').ratio())",
    "dis": "import dis\nprint([i.opname for i in dis.get_instructions('x + 1')][:2])",
    "enum": "import enum\nclass C(enum.Enum):\n    RED = 1\n    BLUE = 2\nclass F(enum.IntFlag):\n    A = 1\n    B = 2\nprint(C.RED, C(2), list(C), F.A | F.B, C.RED.name)",
    "errno": "import errno\nprint(errno.ENOENT, errno.errorcode[2])",
    "fnmatch": "import fnmatch\nprint(fnmatch.fnmatch('a.py', '*.py'), fnmatch.filter(['a.c', 'b.py'], '*.py'), fnmatch.translate('a*'))",
    "fractions": "from fractions import Fraction as F\nprint(F(1, 3) + F(1, 6), F('0.25'), F(3, 4).limit_denominator(2), F(1.5))",
    "functools": "import functools\n@functools.lru_cache\ndef fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(50), functools.reduce(lambda a, b: a * b, range(1, 6)), functools.partial(int, base=2)('101'))",
    "gc": "import gc\nprint(gc.isenabled(), type(gc.collect()).__name__)",
    "getopt": "import getopt\nprint(getopt.getopt(['-a', '-b', 'x', 'rest'], 'ab:'))",
    "glob": "import glob, os, tempfile\nd = tempfile.mkdtemp()\nfor n in ['a.txt', 'b.txt', 'c.py']:\n    open(os.path.join(d, n), 'w').close()\nprint(sorted(os.path.basename(p) for p in glob.glob(os.path.join(d, '*.txt'))))",
    "gzip": "import gzip\nc = gzip.compress(b'hello' * 50, mtime=0)\nprint(c[:10], gzip.decompress(c)[:10])",
    "hashlib": "import hashlib\nprint(hashlib.sha256(b'abc').hexdigest(), hashlib.md5(b'').hexdigest(), hashlib.blake2b(b'x', digest_size=8).hexdigest())",
    "heapq": "import heapq\nh = [5, 1, 4]\nheapq.heapify(h)\nprint(heapq.heappop(h), heapq.nlargest(2, [3, 9, 1, 7]), list(heapq.merge([1, 4], [2, 3])))",
    "hmac": "import hmac, hashlib\nprint(hmac.new(b'key', b'msg', hashlib.sha256).hexdigest(), hmac.compare_digest(b'a', b'a'))",
    "html": "import html\nprint(html.escape('<a href=\"x\">&</a>'), html.unescape('&lt;&eacute;&#65;'))",
    "html.parser": "from html.parser import HTMLParser\nclass P(HTMLParser):\n    def handle_starttag(self, tag, attrs): print('start', tag, attrs)\n    def handle_data(self, data): print('data', data)\nP().feed('<p class=\"x\">hi</p>')",
    "http.client": "import http.client\nprint(http.client.responses[404], http.client.HTTPConnection('example.com', 8080).port)",
    "http.server": "import http.server\nprint(http.server.BaseHTTPRequestHandler.responses[200][0], http.server.SimpleHTTPRequestHandler.extensions_map.get('.py'))",
    "importlib": "import importlib, importlib.util\nm = importlib.import_module('json')\nprint(m.__name__, importlib.util.find_spec('os').name, importlib.util.find_spec('no_such_module_x'))",
    "inspect": "import inspect\ndef f(a, b=2, *args, c, **kw): pass\nprint(inspect.signature(f), inspect.isfunction(f), inspect.getmembers(f)[0][0] if False else 'ok')",
    "io": "import io\ns = io.StringIO('a\\nb\\n')\nprint(s.readlines())\nb = io.BytesIO()\nb.write(b'xyz')\nprint(b.getvalue(), io.TextIOWrapper(io.BytesIO(b'caf\\xc3\\xa9'), encoding='utf-8').read())",
    "ipaddress": "import ipaddress\nn = ipaddress.ip_network('192.168.0.0/30')\nprint(list(n.hosts()), ipaddress.ip_address('::1').is_loopback, ipaddress.ip_address('10.0.0.1') in ipaddress.ip_network('10.0.0.0/8'))",
    "itertools": "import itertools as it\nprint(list(it.permutations('ab')), list(it.accumulate([1, 2, 3])), list(it.islice(it.count(5, 2), 3)), list(it.groupby('aabbc'))[0][0])",
    "json": "import json\nprint(json.dumps({'a': [1, 2.5, None, True]}, sort_keys=True), json.loads('{\"k\": [1, \"\\\\u00e9\"]}'), json.dumps('é', ensure_ascii=False))",
    "keyword": "import keyword\nprint(keyword.iskeyword('for'), keyword.iskeyword('print'), len(keyword.kwlist), keyword.softkwlist)",
    "linecache": "import linecache, os, tempfile\np = os.path.join(tempfile.mkdtemp(), 'm.py')\nopen(p, 'w').write('one\\ntwo\\n')\nprint(repr(linecache.getline(p, 2)))",
    "locale": "import locale\nprint(locale.setlocale(locale.LC_ALL, 'C'), locale.localeconv()['decimal_point'])",
    "logging": "import logging, sys\nlogging.basicConfig(stream=sys.stdout, format='%(levelname)s:%(name)s:%(message)s', level=logging.INFO)\nlogging.getLogger('x').info('hello %s', 'world')\nlogging.debug('hidden')\nlogging.warning('warned')",
    "lzma": "import lzma\nc = lzma.compress(b'data' * 100)\nprint(len(c), lzma.decompress(c)[:8])",
    "math": "import math\nprint(math.sqrt(2), math.factorial(20), math.gcd(12, 18), math.isclose(0.1 + 0.2, 0.3), math.comb(10, 3), math.fsum([0.1] * 10))",
    "mimetypes": "import mimetypes\nprint(mimetypes.guess_type('a.html'), mimetypes.guess_extension('image/png'))",
    "numbers": "import numbers\nprint(isinstance(1, numbers.Integral), isinstance(1.5, numbers.Real), isinstance(1j, numbers.Complex))",
    "operator": "import operator\nprint(operator.add(2, 3), operator.itemgetter(1)('abc'), operator.attrgetter('real')(3), sorted([(1, 'b'), (0, 'a')], key=operator.itemgetter(1)))",
    "os": "import os\nprint(os.path.join('a', 'b'), os.sep, os.getcwd() == os.path.abspath('.'), 'PATH' in os.environ, os.path.splitext('x.tar.gz'))",
    "os.path": "import os.path as p\nprint(p.basename('/a/b.c'), p.dirname('/a/b.c'), p.normpath('/a/./b/../c'), p.isabs('/x'))",
    "pathlib": "import pathlib\np = pathlib.PurePosixPath('/usr/lib/python3.11/os.py')\nprint(p.name, p.suffix, p.parent, p.parts[:3], p.with_suffix('.txt'))",
    "pickle": "import pickle\nd = {'a': [1, 2, (3, 4)], 'b': {5}}\nprint(pickle.loads(pickle.dumps(d)) == d, pickle.loads(pickle.dumps(d, protocol=0)) == d)",
    "platform": "import platform\nprint(platform.system(), type(platform.machine()).__name__)",
    "pprint": "import pprint\npprint.pprint({'key%d' % i: list(range(i)) for i in range(6)}, width=40)",
    "queue": "import queue\nq = queue.Queue()\nfor i in range(3):\n    q.put(i)\nprint(q.get(), q.qsize(), queue.PriorityQueue().empty())",
    "random": "import random\nrandom.seed(42)\nprint(random.random(), random.randint(1, 100), random.choice('abc'), random.sample(range(10), 3))",
    "re": "import re\nm = re.match(r'(\\w+) (\\w+)', 'hello world')\nprint(m.groups(), re.sub(r'\\d+', '#', 'a1b22'), re.findall(r'[aeiou]', 'education'), re.split(r'[,;]', 'a,b;c'))",
    "reprlib": "import reprlib\nprint(reprlib.repr(list(range(100))), reprlib.repr('x' * 100))",
    "secrets": "import secrets\nprint(len(secrets.token_hex(8)), len(secrets.token_bytes(4)), secrets.choice([7]))",
    "select": "import select, os\nr, w = os.pipe()\nos.write(w, b'x')\nprint(select.select([r], [], [], 0)[0] == [r])",
    "selectors": "import selectors, os\ns = selectors.DefaultSelector()\nr, w = os.pipe()\ns.register(r, selectors.EVENT_READ)\nos.write(w, b'x')\nprint([k.fd == r for k, _ in s.select(0)])",
    "shelve": "import shelve, os, tempfile\np = os.path.join(tempfile.mkdtemp(), 'db')\ntry:\n    with shelve.open(p) as db:\n        db['k'] = [1, 2]\n    with shelve.open(p) as db:\n        print(db['k'])\nexcept Exception as e:\n    print(type(e).__name__)",
    "shlex": "import shlex\nprint(shlex.split('a \"b c\" d\\\\ e'), shlex.quote(\"it's\"), shlex.join(['a', 'b c']))",
    "shutil": "import shutil, os, tempfile\nd = tempfile.mkdtemp()\nopen(os.path.join(d, 'f'), 'w').write('x')\nshutil.copytree(d, d + '2')\nprint(os.listdir(d + '2'), shutil.which('sh') is not None)\nshutil.rmtree(d)\nshutil.rmtree(d + '2')",
    "signal": "import signal\nprint(signal.SIGTERM, signal.Signals(2).name, signal.getsignal(signal.SIGINT) is signal.default_int_handler)",
    "socket": "import socket\na, b = socket.socketpair()\na.sendall(b'ping')\nprint(b.recv(4), socket.inet_aton('10.0.0.1'), socket.htons(1))",
    "socketserver": "import socketserver\nprint(socketserver.TCPServer.address_family, socketserver.BaseRequestHandler.__name__)",
    "sqlite3": "import sqlite3\nc = sqlite3.connect(':memory:')\nc.execute('create table t (x)')\nc.executemany('insert into t values (?)', [(1,), (2,)])\nprint(c.execute('select sum(x) from t').fetchone())",
    "statistics": "import statistics as st\nprint(st.mean([1, 2, 3, 4]), st.median([3, 1, 2]), st.stdev([2, 4, 4, 4, 5, 5, 7, 9]), st.mode('aab'))",
    "string": "import string\nprint(string.ascii_lowercase, string.Template('$x!').substitute(x='hi'), string.capwords('a b'))",
    "struct": "import struct\nprint(struct.pack('<hIq', 1, 2, -3), struct.unpack('>H', b'\\x01\\x02'), struct.calcsize('@iq'))",
    "subprocess": "import subprocess\nprint(subprocess.run(['echo', 'hi'], capture_output=True).stdout, subprocess.call(['true']))",
    "sys": "import sys\nprint(sys.version_info[:2], sys.maxsize, type(sys.argv).__name__, sys.byteorder, 'json' in sys.stdlib_module_names)",
    "sysconfig": "import sysconfig\nprint(sorted(sysconfig.get_paths())[:3], sysconfig.get_python_version())",
    "tempfile": "import tempfile, os\nwith tempfile.TemporaryDirectory() as d:\n    with tempfile.NamedTemporaryFile(dir=d, suffix='.txt', delete=False) as f:\n        f.write(b'x')\n    print(os.path.exists(f.name), f.name.endswith('.txt'))",
    "textwrap": "import textwrap\nprint(textwrap.fill('The quick brown fox jumps over the lazy dog', width=15))\nprint(textwrap.dedent('  a\\n  b'), textwrap.shorten('Hello world foo', 12))",
    "threading": "import threading\nl = threading.Lock()\nwith l:\n    print(l.locked())\nprint(threading.current_thread().name, threading.active_count())",
    "time": "import time\nprint(time.gmtime(0)[:6], time.strftime('%Y-%m-%d', time.gmtime(86400)), type(time.time()).__name__, time.monotonic() > 0)",
    "timeit": "import timeit\nprint(type(timeit.timeit('1 + 1', number=100)).__name__)",
    "tokenize": "import tokenize, io\nprint([t.string for t in tokenize.generate_tokens(io.StringIO('x = 1\\n').readline)])",
    "traceback": "import traceback\ntry:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print(traceback.format_exception_only(type(e), e))",
    "types": "import types\nprint(types.SimpleNamespace(a=1), types.FunctionType.__name__, isinstance(len, types.BuiltinFunctionType), types.MappingProxyType({'a': 1})['a'])",
    "typing": "import typing\nT = typing.TypeVar('T')\nclass Box(typing.Generic[T]):\n    pass\nprint(typing.List[int], typing.Optional[str], Box[int], typing.get_type_hints(lambda: None))",
    "unicodedata": "import unicodedata\nprint(unicodedata.name('é'), unicodedata.category('A'), unicodedata.normalize('NFD', 'é').encode(), unicodedata.numeric('½'))",
    "unittest": "import unittest, io\nclass T(unittest.TestCase):\n    def test_ok(self): self.assertEqual(1, 1)\nr = unittest.TextTestRunner(stream=io.StringIO()).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))\nprint(r.testsRun, r.wasSuccessful())",
    "urllib.parse": "from urllib.parse import urlparse, urlencode, quote, parse_qs\nprint(urlparse('https://a.b/c?d=1#e'), urlencode({'a': 'b c'}), quote('a b/é'), parse_qs('x=1&x=2'))",
    "uuid": "import uuid\nu = uuid.UUID('12345678123456781234567812345678')\nprint(u, u.version, uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'), len(str(uuid.uuid4())))",
    "warnings": "import warnings\nwith warnings.catch_warnings(record=True) as w:\n    warnings.simplefilter('always')\n    warnings.warn('careful', DeprecationWarning)\nprint(len(w), w[0].category.__name__, str(w[0].message))",
    "weakref": "import weakref\nclass O: pass\no = O()\nr = weakref.ref(o)\nd = weakref.WeakValueDictionary({'k': o})\nprint(r() is o, len(d))\ndel o\nprint(r(), len(d))",
    "xml.etree.ElementTree": "import xml.etree.ElementTree as ET\nr = ET.fromstring('<a><b x=\"1\">t</b><b/></a>')\nprint(r.tag, [b.attrib for b in r], r.find('b').text, ET.tostring(r))",
    "zipfile": "import zipfile, io\nb = io.BytesIO()\nwith zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED) as z:\n    z.writestr('a.txt', 'hello' * 10)\nwith zipfile.ZipFile(b) as z:\n    print(z.namelist(), z.read('a.txt')[:5])",
    "zlib": "import zlib\nc = zlib.compress(b'hello' * 20)\nprint(c, zlib.decompress(c)[:5], zlib.crc32(b'abc'), zlib.adler32(b'abc'))",
    "zoneinfo": "import zoneinfo, datetime\ntry:\n    z = zoneinfo.ZoneInfo('Europe/Paris')\n    print(datetime.datetime(2024, 7, 1, tzinfo=z).utcoffset())\nexcept zoneinfo.ZoneInfoNotFoundError:\n    print('no tzdata')",
    # Beyond the list.
    "builtins": "import builtins\nprint(builtins.len('abc'), builtins.__name__)",
    "atexit": "import atexit\natexit.register(print, 'at exit')\nprint('main')",
    "bdb": "import bdb\nprint(bdb.Bdb.__name__)",
    "cgi": "import warnings\nwarnings.simplefilter('ignore')\nimport cgi\nprint(cgi.parse_header('text/html; charset=utf-8'))",
    "chunk": "import warnings\nwarnings.simplefilter('ignore')\nimport chunk\nprint(chunk.Chunk.__name__)",
    "cmd": "import cmd\nprint(cmd.Cmd().prompt)",
    "code": "import code\nprint(code.compile_command('1 +') is None, code.compile_command('1 + 1') is not None)",
    "codeop": "import codeop\nprint(codeop.compile_command('if x:') is None)",
    "copyreg": "import copyreg\nprint(copyreg.__name__, callable(copyreg.pickle))",
    "email": "import email\nm = email.message_from_string('Subject: hi\\nFrom: a@b\\n\\nbody\\n')\nprint(m['Subject'], m.get_payload())",
    "encodings": "import encodings.idna\nprint('bücher.example'.encode('idna'))",
    "filecmp": "import filecmp, os, tempfile\nd = tempfile.mkdtemp()\nfor n in 'ab':\n    open(os.path.join(d, n), 'w').write('same')\nprint(filecmp.cmp(os.path.join(d, 'a'), os.path.join(d, 'b')))",
    "fileinput": "import fileinput, os, tempfile\np = os.path.join(tempfile.mkdtemp(), 'f')\nopen(p, 'w').write('1\\n2\\n')\nprint([l.strip() for l in fileinput.input(p)])",
    "formatter": "print('skip')",
    "genericpath": "import genericpath\nprint(genericpath.commonprefix(['abc', 'abd']))",
    "gettext": "import gettext\nprint(gettext.gettext('hello'), gettext.ngettext('one', 'many', 2))",
    "graphlib": "import graphlib\nprint(list(graphlib.TopologicalSorter({'b': {'a'}, 'c': {'b'}}).static_order()))",
    "netrc": "import netrc\nprint(netrc.NetrcParseError.__name__)",
    "ntpath": "import ntpath\nprint(ntpath.join('a', 'b'), ntpath.splitdrive('C:\\\\x'))",
    "opcode": "import opcode\nprint(opcode.opmap['LOAD_CONST'], opcode.HAVE_ARGUMENT)",
    "pkgutil": "import pkgutil\nprint(pkgutil.get_loader('json') is not None)",
    "plistlib": "import plistlib\nd = plistlib.dumps({'a': [1, 2]})\nprint(plistlib.loads(d))",
    "posixpath": "import posixpath\nprint(posixpath.relpath('/a/b/c', '/a'), posixpath.expanduser('~x'))",
    "py_compile": "import py_compile\nprint(py_compile.PycInvalidationMode.TIMESTAMP.name)",
    "quopri": "import quopri\nprint(quopri.encodestring(b'caf\\xe9 = x'))",
    "rlcompleter": "import rlcompleter\nprint(rlcompleter.Completer({'abc': 1}).complete('ab', 0))",
    "runpy": "import runpy\nprint(runpy.run_module.__name__)",
    "sched": "import sched, time\ns = sched.scheduler(time.monotonic, lambda t: None)\ns.enter(0, 1, print, ('ran',))\ns.run()",
    "smtplib": "import smtplib\nprint(smtplib.SMTP_PORT)",
    "stat": "import stat\nprint(stat.S_ISDIR(0o040755), stat.filemode(0o100644))",
    "stringprep": "import stringprep\nprint(stringprep.in_table_a1('\\u0221'))",
    "symtable": "import symtable\nt = symtable.symtable('def f(x): return x', '<s>', 'exec')\nprint([c.get_name() for c in t.get_children()])",
    "tabnanny": "import tabnanny\nprint(tabnanny.NannyNag.__name__)",
    "tarfile": "import tarfile, io\nb = io.BytesIO()\nwith tarfile.open(fileobj=b, mode='w:gz') as t:\n    data = b'hello'\n    info = tarfile.TarInfo('h.txt')\n    info.size = len(data)\n    t.addfile(info, io.BytesIO(data))\nb.seek(0)\nwith tarfile.open(fileobj=b) as t:\n    print(t.getnames(), t.extractfile('h.txt').read())",
    "token": "import token\nprint(token.tok_name[token.NAME], token.OP)",
    "tomllib": "import tomllib\nprint(tomllib.loads('a = 1\\n[t]\\nb = \"x\"\\n'))",
    "turtle": "print('skip')",
    "wave": "import wave\nprint(wave.Error.__name__)",
    "xml.dom.minidom": "import xml.dom.minidom as m\nprint(m.parseString('<a><b/></a>').documentElement.toxml())",
    "zipapp": "import zipapp\nprint(zipapp.ZipAppError.__name__)",
}

# Lines whose text legitimately names the interpreter.
def normalise(text):
    return text.replace("krait", "python").replace("Krait", "Python")


def run(interpreter, source, timeout):
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    try:
        p = subprocess.run([interpreter, "-c", source], capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return "timeout", ""
    out = p.stdout.decode("utf-8", "replace") + p.stderr.decode("utf-8", "replace")
    return p.returncode, out


def check(krait, python, name, source, timeout):
    k = run(krait, source, timeout)
    c = run(python, source, timeout)
    if k == c or (k[0] == c[0] and normalise(k[1]) == normalise(c[1])):
        return name, "works", ""
    if k[0] != 0 and c[0] == 0:
        last = k[1].strip().splitlines()[-1:] if k[1].strip() else [str(k[0])]
        return name, "error", last[0] if last else ""
    return name, "differs", first_difference(c[1], k[1])


def first_difference(expected, got):
    for a, b in zip(expected.splitlines(), got.splitlines()):
        if a != b:
            return f"cpython: {a[:100]!r} krait: {b[:100]!r}"
    return f"cpython {len(expected)} chars, krait {len(got)} chars"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", default=os.path.join(here, "..", "target", "release", "krait"))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=30)
    args = ap.parse_args()
    names = args.only or list(CHECKS)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda n: check(args.krait, args.python, n, textwrap.dedent(CHECKS[n]), args.timeout), names))
    counts = {}
    for name, status, detail in results:
        counts[status] = counts.get(status, 0) + 1
        line = f"{name:24} {status}"
        if args.show and detail:
            line += f"   {detail}"
        print(line)
    print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())) + f" total={len(results)}")


if __name__ == "__main__":
    main()
