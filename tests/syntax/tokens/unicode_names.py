café = 1
π = 3.14
日本語 = "Japanese"
ﬁ = 2
ℌ = 3
x = café + π + ﬁ + ℌ
def naïve(ñ): return ñ
class Über: pass
print(f'{café=}')
