# csv.reader of something that is not iterable says so as iter() does.
import csv

class BadIter:
    def __iter__(self):
        return 5

for arg in (5, BadIter(), None):
    try:
        csv.reader(arg)
    except TypeError as e:
        print("TypeError", e)
print(list(csv.reader(["a,b", "c"])))
