# platform parses sys.version; a version it cannot parse breaks every
# module that asks it (wsgiref's server names itself with it).
import platform
import sys
from wsgiref import simple_server

print(platform.python_version(), platform.python_version_tuple())
print(platform.python_implementation())
print(simple_server.sys_version)
print(sys.version.split()[0], isinstance(platform.python_build(), tuple))
