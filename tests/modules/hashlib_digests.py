import hashlib, hmac, secrets, uuid
for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'blake2b', 'blake2s']:
    h = hashlib.new(name, b'abc'); h2 = h.copy(); h2.update(b'def')
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest()[:24], h2.hexdigest()[:16])
print(hashlib.shake_128(b'x').hexdigest(8), hashlib.shake_256(b'x').digest(4), hashlib.blake2b(b'x', digest_size=8).hexdigest())
print(hashlib.md5(b'').hexdigest(), hashlib.sha256(usedforsecurity=False).hexdigest()[:8], sorted(hashlib.algorithms_guaranteed)[:3])
print(hmac.new(b'key', b'msg', 'sha256').hexdigest(), hmac.compare_digest('a', 'a'), len(secrets.token_bytes(5)))
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'), len(str(uuid.uuid4())))
try: hashlib.sha1('str')
except TypeError as e: print(e)
