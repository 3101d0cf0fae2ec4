match = 1
case = 2
_ = 3
match.x = 4
match[0] = 5
match(x)
print(match, case, _)
match = case = _ = None
def match(case): return case
match (x)
match * x
match - x
class match: pass
type = 1
