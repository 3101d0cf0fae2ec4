//! `_socket`, under `socket`: TCP, UDP and Unix sockets over the C
//! library (through `socket2`), the resolver, and the byte-order and
//! address helpers.
//!
//! Timeouts are CPython's: with none the descriptor blocks; with 0 it is
//! non-blocking and a call that would wait raises BlockingIOError; with a
//! positive timeout the descriptor is non-blocking and each call waits in
//! `poll` for at most the timeout, then raises `TimeoutError('timed out')`.
//! A wait interrupted by a signal runs its Python handler and goes on.

mod addr;
mod resolve;
mod sock;

use crate::posix::errno_error;
use krait_vm::api::{
    bytes_data, small_int, str_value, Args, FunctionDef as F, ModuleDef, Obj, PyResult, TypeDef,
    Value, Vm,
};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_socket",
    doc: Some(
        "Implementation module for socket operations.\n\nSee the socket module for documentation.",
    ),
    functions: &[
        F::new("getaddrinfo", resolve::py_getaddrinfo).named(
            &["host", "port", "family", "type", "proto", "flags"],
            0,
            6,
            2,
        ),
        F::new("gethostbyname", resolve::gethostbyname).one(),
        F::new("gethostbyname_ex", resolve::gethostbyname_ex).one(),
        F::new("gethostname", |vm, _| {
            let mut buf = [0u8; 256];
            // SAFETY: gethostname writes at most `buf.len()` bytes.
            if unsafe { libc::gethostname(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) } != 0 {
                return Err(crate::posix::os_error(vm, None, None));
            }
            let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            Ok(vm.new_string(String::from_utf8_lossy(&buf[..end]).into_owned()))
        })
        .no_args(),
        F::new("socketpair", sock::socketpair).args(0, 3),
        F::new("getdefaulttimeout", |vm, _| {
            Ok(match sock::default_timeout() {
                Some(t) => vm.new_float(t),
                None => Value::None,
            })
        })
        .no_args(),
        F::new("setdefaulttimeout", |vm, a| {
            let t = sock::timeout_arg(vm, &a.pos[0])?;
            sock::set_default_timeout(t);
            Ok(Value::None)
        })
        .one(),
        F::new("close", |vm, a| {
            let fd = crate::posix::fd_arg(vm, &a.pos[0])?;
            // SAFETY: closing a descriptor number the program owns.
            if unsafe { libc::close(fd) } != 0 {
                return Err(crate::posix::os_error(vm, None, None));
            }
            Ok(Value::None)
        })
        .one(),
        F::new("dup", |vm, a| {
            let fd = crate::posix::fd_arg(vm, &a.pos[0])?;
            // SAFETY: F_DUPFD_CLOEXEC makes a new descriptor or fails.
            let new = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
            if new < 0 {
                return Err(crate::posix::os_error(vm, None, None));
            }
            Ok(Value::Int(new as i64))
        })
        .one(),
        F::new("htons", |vm, a| {
            Ok(Value::Int(u16_arg(vm, &a.pos[0])?.to_be() as i64))
        })
        .one(),
        F::new("ntohs", |vm, a| {
            Ok(Value::Int(u16::from_be(u16_arg(vm, &a.pos[0])?) as i64))
        })
        .one(),
        F::new("htonl", |vm, a| {
            Ok(Value::Int(u32_arg(vm, &a.pos[0])?.to_be() as i64))
        })
        .one(),
        F::new("ntohl", |vm, a| {
            Ok(Value::Int(u32::from_be(u32_arg(vm, &a.pos[0])?) as i64))
        })
        .one(),
        F::new("inet_aton", inet_aton).one(),
        F::new("inet_ntoa", inet_ntoa).one(),
        F::new("inet_pton", inet_pton).args(2, 2),
        F::new("inet_ntop", inet_ntop).args(2, 2),
        F::new("getservbyname", getservbyname).args(1, 2),
        F::new("getprotobyname", |vm, a| {
            let name = str_value(&a.pos[0]).unwrap_or_default();
            let n = match name.as_str() {
                "ip" => 0,
                "icmp" => 1,
                "tcp" => 6,
                "udp" => 17,
                "ipv6" => 41,
                "icmpv6" => 58,
                _ => return Err(os_error_msg(vm, "protocol not found")),
            };
            Ok(Value::Int(n))
        })
        .one(),
        F::new("getnameinfo", resolve::getnameinfo).args(2, 2),
        F::new("gethostbyaddr", resolve::gethostbyaddr).one(),
    ],
    init: Some(init),
};

