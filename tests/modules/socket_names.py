# Reverse lookups: getnameinfo with numeric flags and its argument errors,
# gethostbyaddr of the loopback address and of an address with no name,
# and an http.server on localhost (its bind asks getfqdn) served from a
# thread.
import http.server
import socket
import threading
import urllib.request

flags = socket.NI_NUMERICHOST | socket.NI_NUMERICSERV
print(socket.getnameinfo(("127.0.0.1", 8080), flags))
for bad in [("127.0.0.1",), "127.0.0.1"]:
    try:
        socket.getnameinfo(bad, 0)
    except TypeError as e:
        print(type(e).__name__ + ":", e)
name, aliases, addresses = socket.gethostbyaddr("127.0.0.1")
print(type(name).__name__, bool(name), addresses)
try:
    socket.gethostbyaddr("192.0.2.77")
except socket.herror as e:
    print("herror:", e)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"page " + self.path.encode())

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
with urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/hello") as r:
    print(r.status, r.read())
server.shutdown()
server.server_close()
print(socket.getnameinfo(("127.0.0.1", 70000), flags))
