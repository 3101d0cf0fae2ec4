items = [1, 2, 3]
label = "count: "
print(label + len(items))
