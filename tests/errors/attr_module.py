import sys
sys.nothing