/// An `OSError` with a message and no errno.
pub fn os_error_msg(vm: &mut Vm, msg: &str) -> Obj {
    let cls = Value::Obj(vm.exception_class("OSError"));
    let m = vm.new_str(msg);
    match vm.call(&cls, vec![m]) {
        Ok(Value::Obj(e)) => e,
        Ok(_) => vm.runtime_error("OSError made no exception"),
        Err(e) => e,
    }
}

/// `socket.AddressFamily(n)` (or `SocketKind`) once `socket` has made
/// its enums; the bare number before that, or for a value not in them.
pub fn enum_value(vm: &mut Vm, name: &str, n: i32) -> PyResult {
    let module = vm.import("socket").ok();
    let Some(cls) = module.and_then(|m| vm.getattr_str(&m, name).ok()) else {
        return Ok(Value::Int(n as i64));
    };
    Ok(vm
        .call(&cls, vec![Value::Int(n as i64)])
        .unwrap_or(Value::Int(n as i64)))
}

fn u16_arg(vm: &mut Vm, v: &Value) -> PyResult<u16> {
    match small_int(v) {
        Some(n) if n < 0 => Err(vm.overflow_error(
            "htons: can't convert negative Python int to C 16-bit unsigned integer",
        )),
        Some(n) => u16::try_from(n).map_err(|_| {
            vm.overflow_error("htons: Python int too large to convert to C 16-bit unsigned integer")
        }),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

fn u32_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    match small_int(v) {
        Some(n) if n < 0 => Err(vm.overflow_error("can't convert negative value to unsigned int")),
        Some(n) => u32::try_from(n).map_err(|_| vm.overflow_error("int larger than 32 bits")),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

/// The C library's `inet_aton` forms: `a.b.c.d`, `a.b.c` (c 16 bits),
/// `a.b` (b 24 bits) and `a`, each part decimal, octal (`0`) or hex
/// (`0x`).
fn parse_inet_aton(text: &str) -> Option<u32> {
    let parts: Vec<u64> = text
        .split('.')
        .map(|p| {
            if let Some(h) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X")) {
                u64::from_str_radix(h, 16).ok()
            } else if p.len() > 1 && p.starts_with('0') {
                u64::from_str_radix(&p[1..], 8).ok()
            } else if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().ok()
            } else {
                None
            }
        })
        .collect::<Option<_>>()?;
    let (head, last) = parts.split_last().map(|(l, h)| (h, *l))?;
    if head.len() > 3 || head.iter().any(|&p| p > 255) {
        return None;
    }
    let last_bits = 8 * (4 - head.len() as u32);
    if last >= 1u64 << last_bits {
        return None;
    }
    let mut n = 0u64;
    for &p in head {
        n = (n << 8) | p;
    }
    Some(((n << last_bits) | last) as u32)
}

fn inet_aton(vm: &mut Vm, a: Args) -> PyResult {
    let text =
        str_value(&a.pos[0]).ok_or_else(|| vm.type_error("inet_aton() argument 1 must be str"))?;
    match parse_inet_aton(&text) {
        Some(n) => Ok(vm.new_bytes(n.to_be_bytes().to_vec())),
        None => Err(os_error_msg(
            vm,
            "illegal IP address string passed to inet_aton",
        )),
    }
}

fn inet_ntoa(vm: &mut Vm, a: Args) -> PyResult {
    let b =
        bytes_data(&a.pos[0]).ok_or_else(|| vm.type_error("a bytes-like object is required"))?;
    if b.len() != 4 {
        return Err(os_error_msg(vm, "packed IP wrong length for inet_ntoa"));
    }
    let ip = std::net::Ipv4Addr::new(b[0], b[1], b[2], b[3]);
    Ok(vm.new_string(ip.to_string()))
}

fn inet_pton(vm: &mut Vm, a: Args) -> PyResult {
    let family = small_int(&a.pos[0]).unwrap_or(-1) as i32;
    let text =
        str_value(&a.pos[1]).ok_or_else(|| vm.type_error("inet_pton() argument 2 must be str"))?;
    let bytes = match family {
        libc::AF_INET => text
            .parse::<std::net::Ipv4Addr>()
            .map(|ip| ip.octets().to_vec()),
        libc::AF_INET6 => text
            .parse::<std::net::Ipv6Addr>()
            .map(|ip| ip.octets().to_vec()),
        _ => return Err(errno_error(vm, libc::EAFNOSUPPORT, None, None)),
    };
    match bytes {
        Ok(b) => Ok(vm.new_bytes(b)),
        Err(_) => Err(os_error_msg(
            vm,
            "illegal IP address string passed to inet_pton",
        )),
    }
}

fn inet_ntop(vm: &mut Vm, a: Args) -> PyResult {
    let family = small_int(&a.pos[0]).unwrap_or(-1) as i32;
    let b =
        bytes_data(&a.pos[1]).ok_or_else(|| vm.type_error("a bytes-like object is required"))?;
    let text = match (family, b.len()) {
        (libc::AF_INET, 4) => std::net::Ipv4Addr::new(b[0], b[1], b[2], b[3]).to_string(),
        (libc::AF_INET6, 16) => {
            let mut o = [0u8; 16];
            o.copy_from_slice(&b);
            std::net::Ipv6Addr::from(o).to_string()
        }
        (libc::AF_INET | libc::AF_INET6, _) => {
            return Err(vm.value_error("invalid length of packed IP address string"))
        }
        _ => return Err(vm.value_error(format!("unknown address family {family}"))),
    };
    Ok(vm.new_string(text))
}

fn getservbyname(vm: &mut Vm, a: Args) -> PyResult {
    let name = str_value(&a.pos[0]).unwrap_or_default();
    let proto = a.pos.get(1).and_then(str_value);
    let c_name =
        std::ffi::CString::new(name).map_err(|_| vm.value_error("embedded null character"))?;
    let c_proto = proto
        .map(std::ffi::CString::new)
        .transpose()
        .map_err(|_| vm.value_error("embedded null character"))?;
    // SAFETY: getservbyname reads two NUL-terminated strings and returns a
    // pointer to static data (or null), read at once.
    let entry = unsafe {
        libc::getservbyname(
            c_name.as_ptr(),
            c_proto.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
        )
    };
    if entry.is_null() {
        return Err(os_error_msg(vm, "service/proto not found"));
    }
    // SAFETY: non-null, per getservbyname.
    let port = unsafe { (*entry).s_port } as u16;
    Ok(Value::Int(u16::from_be(port) as i64))
}

/// The integer constants `socket` exposes.
const CONSTANTS: &[(&str, i64)] = &[
    ("AF_UNSPEC", libc::AF_UNSPEC as i64),
    ("AF_INET", libc::AF_INET as i64),
    ("AF_INET6", libc::AF_INET6 as i64),
    ("AF_UNIX", libc::AF_UNIX as i64),
    ("AF_NETLINK", libc::AF_NETLINK as i64),
    ("AF_PACKET", libc::AF_PACKET as i64),
    ("SOCK_STREAM", libc::SOCK_STREAM as i64),
    ("SOCK_DGRAM", libc::SOCK_DGRAM as i64),
    ("SOCK_RAW", libc::SOCK_RAW as i64),
    ("SOCK_RDM", libc::SOCK_RDM as i64),
    ("SOCK_SEQPACKET", libc::SOCK_SEQPACKET as i64),
    ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK as i64),
    ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC as i64),
    ("SOL_SOCKET", libc::SOL_SOCKET as i64),
    ("SOL_IP", libc::SOL_IP as i64),
    ("SOL_TCP", libc::SOL_TCP as i64),
    ("SOL_UDP", libc::SOL_UDP as i64),
    ("SO_DEBUG", libc::SO_DEBUG as i64),
    ("SO_ACCEPTCONN", libc::SO_ACCEPTCONN as i64),
    ("SO_REUSEADDR", libc::SO_REUSEADDR as i64),
    ("SO_REUSEPORT", libc::SO_REUSEPORT as i64),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE as i64),
    ("SO_DONTROUTE", libc::SO_DONTROUTE as i64),
    ("SO_BROADCAST", libc::SO_BROADCAST as i64),
    ("SO_LINGER", libc::SO_LINGER as i64),
    ("SO_OOBINLINE", libc::SO_OOBINLINE as i64),
    ("SO_SNDBUF", libc::SO_SNDBUF as i64),
    ("SO_RCVBUF", libc::SO_RCVBUF as i64),
    ("SO_SNDLOWAT", libc::SO_SNDLOWAT as i64),
    ("SO_RCVLOWAT", libc::SO_RCVLOWAT as i64),
    ("SO_SNDTIMEO", libc::SO_SNDTIMEO as i64),
    ("SO_RCVTIMEO", libc::SO_RCVTIMEO as i64),
    ("SO_ERROR", libc::SO_ERROR as i64),
    ("SO_TYPE", libc::SO_TYPE as i64),
    ("SO_PASSCRED", libc::SO_PASSCRED as i64),
    ("SO_PEERCRED", libc::SO_PEERCRED as i64),
    ("SO_DOMAIN", libc::SO_DOMAIN as i64),
    ("SO_PROTOCOL", libc::SO_PROTOCOL as i64),
    ("SOMAXCONN", 4096),
    ("SCM_RIGHTS", libc::SCM_RIGHTS as i64),
    ("SCM_CREDENTIALS", libc::SCM_CREDENTIALS as i64),
    ("MSG_OOB", libc::MSG_OOB as i64),
    ("MSG_PEEK", libc::MSG_PEEK as i64),
    ("MSG_DONTROUTE", libc::MSG_DONTROUTE as i64),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT as i64),
    ("MSG_EOR", libc::MSG_EOR as i64),
    ("MSG_TRUNC", libc::MSG_TRUNC as i64),
    ("MSG_CTRUNC", libc::MSG_CTRUNC as i64),
    ("MSG_WAITALL", libc::MSG_WAITALL as i64),
    ("MSG_NOSIGNAL", libc::MSG_NOSIGNAL as i64),
    ("MSG_CMSG_CLOEXEC", libc::MSG_CMSG_CLOEXEC as i64),
    ("IPPROTO_IP", libc::IPPROTO_IP as i64),
    ("IPPROTO_ICMP", libc::IPPROTO_ICMP as i64),
    ("IPPROTO_TCP", libc::IPPROTO_TCP as i64),
    ("IPPROTO_UDP", libc::IPPROTO_UDP as i64),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6 as i64),
    ("IPPROTO_ICMPV6", libc::IPPROTO_ICMPV6 as i64),
    ("IPPROTO_RAW", libc::IPPROTO_RAW as i64),
    ("IP_TOS", libc::IP_TOS as i64),
    ("IP_TTL", libc::IP_TTL as i64),
    ("IP_MULTICAST_TTL", libc::IP_MULTICAST_TTL as i64),
    ("IP_MULTICAST_LOOP", libc::IP_MULTICAST_LOOP as i64),
    ("IP_ADD_MEMBERSHIP", libc::IP_ADD_MEMBERSHIP as i64),
    ("IP_DROP_MEMBERSHIP", libc::IP_DROP_MEMBERSHIP as i64),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY as i64),
    ("IPV6_UNICAST_HOPS", libc::IPV6_UNICAST_HOPS as i64),
    ("TCP_NODELAY", libc::TCP_NODELAY as i64),
    ("TCP_MAXSEG", libc::TCP_MAXSEG as i64),
    ("TCP_KEEPIDLE", libc::TCP_KEEPIDLE as i64),
    ("TCP_KEEPINTVL", libc::TCP_KEEPINTVL as i64),
    ("TCP_KEEPCNT", libc::TCP_KEEPCNT as i64),
    ("TCP_QUICKACK", libc::TCP_QUICKACK as i64),
    ("TCP_FASTOPEN", libc::TCP_FASTOPEN as i64),
    ("SHUT_RD", libc::SHUT_RD as i64),
    ("SHUT_WR", libc::SHUT_WR as i64),
    ("SHUT_RDWR", libc::SHUT_RDWR as i64),
    ("AI_PASSIVE", libc::AI_PASSIVE as i64),
    ("AI_CANONNAME", libc::AI_CANONNAME as i64),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST as i64),
    ("AI_NUMERICSERV", libc::AI_NUMERICSERV as i64),
    ("AI_V4MAPPED", libc::AI_V4MAPPED as i64),
    ("AI_ALL", libc::AI_ALL as i64),
    ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG as i64),
    ("NI_NUMERICHOST", libc::NI_NUMERICHOST as i64),
    ("NI_NUMERICSERV", libc::NI_NUMERICSERV as i64),
    ("NI_NOFQDN", libc::NI_NOFQDN as i64),
    ("NI_NAMEREQD", libc::NI_NAMEREQD as i64),
    ("NI_DGRAM", libc::NI_DGRAM as i64),
    ("NI_MAXHOST", 1025),
    ("NI_MAXSERV", 32),
    ("EAI_ADDRFAMILY", -9),
    ("EAI_AGAIN", libc::EAI_AGAIN as i64),
    ("EAI_BADFLAGS", libc::EAI_BADFLAGS as i64),
    ("EAI_FAIL", libc::EAI_FAIL as i64),
    ("EAI_FAMILY", libc::EAI_FAMILY as i64),
    ("EAI_MEMORY", libc::EAI_MEMORY as i64),
    ("EAI_NODATA", -5),
    ("EAI_NONAME", libc::EAI_NONAME as i64),
    ("EAI_OVERFLOW", libc::EAI_OVERFLOW as i64),
    ("EAI_SERVICE", libc::EAI_SERVICE as i64),
    ("EAI_SOCKTYPE", libc::EAI_SOCKTYPE as i64),
    ("EAI_SYSTEM", libc::EAI_SYSTEM as i64),
    ("INADDR_ANY", 0),
    ("INADDR_BROADCAST", 0xFFFF_FFFF),
    ("INADDR_LOOPBACK", 0x7F00_0001),
    ("INADDR_NONE", 0xFFFF_FFFF),
];

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let module = Value::Obj(m.clone());
    krait_vm::api::add_int_constants(vm, m, CONSTANTS);
    vm.setattr_str(&module, "has_ipv6", Value::Bool(true))?;
    vm.exec_in(
        "error = OSError\ntimeout = TimeoutError\n\
         class herror(OSError): pass\nclass gaierror(OSError): pass\n\
         herror.__module__ = gaierror.__module__ = 'socket'\n",
        m,
    )?;
    let cls = vm.new_native_base_type::<sock::SocketType>(&TypeDef {
        name: "socket",
        module: "_socket",
        doc: Some("socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object"),
        methods: sock::METHODS,
    });
    krait_vm::api::add_getsets(vm, &cls, sock::ATTRIBUTES);
    vm.setattr_str(&module, "socket", Value::Obj(cls.clone()))?;
    vm.setattr_str(&module, "SocketType", Value::Obj(cls))?;
    Ok(())
}
