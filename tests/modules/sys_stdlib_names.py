# sys.stdlib_module_names: every standard-library module, by name (made
# when first read).
import sys

names = sys.stdlib_module_names
print(type(names).__name__, "json" in names, "test" in names, "nt" in names, "_abc" in names)
print(all(isinstance(n, str) for n in names), "xml" in names, "os.path" in names)
print(sorted(n for n in names if n.startswith("ht")), sorted(n for n in names if n.startswith("zip")))
