s = '''abc
