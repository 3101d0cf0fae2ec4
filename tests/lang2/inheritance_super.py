class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Dog(Animal):
    sound = "woof"

    def speak(self):
        return super().speak() + "!"


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        base = super(Puppy, self).speak()
        return f"{base} (age {self.age})"


for a in (Animal("generic"), Dog("rex"), Puppy("bit", 1)):
    print(repr(a), a.speak())


class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])


class Meta(type):
    pass


class Counter:
    count = 0

    @classmethod
    def bump(cls):
        cls.count += 1
        return cls.count


class SubCounter(Counter):
    pass


print(Counter.bump(), SubCounter.bump(), SubCounter.bump(), Counter.count, SubCounter.count)


class Sized(list):
    def append(self, v):
        super().append(v * 2)

    def __len__(self):
        return super().__len__() * 10


s = Sized([1])
s.append(5)
print(s, len(s), isinstance(s, list), type(s).__name__, list(s))


class Str(str):
    def shout(self):
        return self.upper() + "!"


print(Str("hi").shout(), Str("a") + "b", type(Str("a") + "b").__name__, Str("x") == "x")


class Num(int):
    def __add__(self, o):
        return Num(int(self) + int(o) + 100)


print(Num(1) + 2, 2 + Num(1), type(Num(5) * 2).__name__, Num(7) // 2, repr(Num(3)))
try:
    super(Dog, Animal("x")).speak()
except TypeError as e:
    print("TypeError", e)
