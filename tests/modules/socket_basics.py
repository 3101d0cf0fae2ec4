# socket: socketpair, TCP over loopback with timeouts and makefile, UDP,
# the resolver and address helpers.
import socket, threading
print(socket.AF_INET, socket.SOCK_STREAM, repr(socket.AF_INET6), socket.has_ipv6)
a, b = socket.socketpair()
a.sendall(b"ping")
print(b.recv(10), a.family, a.type)
b.send(b"pong"); print(a.recv(4))
a.close(); print(b.recv(10)); b.close()
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0)); srv.listen()
host, port = srv.getsockname()
print(host, port > 0, srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
c = socket.create_connection((host, port), timeout=5)
conn, addr = srv.accept()
print(addr[0], conn.getpeername() == c.getsockname(), c.gettimeout(), conn.gettimeout())
c.sendall(b"x" * 100000)
got = 0
while got < 100000:
    got += len(conn.recv(65536))
print(got)
conn.settimeout(0.1)
try:
    conn.recv(10)
except TimeoutError as e:
    print("TimeoutError:", e)
conn.setblocking(False)
try:
    conn.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
f = c.makefile("rwb")
conn.setblocking(True)
conn.sendall(b"line one\nline two\n")
print(f.readline(), f.readline())
f.close(); c.close(); conn.close(); srv.close()
print(socket.inet_aton("127.0.0.1"), socket.inet_ntoa(b"\x7f\x00\x00\x01"), socket.inet_aton("127.1"), socket.htons(1), socket.ntohl(1))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\x00" * 15 + b"\x01"))
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.gethostbyname("localhost"))
try:
    socket.getaddrinfo("no-such-host.invalid", 80)
except socket.gaierror as e:
    # No such name, or no resolver reachable: both are gaierror.
    print("gaierror", e.errno in (socket.EAI_NONAME, socket.EAI_AGAIN, socket.EAI_NODATA))
try:
    socket.create_connection(("127.0.0.1", 1), timeout=2)
except ConnectionRefusedError as e:
    print("ConnectionRefusedError:", e)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
v.sendto(b"datagram", u.getsockname())
data, frm = u.recvfrom(100)
print(data, frm == v.getsockname())
u.close(); v.close()
s = socket.socket()
print(repr(s)[:40], s.fileno() > 0)
s.close(); print(s.fileno(), s)
with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as us:
    print(us.family, us.type)
