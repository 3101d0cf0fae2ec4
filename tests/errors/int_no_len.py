len(iter([]))
