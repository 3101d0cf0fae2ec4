//! `termios`: terminal attributes through the C library, as `tty`,
//! `getpass` and `pty` use them.

use crate::select::fileno;
use krait_vm::api::{
    add_int_constants, bytes_data, list_items, small_int, Args, FunctionDef as F, ModuleDef, Obj,
    PyResult, Value, Vm,
};

pub const MODULE: ModuleDef = ModuleDef {
    name: "termios",
    doc: Some("This module provides an interface to the Posix calls for tty I/O control.\nFor a complete description of these calls, see the Posix or Unix manual\npages. It is only available for those Unix versions that support Posix\ntermios style tty I/O control.\n\nAll functions in this module take a file descriptor fd as their first\nargument. This can be an integer file descriptor, such as returned by\nsys.stdin.fileno(), or a file object, such as sys.stdin itself."),
    functions: FUNCTIONS,
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    vm.exec_in(
        "class error(Exception): pass\nerror.__module__ = 'termios'\n",
        m,
    )?;
    add_int_constants(vm, m, CONSTANTS);
    Ok(())
}

/// `termios.error(errno, strerror)` for the C library's last error.
fn error(vm: &mut Vm) -> Obj {
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    let made = vm.native_class("termios", "error").and_then(|cls| {
        let text = vm.new_string(crate::posix::strerror(errno));
        vm.call(&Value::Obj(cls), vec![Value::Int(errno as i64), text])
    });
    match made {
        Ok(Value::Obj(e)) => e,
        Ok(_) => vm.type_error("termios.error() made no exception"),
        Err(e) => e,
    }
}

fn check(vm: &mut Vm, r: libc::c_int) -> PyResult<()> {
    if r == -1 {
        return Err(error(vm));
    }
    Ok(())
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<libc::c_int> {
    let i = vm.ssize_arg(v)?;
    libc::c_int::try_from(i)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
}

fn get_attributes(vm: &mut Vm, fd: libc::c_int) -> PyResult<libc::termios> {
    // SAFETY: termios is a plain C struct; all-zero bytes are a valid value.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is a valid termios for tcgetattr to fill.
    let r = unsafe { libc::tcgetattr(fd, &mut t) };
    check(vm, r)?;
    Ok(t)
}

fn tcgetattr(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fileno(vm, &a.pos[0])?;
    let t = get_attributes(vm, fd)?;
    // SAFETY: `t` is an initialised termios.
    let (ispeed, ospeed) = unsafe { (libc::cfgetispeed(&t), libc::cfgetospeed(&t)) };
    let canonical = t.c_lflag & libc::ICANON != 0;
    let cc: Vec<Value> = t
        .c_cc
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            // Without ICANON, VMIN and VTIME are counts, not characters.
            if !canonical && (i == libc::VMIN || i == libc::VTIME) {
                Value::Int(c as i64)
            } else {
                vm.new_bytes(vec![c])
            }
        })
        .collect();
    let cc = vm.new_list(cc);
    let fields = vec![
        Value::Int(t.c_iflag as i64),
        Value::Int(t.c_oflag as i64),
        Value::Int(t.c_cflag as i64),
        Value::Int(t.c_lflag as i64),
        Value::Int(ispeed as i64),
        Value::Int(ospeed as i64),
        cc,
    ];
    Ok(vm.new_list(fields))
}

