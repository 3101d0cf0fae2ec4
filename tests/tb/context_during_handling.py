def cleanup():
    return undefined_name


try:
    1 / 0
except ZeroDivisionError:
    cleanup()
