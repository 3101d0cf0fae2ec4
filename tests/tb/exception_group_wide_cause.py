try:
    raise ExceptionGroup("inner", [ValueError(i) for i in range(17)])
except ExceptionGroup as e:
    e.add_note("a note")
    raise RuntimeError("wrapper") from e
