try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError:
    pass
