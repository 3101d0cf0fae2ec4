object(1)
