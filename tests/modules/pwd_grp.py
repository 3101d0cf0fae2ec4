# pwd and grp read the system's user and group databases.
import grp
import os
import pwd

root = pwd.getpwuid(0)
print(root.pw_name, root.pw_uid, root.pw_gid, type(root).__name__, pwd.struct_passwd.__module__)
print(len(root), root[0] == root.pw_name, pwd.struct_passwd.n_sequence_fields)
print(pwd.getpwnam(root.pw_name) == root, root in pwd.getpwall())
me = pwd.getpwuid(os.getuid())
print(me.pw_uid == os.getuid(), isinstance(me.pw_dir, str))
group = grp.getgrgid(0)
print(group.gr_name, group.gr_gid, type(group.gr_mem).__name__, type(group).__name__)
print(grp.getgrnam(group.gr_name) == group, group in grp.getgrall(), len(group))
for call in [lambda: pwd.getpwuid(2**31 - 7), lambda: pwd.getpwnam("no such user"),
             lambda: grp.getgrgid(2**31 - 7), lambda: grp.getgrnam("no such group"),
             lambda: pwd.getpwuid(-5), lambda: pwd.getpwuid(2**40), lambda: pwd.getpwuid("x"),
             lambda: grp.getgrnam(3), lambda: pwd.getpwnam("a\0b")]:
    try:
        call()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
