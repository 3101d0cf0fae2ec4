e = TypeError("bad type")
e.add_note("extra context")
raise e
