# tarfile: writing and reading gzip, bz2 and xz archives in memory (the
# members are read through a BufferedReader over a raw object that has
# read() but no readall()).
import io
import tarfile

for mode in ("w", "w:gz", "w:bz2", "w:xz"):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as t:
        for name, data in [("a.txt", b"first file\n" * 3), ("dir/b.bin", bytes(range(10)))]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 0
            t.addfile(info, io.BytesIO(data))
    buf.seek(0)
    with tarfile.open(fileobj=buf) as t:
        print(mode, t.getnames(), t.extractfile("a.txt").read()[:10], t.extractfile("dir/b.bin").read(), t.getmember("a.txt").size)