fn tcsetattr(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fileno(vm, &a.pos[0])?;
    let when = int_arg(vm, &a.pos[1])?;
    let attrs = list_items(&a.pos[2])
        .filter(|l| l.len() == 7)
        .ok_or_else(|| vm.type_error("tcsetattr, arg 3: must be 7 element list"))?;
    let mut t = get_attributes(vm, fd)?;
    let flag = |vm: &mut Vm, v: &Value| -> PyResult<libc::tcflag_t> {
        let i = vm.ssize_arg(v)?;
        Ok(i as libc::tcflag_t)
    };
    t.c_iflag = flag(vm, &attrs[0])?;
    t.c_oflag = flag(vm, &attrs[1])?;
    t.c_cflag = flag(vm, &attrs[2])?;
    t.c_lflag = flag(vm, &attrs[3])?;
    let ispeed = flag(vm, &attrs[4])? as libc::speed_t;
    let ospeed = flag(vm, &attrs[5])? as libc::speed_t;
    let cc = list_items(&attrs[6])
        .filter(|l| l.len() == libc::NCCS)
        .ok_or_else(|| {
            vm.type_error(format!(
                "tcsetattr: attributes[6] must be {} element list",
                libc::NCCS
            ))
        })?;
    for (i, v) in cc.iter().enumerate() {
        t.c_cc[i] = match (bytes_data(v), small_int(v)) {
            (Some(b), _) if b.len() == 1 && !matches!(v, Value::Int(_)) => b[0],
            (_, Some(n)) => n as libc::cc_t,
            _ => {
                return Err(vm.type_error(
                    "tcsetattr: elements of attributes must be characters or integers",
                ))
            }
        };
    }
    // SAFETY: `t` is an initialised termios; the calls only read or
    // update it.
    let r = unsafe { libc::cfsetispeed(&mut t, ispeed) };
    check(vm, r)?;
    // SAFETY: as above.
    let r = unsafe { libc::cfsetospeed(&mut t, ospeed) };
    check(vm, r)?;
    // SAFETY: `t` is a valid termios for tcsetattr to read.
    let r = unsafe { libc::tcsetattr(fd, when, &t) };
    check(vm, r)?;
    Ok(Value::None)
}

/// The calls that take a descriptor and one int.
fn fd_and_int(
    vm: &mut Vm,
    a: &Args,
    call: unsafe extern "C" fn(libc::c_int, libc::c_int) -> libc::c_int,
) -> PyResult {
    let fd = fileno(vm, &a.pos[0])?;
    let n = int_arg(vm, &a.pos[1])?;
    // SAFETY: the call takes two ints and touches no memory of ours.
    let r = unsafe { call(fd, n) };
    check(vm, r)?;
    Ok(Value::None)
}

fn tcgetwinsize(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fileno(vm, &a.pos[0])?;
    // SAFETY: winsize is a plain C struct; zero is a valid value.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ fills the winsize it is given.
    let r = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) };
    check(vm, r)?;
    Ok(vm.new_tuple(vec![
        Value::Int(w.ws_row as i64),
        Value::Int(w.ws_col as i64),
    ]))
}

fn tcsetwinsize(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fileno(vm, &a.pos[0])?;
    let seq = &a.pos[1];
    let len = vm
        .call_method(seq, "__len__", vec![])
        .ok()
        .and_then(|n| small_int(&n));
    if len != Some(2) {
        return Err(vm.type_error("tcsetwinsize, arg 2: must be a two-item sequence"));
    }
    let rows = vm.call_method(seq, "__getitem__", vec![Value::Int(0)])?;
    let cols = vm.call_method(seq, "__getitem__", vec![Value::Int(1)])?;
    let rows = vm.ssize_arg(&rows)?;
    let cols = vm.ssize_arg(&cols)?;
    // SAFETY: as in tcgetwinsize.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ fills the winsize it is given.
    let r = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) };
    check(vm, r)?;
    let (Ok(rows), Ok(cols)) = (u16::try_from(rows), u16::try_from(cols)) else {
        return Err(vm.overflow_error("winsize value(s) out of range."));
    };
    w.ws_row = rows;
    w.ws_col = cols;
    // SAFETY: TIOCSWINSZ reads the winsize it is given.
    let r = unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, &w) };
    check(vm, r)?;
    Ok(Value::None)
}

const FUNCTIONS: &[F] = &[
    F::new("tcgetattr", tcgetattr).one(),
    F::new("tcsetattr", tcsetattr).args(3, 3),
    F::new("tcsendbreak", |vm, a| fd_and_int(vm, &a, libc::tcsendbreak)).args(2, 2),
    F::new("tcdrain", |vm, a| {
        let fd = fileno(vm, &a.pos[0])?;
        // SAFETY: tcdrain takes a descriptor and touches no memory of ours.
        let r = unsafe { libc::tcdrain(fd) };
        check(vm, r)?;
        Ok(Value::None)
    })
    .one(),
    F::new("tcflush", |vm, a| fd_and_int(vm, &a, libc::tcflush)).args(2, 2),
    F::new("tcflow", |vm, a| fd_and_int(vm, &a, libc::tcflow)).args(2, 2),
    F::new("tcgetwinsize", tcgetwinsize).one(),
    F::new("tcsetwinsize", tcsetwinsize).args(2, 2),
];

