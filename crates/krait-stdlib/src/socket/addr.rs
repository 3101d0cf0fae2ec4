//! Socket addresses between Python and the C library: `(host, port)`
//! tuples for IPv4, `(host, port, flowinfo, scope_id)` for IPv6, paths for
//! Unix sockets.

use super::resolve::resolve_one;
use krait_vm::api::{bytes_data, small_int, str_value, tuple_items, PyResult, Value, Vm};
use socket2::SockAddr;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddrV4, SocketAddrV6};

fn port(vm: &mut Vm, v: &Value, what: &str) -> PyResult<u16> {
    let Some(p) = small_int(v) else {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    };
    u16::try_from(p).map_err(|_| vm.overflow_error(format!("{what}(): port must be 0-65535.")))
}

fn host_text(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(s) = str_value(v) {
        return Ok(s);
    }
    if let Some(b) = bytes_data(v) {
        return Ok(String::from_utf8_lossy(&b).into_owned());
    }
    let t = vm.type_name(v);
    Err(vm.type_error(format!("str, bytes or bytearray expected, not {t}")))
}

/// The address `v` names for a socket of `family` (`what` is the calling
/// method, for messages).
pub fn to_sockaddr(vm: &mut Vm, family: i32, v: &Value, what: &str) -> PyResult<SockAddr> {
    match family {
        libc::AF_UNIX => {
            let path = match (str_value(v), bytes_data(v)) {
                (Some(s), _) => s.into_bytes(),
                (_, Some(b)) => b.into_owned(),
                _ => {
                    let t = vm.type_name(v);
                    return Err(
                        vm.type_error(format!("a bytes-like object is required, not '{t}'"))
                    );
                }
            };
            if path.first() == Some(&0) {
                return SockAddr::unix(std::ffi::OsStr::new(""))
                    .ok()
                    .and_then(|_| abstract_unix(&path[1..]))
                    .ok_or_else(|| super::os_error_msg(vm, "AF_UNIX path too long"));
            }
            let path = std::ffi::OsString::from(String::from_utf8_lossy(&path).into_owned());
            SockAddr::unix(&path).map_err(|_| super::os_error_msg(vm, "AF_UNIX path too long"))
        }
        libc::AF_INET => {
            let Some(items) = tuple_items(v) else {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!("AF_INET address must be tuple, not {t}")));
            };
            if items.len() != 2 {
                return Err(vm.type_error("AF_INET address must be a pair (host, port)"));
            }
            let host = host_text(vm, &items[0])?;
            let port = port(vm, &items[1], what)?;
            let ip = ipv4_of(vm, &host)?;
            Ok(SockAddr::from(SocketAddrV4::new(ip, port)))
        }
        libc::AF_INET6 => {
            let Some(items) = tuple_items(v) else {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!("AF_INET6 address must be tuple, not {t}")));
            };
            if !(2..=4).contains(&items.len()) {
                return Err(vm.type_error(
                    "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])",
                ));
            }
            let host = host_text(vm, &items[0])?;
            let port = port(vm, &items[1], what)?;
            let flow = items.get(2).and_then(small_int).unwrap_or(0) as u32;
            let scope = items.get(3).and_then(small_int).unwrap_or(0) as u32;
            let ip = if host.is_empty() {
                Ipv6Addr::UNSPECIFIED
            } else if let Ok(ip) = host.parse() {
                ip
            } else {
                match resolve_one(vm, &host, libc::AF_INET6)? {
                    std::net::IpAddr::V6(ip) => ip,
                    std::net::IpAddr::V4(ip) => ip.to_ipv6_mapped(),
                }
            };
            Ok(SockAddr::from(SocketAddrV6::new(ip, port, flow, scope)))
        }
        _ => Err(super::os_error_msg(vm, "getsockaddrarg: bad family")),
    }
}

fn abstract_unix(name: &[u8]) -> Option<SockAddr> {
    use std::os::unix::ffi::OsStrExt;
    let mut with_nul = vec![0u8];
    with_nul.extend_from_slice(name);
    SockAddr::unix(std::ffi::OsStr::from_bytes(&with_nul)).ok()
}

/// An IPv4 host: empty for any address, `<broadcast>`, a dotted quad, or
/// a name to resolve.
pub fn ipv4_of(vm: &mut Vm, host: &str) -> PyResult<Ipv4Addr> {
    Ok(match host {
        "" => Ipv4Addr::UNSPECIFIED,
        "<broadcast>" => Ipv4Addr::BROADCAST,
        _ => match host.parse() {
            Ok(ip) => ip,
            Err(_) => match resolve_one(vm, host, libc::AF_INET)? {
                std::net::IpAddr::V4(ip) => ip,
                std::net::IpAddr::V6(_) => {
                    return Err(super::os_error_msg(vm, "address family mismatched"))
                }
            },
        },
    })
}

/// A socket address as Python shows it.
pub fn from_sockaddr(vm: &mut Vm, addr: &SockAddr) -> Value {
    if let Some(v4) = addr.as_socket_ipv4() {
        let host = vm.new_string(v4.ip().to_string());
        return vm.new_tuple(vec![host, Value::Int(v4.port() as i64)]);
    }
    if let Some(v6) = addr.as_socket_ipv6() {
        let host = vm.new_string(v6.ip().to_string());
        return vm.new_tuple(vec![
            host,
            Value::Int(v6.port() as i64),
            Value::Int(v6.flowinfo() as i64),
            Value::Int(v6.scope_id() as i64),
        ]);
    }
    if addr.is_unix() {
        if let Some(path) = addr.as_pathname() {
            return vm.new_string(path.to_string_lossy().into_owned());
        }
        if let Some(name) = addr.as_abstract_namespace() {
            let mut b = vec![0u8];
            b.extend_from_slice(name);
            return vm.new_bytes(b);
        }
        return vm.new_str("");
    }
    Value::None
}
