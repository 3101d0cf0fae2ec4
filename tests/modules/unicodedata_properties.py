# Every property of a sample of code points (every 7th, and the whole of
# the first 0x3400), in the 14.0.0 database and in ucd_3_2_0, as digests.
import hashlib
import unicodedata

SAMPLE = sorted(set(range(0x3400)) | set(range(0, 0x110000, 7)))

PROPERTIES = {
    "category": lambda db, c: db.category(c),
    "bidirectional": lambda db, c: db.bidirectional(c),
    "combining": lambda db, c: db.combining(c),
    "east_asian_width": lambda db, c: db.east_asian_width(c),
    "mirrored": lambda db, c: db.mirrored(c),
    "decimal": lambda db, c: db.decimal(c, None),
    "digit": lambda db, c: db.digit(c, None),
    "numeric": lambda db, c: db.numeric(c, None),
    "decomposition": lambda db, c: db.decomposition(c),
    "name": lambda db, c: db.name(c, None),
    "NFC": lambda db, c: db.normalize("NFC", c),
    "NFKD": lambda db, c: db.normalize("NFKD", c),
}

for db in (unicodedata, unicodedata.ucd_3_2_0):
    for prop, get in PROPERTIES.items():
        h = hashlib.sha256()
        for cp in SAMPLE:
            h.update(repr(get(db, chr(cp))).encode("utf-8", "surrogatepass"))
        print(db.unidata_version, prop, h.hexdigest()[:16])

# Names back to characters: every named code point of the sample, in
# capitals and in small letters (which the names made of a prefix and a
# number do not accept).
for db in (unicodedata, unicodedata.ucd_3_2_0):
    found = refused = 0
    for cp in SAMPLE:
        name = db.name(chr(cp), None)
        if name is not None:
            assert db.lookup(name) == chr(cp), hex(cp)
            try:
                assert db.lookup(name.lower()) == chr(cp), hex(cp)
                found += 1
            except KeyError:
                refused += 1
    print(db.unidata_version, "names looked up:", found, "refused in small letters:", refused)
