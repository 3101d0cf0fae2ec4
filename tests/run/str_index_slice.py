# str index slice
s = "Python"
print(s[0], s[-1], s[1:4], s[:2], s[2:], s[::2], s[::-1], s[-3:-1], s[10:20], s[4:1], s[-100:2])
print(len(s), s * 2, s + "!", min(s), max(s), sorted(s), list(s), tuple(s[:2]))
u = "héllo wörld ✓"
print(u[1], u[-1], u[::-1], len(u), u.upper(), u.encode("utf-8"), u.find("ö"), u[7:])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "J"
except TypeError as e:
    print("TypeError:", e)
