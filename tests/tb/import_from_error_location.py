from sys import (
    argv,
    nope)
