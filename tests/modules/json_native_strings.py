# _json: scanstring and the two string encoders natively, with CPython's
# errors and positions; non-ASCII documents scanned string by string.
import json, json.decoder, _json
print(_json.encode_basestring_ascii('a"\\\n\x01é\U0001f600\ud800'), _json.encode_basestring('a"\\\n\x01é\U0001f600\x7f'))
print(ascii(_json.encode_basestring('x\ud800"')))
for a in [(5,), ]:
    for f in (_json.encode_basestring_ascii, _json.encode_basestring):
        try: f(*a)
        except Exception as e: print(type(e).__name__, e)
for a in [('"abc', 10), (5, 1), ('"abc', -1), ('"ab\x01c"', 1), ('"a\\', 1), ('"a\\x', 1), ('"a\\u12', 1), ('"a\\u12zz"', 1), ('"abc', 1), ('"\\ud83d\\ude0"', 1), ('"\\ud83d\\u"', 1), ('"\\u1234', 1), ('"\\u1234"', 1)]:
    try: print(_json.scanstring(*a))
    except Exception as e: print(type(e).__name__, e)
print(_json.scanstring('"a\\ud800b"', 1), _json.scanstring('"\\ud83d\\ude00"x', 1), _json.scanstring('"a\tb"', 1, False), _json.scanstring('"é\\n"', 1))
print(json.decoder.scanstring is _json.scanstring, json.encoder.c_encode_basestring_ascii is _json.encode_basestring_ascii)
doc = {"name": "Zoë \"quoted\"", "list": [1, 2.5, None, True, "tab\there"], "nested": {"emoji": "\U0001f600", "ctl": "\x00\x1f"}}
text = json.dumps(doc)
print(text)
print(json.dumps(doc, ensure_ascii=False))
print(json.loads(text) == doc, json.loads('["\\ud834\\udd1e", "\\u00e9"]'))
for bad in ['{"a": "unterminated', '["\\q"]', '"\x01"']:
    try: json.loads(bad)
    except json.JSONDecodeError as e: print("JSONDecodeError", e)

a = '["é", "ü\\u00e9", "x"]'
b = '["ñññ", "ö", "y"]'
print(_json.scanstring(a, 2), _json.scanstring(b, 2), _json.scanstring(a, 7), _json.scanstring(b, 9),
      _json.scanstring(a, 2), _json.scanstring(b, 14))
print(json.loads('{"k\u00e9y": ["\u00fc", {"\u20ac": "\U0001f600\\n"}]}'))
