# main guard
def main():
    print("running main", __name__)
if __name__ == "__main__":
    main()
print(__file__.endswith("main_guard.py"), __builtins__ is not None, __doc__)
