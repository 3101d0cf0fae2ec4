import sys.nothing
