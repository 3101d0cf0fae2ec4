# string formatting mix
name, n, pi = "krait", 7, 3.14159265
print("%s has %d items costing %.2f" % (name, n, pi))
print("{} has {} items costing {:.2f}".format(name, n, pi))
print(f"{name} has {n} items costing {pi:.2f}")
print("{0:>10}|{0:<10}|{0:^10}|".format(name))
print("%10s|%-10s|" % (name, name), "%05.1f|%+.3e" % (pi, pi), "%x|%#x|%o" % (255, 255, 8))
table = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 2.0)]
for fruit, qty, price in table:
    print(f"{fruit:<8}{qty:>5}{price:>8.2f}{qty * price:>10.2f}")
print(f"{'total':<8}{sum(q for _, q, _ in table):>5}")
print(f"{1e6:,.0f}", f"{0.000123:.2e}", f"{123:0>6}", f"{-5:03d}", f"{5:+03d}", f"{3.0:g}", f"{1234.5678:.6g}")
print("%c%c%c" % (72, 105, 33), "%r" % [1, "a"], "%s" % (None,), "%5.1f%%" % 99.44)
print("a{}b{}c".format(*"XY"), "{x}-{y}".format(**{"x": 1, "y": 2}), "{:,}".format(10 ** 9))
