def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise LookupError(f"no config for {key!r}") from e


def main():
    print("loading")
    return load("b")


main()
