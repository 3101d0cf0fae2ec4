"""A module imported by the import tests."""
VALUE = 42
_private = "hidden"
__all__ = ["VALUE", "greet"]


def greet(name):
    return f"hello {name} from {__name__}"


if __name__ == "__main__":
    print("helper run as a script")
