1j < 2j
