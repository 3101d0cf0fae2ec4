# termios on a pseudo-terminal: attributes read, changed and read back,
# as tty.setraw changes them; errors on a descriptor that is no terminal.
import os
import termios
import tty

master, slave = os.openpty()
attrs = termios.tcgetattr(slave)
print(len(attrs), len(attrs[6]) == termios.NCCS, type(attrs[6][termios.VINTR]).__name__)
print(bool(attrs[3] & termios.ICANON), bool(attrs[3] & termios.ECHO))
tty.setraw(slave)
raw = termios.tcgetattr(slave)
print(bool(raw[3] & termios.ICANON), bool(raw[3] & termios.ECHO))
print(raw[6][termios.VMIN], raw[6][termios.VTIME])
termios.tcsetattr(slave, termios.TCSANOW, attrs)
print(termios.tcgetattr(slave) == attrs)
termios.tcsetwinsize(slave, (24, 80))
print(termios.tcgetwinsize(slave))
termios.tcflush(slave, termios.TCIOFLUSH)
termios.tcdrain(slave)
try:
    termios.tcsetattr(slave, termios.TCSANOW, [1, 2])
except TypeError as e:
    print("TypeError:", e)
r, w = os.pipe()
try:
    termios.tcgetattr(r)
except termios.error as e:
    print(type(e).__module__, type(e).__name__, e.args[0] == 25)
print(termios.B9600, termios.TCSANOW, termios.VMIN, termios.CEOF, termios.N_TTY)
for fd in (master, slave, r, w):
    os.close(fd)
