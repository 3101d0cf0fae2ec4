# str predicates
for s in ["abc", "ABC", "123", "1.5", "abc123", " ", "", "Abc Def", "\t\n", "٣", "½", "ab_c", "_id", "1id"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(), s.isidentifier(), s.isascii())
