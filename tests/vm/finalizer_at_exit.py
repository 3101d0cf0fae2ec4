# Objects with __del__ still alive at exit, one holding another: the
# process ends normally (it used to crash freeing them).
class A:
    def __del__(self):
        pass
keep = [A() for _ in range(3)]
a = A()
a.b = A()
print("end")
