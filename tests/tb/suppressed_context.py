def parse(s):
    try:
        return int(s)
    except ValueError:
        raise TypeError("expected digits") from None


print(parse("12"))
parse("x1")
