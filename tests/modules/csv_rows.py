# csv: writing and reading back in each quoting mode, strictness, dict
# readers and writers, dialects, the sniffer, the field size limit.
import csv, io
rows = [["name", "value", "note"], ["a,b", 1, 'he said "hi"'], ["multi\nline", 2.5, None], ["", True, " lead"]]
for kw in [{}, {"quoting": csv.QUOTE_ALL}, {"quoting": csv.QUOTE_NONNUMERIC}, {"delimiter": ";", "lineterminator": "\n"}, {"quoting": csv.QUOTE_NONE, "escapechar": "\\"}, {"doublequote": False, "escapechar": "\\"}]:
    s = io.StringIO()
    w = csv.writer(s, **kw)
    w.writerows(rows)
    text = s.getvalue()
    print(kw, repr(text))
    back = list(csv.reader(io.StringIO(text, newline=""), **kw)) if kw.get("quoting") != csv.QUOTE_NONNUMERIC else None
    print(back)
print(list(csv.reader(['a,"b""c",d', ' x, y', '"unterminated'], skipinitialspace=True)))
print(list(csv.reader(["1,2.5,'x'"], quoting=csv.QUOTE_NONNUMERIC, quotechar="'")))
for bad in [['a,"b"c'], ['a\0b'], ['ok\r\nmore'] ]:
    try: print(list(csv.reader(bad, strict=True)))
    except csv.Error as e: print("Error:", e)
d = csv.DictReader(io.StringIO("x,y\n1,2\n3,4\n"))
print([dict(r) for r in d], d.fieldnames)
s = io.StringIO(); dw = csv.DictWriter(s, ["x", "y"]); dw.writeheader(); dw.writerow({"x": 1, "y": "two"}); print(repr(s.getvalue()))
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_MINIMAL)
print(csv.list_dialects(), csv.get_dialect("pipes").delimiter, list(csv.reader(["a|b|'c|d'"], "pipes", quotechar="'")))
csv.unregister_dialect("pipes")
try: csv.get_dialect("pipes")
except csv.Error as e: print("Error:", e)
for kw in [dict(delimiter=''), dict(delimiter='ab'), dict(quoting=9), dict(lineterminator=None), dict(delimiter=1)]:
    try: csv.writer(io.StringIO(), **kw)
    except TypeError as e: print("TypeError:", e)
try: csv.writer(io.StringIO()).writerow(5)
except csv.Error as e: print("Error:", e)
try: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"])
except csv.Error as e: print("Error:", e)
s = io.StringIO(); csv.writer(s).writerow([""]); print(repr(s.getvalue()))
sn = csv.Sniffer(); print(sn.sniff("a;b;c\n1;2;3\n").delimiter, sn.has_header("name,age\nbob,3\namy,5\n"))
r = csv.reader(["a,b", "c,d"]); next(r); print(r.line_num, r.dialect.delimiter)
print(csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit())
try: list(csv.reader(["x" * 20]))
except csv.Error as e: print("Error:", e)