/// The constants CPython 3.11's termios has on Linux: from the C library
/// where the `libc` crate has them; the rest (control characters of
/// `<sys/ttydefaults.h>`, line disciplines, packet-mode bits) are fixed
/// by Linux's headers.
const CONSTANTS: &[(&str, i64)] = &[
    ("B0", libc::B0 as i64),
    ("B1000000", libc::B1000000 as i64),
    ("B110", libc::B110 as i64),
    ("B115200", libc::B115200 as i64),
    ("B1152000", libc::B1152000 as i64),
    ("B1200", libc::B1200 as i64),
    ("B134", libc::B134 as i64),
    ("B150", libc::B150 as i64),
    ("B1500000", libc::B1500000 as i64),
    ("B1800", libc::B1800 as i64),
    ("B19200", libc::B19200 as i64),
    ("B200", libc::B200 as i64),
    ("B2000000", libc::B2000000 as i64),
    ("B230400", libc::B230400 as i64),
    ("B2400", libc::B2400 as i64),
    ("B2500000", libc::B2500000 as i64),
    ("B300", libc::B300 as i64),
    ("B3000000", libc::B3000000 as i64),
    ("B3500000", libc::B3500000 as i64),
    ("B38400", libc::B38400 as i64),
    ("B4000000", libc::B4000000 as i64),
    ("B460800", libc::B460800 as i64),
    ("B4800", libc::B4800 as i64),
    ("B50", libc::B50 as i64),
    ("B500000", libc::B500000 as i64),
    ("B57600", libc::B57600 as i64),
    ("B576000", libc::B576000 as i64),
    ("B600", libc::B600 as i64),
    ("B75", libc::B75 as i64),
    ("B921600", libc::B921600 as i64),
    ("B9600", libc::B9600 as i64),
    ("BRKINT", libc::BRKINT as i64),
    ("BS0", libc::BS0 as i64),
    ("BS1", libc::BS1 as i64),
    ("BSDLY", libc::BSDLY as i64),
    ("CBAUD", libc::CBAUD as i64),
    ("CBAUDEX", libc::CBAUDEX as i64),
    ("CDSUSP", 25),
    ("CEOF", 4),
    ("CEOL", 0),
    ("CEOT", 4),
    ("CERASE", 127),
    ("CFLUSH", 15),
    ("CIBAUD", libc::CIBAUD as i64),
    ("CINTR", 3),
    ("CKILL", 21),
    ("CLNEXT", 22),
    ("CLOCAL", libc::CLOCAL as i64),
    ("CQUIT", 28),
    ("CR0", libc::CR0 as i64),
    ("CR1", libc::CR1 as i64),
    ("CR2", libc::CR2 as i64),
    ("CR3", libc::CR3 as i64),
    ("CRDLY", libc::CRDLY as i64),
    ("CREAD", libc::CREAD as i64),
    ("CRPRNT", 18),
    ("CRTSCTS", libc::CRTSCTS as i64),
    ("CS5", libc::CS5 as i64),
    ("CS6", libc::CS6 as i64),
    ("CS7", libc::CS7 as i64),
    ("CS8", libc::CS8 as i64),
    ("CSIZE", libc::CSIZE as i64),
    ("CSTART", 17),
    ("CSTOP", 19),
    ("CSTOPB", libc::CSTOPB as i64),
    ("CSUSP", 26),
    ("CWERASE", 23),
    ("ECHO", libc::ECHO as i64),
    ("ECHOCTL", libc::ECHOCTL as i64),
    ("ECHOE", libc::ECHOE as i64),
    ("ECHOK", libc::ECHOK as i64),
    ("ECHOKE", libc::ECHOKE as i64),
    ("ECHONL", libc::ECHONL as i64),
    ("ECHOPRT", libc::ECHOPRT as i64),
    ("EXTA", libc::EXTA as i64),
    ("EXTB", libc::EXTB as i64),
    ("FF0", libc::FF0 as i64),
    ("FF1", libc::FF1 as i64),
    ("FFDLY", libc::FFDLY as i64),
    ("FIOASYNC", libc::FIOASYNC as i64),
    ("FIOCLEX", libc::FIOCLEX as i64),
    ("FIONBIO", libc::FIONBIO as i64),
    ("FIONCLEX", libc::FIONCLEX as i64),
    ("FIONREAD", libc::FIONREAD as i64),
    ("FLUSHO", libc::FLUSHO as i64),
    ("HUPCL", libc::HUPCL as i64),
    ("ICANON", libc::ICANON as i64),
    ("ICRNL", libc::ICRNL as i64),
    ("IEXTEN", libc::IEXTEN as i64),
    ("IGNBRK", libc::IGNBRK as i64),
    ("IGNCR", libc::IGNCR as i64),
    ("IGNPAR", libc::IGNPAR as i64),
    ("IMAXBEL", libc::IMAXBEL as i64),
    ("INLCR", libc::INLCR as i64),
    ("INPCK", libc::INPCK as i64),
    ("IOCSIZE_MASK", 1073676288),
    ("IOCSIZE_SHIFT", 16),
    ("ISIG", libc::ISIG as i64),
    ("ISTRIP", libc::ISTRIP as i64),
    ("IUCLC", libc::IUCLC as i64),
    ("IXANY", libc::IXANY as i64),
    ("IXOFF", libc::IXOFF as i64),
    ("IXON", libc::IXON as i64),
    ("NCC", 8),
    ("NCCS", libc::NCCS as i64),
    ("NL0", libc::NL0 as i64),
    ("NL1", libc::NL1 as i64),
    ("NLDLY", libc::NLDLY as i64),
    ("NOFLSH", libc::NOFLSH as i64),
    ("N_MOUSE", 2),
    ("N_PPP", 3),
    ("N_SLIP", 1),
    ("N_STRIP", 4),
    ("N_TTY", 0),
    ("OCRNL", libc::OCRNL as i64),
    ("OFDEL", libc::OFDEL as i64),
    ("OFILL", libc::OFILL as i64),
    ("OLCUC", libc::OLCUC as i64),
    ("ONLCR", libc::ONLCR as i64),
    ("ONLRET", libc::ONLRET as i64),
    ("ONOCR", libc::ONOCR as i64),
    ("OPOST", libc::OPOST as i64),
    ("PARENB", libc::PARENB as i64),
    ("PARMRK", libc::PARMRK as i64),
    ("PARODD", libc::PARODD as i64),
    ("PENDIN", libc::PENDIN as i64),
    ("TAB0", libc::TAB0 as i64),
    ("TAB1", libc::TAB1 as i64),
    ("TAB2", libc::TAB2 as i64),
    ("TAB3", libc::TAB3 as i64),
    ("TABDLY", libc::TABDLY as i64),
    ("TCFLSH", libc::TCFLSH as i64),
    ("TCGETA", libc::TCGETA as i64),
    ("TCGETS", libc::TCGETS as i64),
    ("TCIFLUSH", libc::TCIFLUSH as i64),
    ("TCIOFF", libc::TCIOFF as i64),
    ("TCIOFLUSH", libc::TCIOFLUSH as i64),
    ("TCION", libc::TCION as i64),
    ("TCOFLUSH", libc::TCOFLUSH as i64),
    ("TCOOFF", libc::TCOOFF as i64),
    ("TCOON", libc::TCOON as i64),
    ("TCSADRAIN", libc::TCSADRAIN as i64),
    ("TCSAFLUSH", libc::TCSAFLUSH as i64),
    ("TCSANOW", libc::TCSANOW as i64),
    ("TCSBRK", libc::TCSBRK as i64),
    ("TCSBRKP", libc::TCSBRKP as i64),
    ("TCSETA", libc::TCSETA as i64),
    ("TCSETAF", libc::TCSETAF as i64),
    ("TCSETAW", libc::TCSETAW as i64),
    ("TCSETS", libc::TCSETS as i64),
    ("TCSETSF", libc::TCSETSF as i64),
    ("TCSETSW", libc::TCSETSW as i64),
    ("TCXONC", libc::TCXONC as i64),
    ("TIOCCONS", libc::TIOCCONS as i64),
    ("TIOCEXCL", libc::TIOCEXCL as i64),
    ("TIOCGETD", libc::TIOCGETD as i64),
    ("TIOCGICOUNT", libc::TIOCGICOUNT as i64),
    ("TIOCGLCKTRMIOS", libc::TIOCGLCKTRMIOS as i64),
    ("TIOCGPGRP", libc::TIOCGPGRP as i64),
    ("TIOCGSERIAL", libc::TIOCGSERIAL as i64),
    ("TIOCGSOFTCAR", libc::TIOCGSOFTCAR as i64),
    ("TIOCGWINSZ", libc::TIOCGWINSZ as i64),
    ("TIOCINQ", libc::TIOCINQ as i64),
    ("TIOCLINUX", libc::TIOCLINUX as i64),
    ("TIOCMBIC", libc::TIOCMBIC as i64),
    ("TIOCMBIS", libc::TIOCMBIS as i64),
    ("TIOCMGET", libc::TIOCMGET as i64),
    ("TIOCMIWAIT", libc::TIOCMIWAIT as i64),
    ("TIOCMSET", libc::TIOCMSET as i64),
    ("TIOCM_CAR", libc::TIOCM_CAR as i64),
    ("TIOCM_CD", libc::TIOCM_CD as i64),
    ("TIOCM_CTS", libc::TIOCM_CTS as i64),
    ("TIOCM_DSR", libc::TIOCM_DSR as i64),
    ("TIOCM_DTR", libc::TIOCM_DTR as i64),
    ("TIOCM_LE", libc::TIOCM_LE as i64),
    ("TIOCM_RI", libc::TIOCM_RI as i64),
    ("TIOCM_RNG", libc::TIOCM_RNG as i64),
    ("TIOCM_RTS", libc::TIOCM_RTS as i64),
    ("TIOCM_SR", libc::TIOCM_SR as i64),
    ("TIOCM_ST", libc::TIOCM_ST as i64),
    ("TIOCNOTTY", libc::TIOCNOTTY as i64),
    ("TIOCNXCL", libc::TIOCNXCL as i64),
    ("TIOCOUTQ", libc::TIOCOUTQ as i64),
    ("TIOCPKT", libc::TIOCPKT as i64),
    ("TIOCPKT_DATA", 0),
    ("TIOCPKT_DOSTOP", 32),
    ("TIOCPKT_FLUSHREAD", 1),
    ("TIOCPKT_FLUSHWRITE", 2),
    ("TIOCPKT_NOSTOP", 16),
    ("TIOCPKT_START", 8),
    ("TIOCPKT_STOP", 4),
    ("TIOCSCTTY", libc::TIOCSCTTY as i64),
    ("TIOCSERCONFIG", libc::TIOCSERCONFIG as i64),
    ("TIOCSERGETLSR", libc::TIOCSERGETLSR as i64),
    ("TIOCSERGETMULTI", libc::TIOCSERGETMULTI as i64),
    ("TIOCSERGSTRUCT", libc::TIOCSERGSTRUCT as i64),
    ("TIOCSERGWILD", libc::TIOCSERGWILD as i64),
    ("TIOCSERSETMULTI", libc::TIOCSERSETMULTI as i64),
    ("TIOCSERSWILD", libc::TIOCSERSWILD as i64),
    ("TIOCSER_TEMT", 1),
    ("TIOCSETD", libc::TIOCSETD as i64),
    ("TIOCSLCKTRMIOS", libc::TIOCSLCKTRMIOS as i64),
    ("TIOCSPGRP", libc::TIOCSPGRP as i64),
    ("TIOCSSERIAL", libc::TIOCSSERIAL as i64),
    ("TIOCSSOFTCAR", libc::TIOCSSOFTCAR as i64),
    ("TIOCSTI", libc::TIOCSTI as i64),
    ("TIOCSWINSZ", libc::TIOCSWINSZ as i64),
    ("TOSTOP", libc::TOSTOP as i64),
    ("VDISCARD", libc::VDISCARD as i64),
    ("VEOF", libc::VEOF as i64),
    ("VEOL", libc::VEOL as i64),
    ("VEOL2", libc::VEOL2 as i64),
    ("VERASE", libc::VERASE as i64),
    ("VINTR", libc::VINTR as i64),
    ("VKILL", libc::VKILL as i64),
    ("VLNEXT", libc::VLNEXT as i64),
    ("VMIN", libc::VMIN as i64),
    ("VQUIT", libc::VQUIT as i64),
    ("VREPRINT", libc::VREPRINT as i64),
    ("VSTART", libc::VSTART as i64),
    ("VSTOP", libc::VSTOP as i64),
    ("VSUSP", libc::VSUSP as i64),
    ("VSWTC", libc::VSWTC as i64),
    ("VSWTCH", 7),
    ("VT0", libc::VT0 as i64),
    ("VT1", libc::VT1 as i64),
    ("VTDLY", libc::VTDLY as i64),
    ("VTIME", libc::VTIME as i64),
    ("VWERASE", libc::VWERASE as i64),
    ("XCASE", libc::XCASE as i64),
    ("XTABS", libc::XTABS as i64),
];
