# unicodedata's functions, its UCD type and ucd_3_2_0: values, aliases,
# named sequences, normalization of whole strings, and CPython's errors.
import unicodedata as u

print(u.unidata_version, u.ucd_3_2_0.unidata_version, u.UCD.__module__)
print(type(u.ucd_3_2_0).__name__, isinstance(u.ucd_3_2_0, u.UCD))
print(repr(u.category), u.UCD.category.__name__)

for ch in ["A", "a", "1", "\u00bd", "\u0663", "\u2460", "\u4e00", "\uac00", "\ud800", "\ue000",
           "\U0001f600", "\u0378", "\u0301", "\u200f", " ", "\x00"]:
    print(ascii(ch), u.category(ch), repr(u.bidirectional(ch)), u.combining(ch),
          u.east_asian_width(ch), u.mirrored(ch), u.decimal(ch, "-"), u.digit(ch, "-"),
          u.numeric(ch, "-"), repr(u.decomposition(ch)), u.name(ch, "-"))

print(u.lookup("LATIN SMALL LETTER A"), u.lookup("latin capital letter e with acute"))
print(ascii(u.lookup("HANGUL SYLLABLE GAG")), ascii(u.lookup("CJK UNIFIED IDEOGRAPH-4E00")))
print(ascii(u.lookup("NEW LINE")), ascii(u.lookup("BYTE ORDER MARK")), ascii(u.lookup("LF")))
print(hex(ord(u.lookup("LATIN CAPITAL LETTER GHA"))))
print(ascii(u.lookup("KEYCAP NUMBER SIGN")), ascii(u.lookup("LATIN SMALL LETTER A WITH MACRON AND GRAVE")))
print(u.lookup(b"DIGIT ONE"))
print(ascii(u.ucd_3_2_0.lookup("LATIN SMALL LETTER A")))

def attempt(f, *args):
    try:
        print(ascii(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)

attempt(u.lookup, "NO SUCH THING")
attempt(u.lookup, "EM")
attempt(u.lookup, "x" * 300)
attempt(u.lookup, 1)
attempt(u.ucd_3_2_0.lookup, "LATIN CAPITAL LETTER GHA")
attempt(u.ucd_3_2_0.lookup, "KEYCAP NUMBER SIGN")
attempt(u.ucd_3_2_0.lookup, "GRINNING FACE")
attempt(u.lookup, "GRINNING FACE")
attempt(u.name, "\x00")
attempt(u.name, "\U0001f600")
attempt(u.ucd_3_2_0.name, "\U0001f600")
attempt(u.decimal, "a")
attempt(u.digit, "a")
attempt(u.numeric, "a")
attempt(u.category, 1)
attempt(u.category, "ab")
attempt(u.category, "")
attempt(u.name, 1)
attempt(u.ucd_3_2_0.category, 1)
attempt(u.category, "a", "b")
attempt(u.category)
attempt(u.name)
attempt(u.name, "a", "b", "c")
attempt(u.normalize, "NFC")
attempt(u.normalize, 1, "a")
attempt(u.normalize, "NFC", 1)
attempt(u.normalize, "NFX", "a")
attempt(u.is_normalized, "nfc", "a")
attempt(u.UCD)
attempt(u.lookup)

samples = ["Spicy Jalape\u00f1o", "Spicy Jalapen\u0303o", "\ufb01ne", "\u1e9b\u0323",
           "s\u0307\u0323", "\u0041\u030a\u0301", "\u1100\u1161\u11a8 \uac00\u11a8",
           "\u2460\u00b2\u2075", "e\u0301\u0301\u0327", "\u0958\u09dc", "x\ud800\u0301",
           "\u0344\u0f73\u0f75", "\u00c5\u212b\u0041\u030a", "\U0001d15e\U0001d160"]
for s in samples:
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        n = u.normalize(form, s)
        print(form, ascii(n), u.is_normalized(form, s), u.is_normalized(form, n),
              ascii(u.ucd_3_2_0.normalize(form, s)))

s = "already ascii"
print(u.normalize("NFKC", s) is s)
print(ascii(u.ucd_3_2_0.normalize("NFC", "\U0002f868")), ascii(u.normalize("NFC", "\U0002f868")))
print(ascii(u.ucd_3_2_0.normalize("NFC", "\u1b05\u1b35")), ascii(u.ucd_3_2_0.normalize("NFD", "\u1b06")))

# IDNA's nameprep and stringprep stand on ucd_3_2_0.
import stringprep
print(stringprep.in_table_a1("\u0221"), stringprep.in_table_b1("\u00ad"), stringprep.in_table_c12("\u00a0"),
      stringprep.in_table_d1("\u05be"), stringprep.in_table_d2("a"), ascii(stringprep.map_table_b2("\u00df")))
for host in ["b\u00fccher.example", "\u4f8b\u3048.\u30c6\u30b9\u30c8", "MASSE.de", "xn--bcher-kva.example"]:
    encoded = host.encode("idna")
    print(ascii(host), encoded, ascii(encoded.decode("idna")))
