import sys as s, nonexist
