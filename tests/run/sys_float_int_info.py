# sys.float_info and sys.int_info: struct sequences with CPython's values.
import sys
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info[0], len(sys.float_info), sys.float_info.min)
print(sys.int_info, sys.int_info.default_max_str_digits)
print(type(sys.float_info).__name__, isinstance(sys.float_info, tuple), sys.version_info.major, sys.version_info[:2])
