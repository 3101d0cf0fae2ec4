//! Names to addresses and back through the C library's resolver:
//! `getaddrinfo` and the functions built on it. Failures are
//! `socket.gaierror` with the resolver's own message.

use super::addr::from_sockaddr;
use krait_vm::api::{bytes_data, small_int, str_value, Obj, PyResult, Value, Vm};
use socket2::SockAddr;
use std::ffi::{CStr, CString};

/// One answer of `getaddrinfo`.
pub struct AddrInfo {
    pub family: i32,
    pub kind: i32,
    pub proto: i32,
    pub canonname: String,
    pub addr: SockAddr,
}

pub fn gaierror(vm: &mut Vm, code: i32) -> Obj {
    // SAFETY: gai_strerror returns a static NUL-terminated message.
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(code)) }
        .to_string_lossy()
        .into_owned();
    let cls = vm.native_class("_socket", "gaierror");
    let args = vec![Value::Int(code as i64), vm.new_string(msg)];
    match cls.and_then(|c| vm.call(&Value::Obj(c), args)) {
        Ok(Value::Obj(e)) => e,
        Ok(_) => vm.runtime_error("gaierror made no exception"),
        Err(e) => e,
    }
}

/// `getaddrinfo(host, port, family, type, proto, flags)`, host and port
/// as the C library takes them (either may be absent).
pub fn getaddrinfo(
    vm: &mut Vm,
    host: Option<&str>,
    port: Option<&str>,
    hints: (i32, i32, i32, i32),
) -> PyResult<Vec<AddrInfo>> {
    let host_c = match host.map(CString::new) {
        Some(Ok(c)) => Some(c),
        Some(Err(_)) => return Err(vm.value_error("embedded null character")),
        None => None,
    };
    let port_c = match port.map(CString::new) {
        Some(Ok(c)) => Some(c),
        Some(Err(_)) => return Err(vm.value_error("embedded null character")),
        None => None,
    };
    // SAFETY: a zeroed addrinfo is a valid hints value; getaddrinfo reads
    // the hints and NUL-terminated strings and fills `result`, which is
    // read below while it lives and freed with freeaddrinfo.
    unsafe {
        let mut hint: libc::addrinfo = std::mem::zeroed();
        hint.ai_family = hints.0;
        hint.ai_socktype = hints.1;
        hint.ai_protocol = hints.2;
        hint.ai_flags = hints.3;
        let mut result: *mut libc::addrinfo = std::ptr::null_mut();
        let code = libc::getaddrinfo(
            host_c.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            port_c.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            &hint,
            &mut result,
        );
        if code != 0 {
            return Err(gaierror(vm, code));
        }
        let mut out = Vec::new();
        let mut cur = result;
        while !cur.is_null() {
            let ai = &*cur;
            let canonname = if ai.ai_canonname.is_null() {
                String::new()
            } else {
                CStr::from_ptr(ai.ai_canonname)
                    .to_string_lossy()
                    .into_owned()
            };
            let len = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
            let src = ai.ai_addr as *const u8;
            let Ok(((), addr)) = SockAddr::try_init(|storage, out_len| {
                std::ptr::copy_nonoverlapping(src, storage as *mut u8, len);
                *out_len = len as libc::socklen_t;
                Ok(())
            }) else {
                cur = ai.ai_next;
                continue;
            };
            out.push(AddrInfo {
                family: ai.ai_family,
                kind: ai.ai_socktype,
                proto: ai.ai_protocol,
                canonname,
                addr,
            });
            cur = ai.ai_next;
        }
        libc::freeaddrinfo(result);
        Ok(out)
    }
}

/// The first address `host` resolves to in `family`.
pub fn resolve_one(vm: &mut Vm, host: &str, family: i32) -> PyResult<std::net::IpAddr> {
    let answers = getaddrinfo(vm, Some(host), None, (family, libc::SOCK_STREAM, 0, 0))?;
    answers
        .iter()
        .find_map(|a| a.addr.as_socket().map(|s| s.ip()))
        .ok_or_else(|| gaierror(vm, libc::EAI_NONAME))
}

fn text_or_bytes(v: &Value) -> Option<String> {
    str_value(v).or_else(|| bytes_data(v).map(|b| String::from_utf8_lossy(&b).into_owned()))
}

/// `socket.getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`.
pub fn py_getaddrinfo(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let host = if a.pos[0].is_none() {
        None
    } else {
        match text_or_bytes(&a.pos[0]) {
            Some(h) => Some(h),
            None => return Err(vm.type_error("getaddrinfo() argument 1 must be string or None")),
        }
    };
    let port = match &a.pos[1] {
        Value::None => None,
        v => match (small_int(v), text_or_bytes(v)) {
            (Some(p), _) => Some(p.to_string()),
            (_, Some(s)) => Some(s),
            _ => return Err(super::os_error_msg(vm, "Int or String expected")),
        },
    };
    let int = |i: usize| a.pos.get(i).and_then(small_int).unwrap_or(0) as i32;
    let answers = getaddrinfo(
        vm,
        host.as_deref(),
        port.as_deref(),
        (int(2), int(3), int(4), int(5)),
    )?;
    let mut out = Vec::with_capacity(answers.len());
    for ai in answers {
        let family = super::enum_value(vm, "AddressFamily", ai.family)?;
        let kind = super::enum_value(vm, "SocketKind", ai.kind)?;
        let canon = vm.new_string(ai.canonname);
        let addr = from_sockaddr(vm, &ai.addr);
        out.push(vm.new_tuple(vec![family, kind, Value::Int(ai.proto as i64), canon, addr]));
    }
    Ok(vm.new_list(out))
}

/// `gethostbyname(name)`: the first IPv4 address, as text.
pub fn gethostbyname(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let host = text_or_bytes(&a.pos[0])
        .ok_or_else(|| vm.type_error("gethostbyname() argument 1 must be str"))?;
    let ip = super::addr::ipv4_of(vm, &host)?;
    Ok(vm.new_string(ip.to_string()))
}

/// `gethostbyname_ex(name)`: `(canonical name, aliases, addresses)`.
pub fn gethostbyname_ex(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let host = text_or_bytes(&a.pos[0])
        .ok_or_else(|| vm.type_error("gethostbyname_ex() argument 1 must be str"))?;
    let answers = getaddrinfo(
        vm,
        Some(&host),
        None,
        (libc::AF_INET, libc::SOCK_STREAM, 0, libc::AI_CANONNAME),
    )?;
    let canon = answers
        .first()
        .map(|a| a.canonname.clone())
        .filter(|c| !c.is_empty())
        .unwrap_or(host);
    let mut addrs = Vec::new();
    for ai in &answers {
        if let Some(s) = ai.addr.as_socket() {
            let text = s.ip().to_string();
            if !addrs.contains(&text) {
                addrs.push(text);
            }
        }
    }
    let canon = vm.new_string(canon);
    let aliases = vm.new_list(vec![]);
    let addrs = addrs.into_iter().map(|t| vm.new_string(t)).collect();
    let addrs = vm.new_list(addrs);
    Ok(vm.new_tuple(vec![canon, aliases, addrs]))
}

/// The resolver's name and service for `addr` (`getnameinfo(3)`), or
/// its error code.
fn name_info(addr: &SockAddr, flags: i32) -> Result<(String, String), i32> {
    let mut name = [0 as libc::c_char; 1025];
    let mut service = [0 as libc::c_char; 32];
    // SAFETY: getnameinfo reads the address (of its stated length) and
    // writes NUL-terminated strings within the two buffers' lengths.
    let code = unsafe {
        libc::getnameinfo(
            addr.as_ptr().cast(),
            addr.len(),
            name.as_mut_ptr(),
            name.len() as libc::socklen_t,
            service.as_mut_ptr(),
            service.len() as libc::socklen_t,
            flags,
        )
    };
    if code != 0 {
        return Err(code);
    }
    let text = |buf: &[libc::c_char]| {
        // SAFETY: getnameinfo succeeded, so the buffer holds a
        // NUL-terminated string.
        unsafe { CStr::from_ptr(buf.as_ptr()) }
            .to_string_lossy()
            .into_owned()
    };
    Ok((text(&name), text(&service)))
}

/// `gethostbyaddr(ip_or_name)`: `(host name, aliases, addresses)` by the
/// resolver's reverse lookup; `socket.herror` when the address has no
/// name.
pub fn gethostbyaddr(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let host = text_or_bytes(&a.pos[0])
        .ok_or_else(|| vm.type_error("gethostbyaddr() argument 1 must be str"))?;
    let ip = resolve_one(vm, &host, libc::AF_UNSPEC)?;
    let sa = SockAddr::from(std::net::SocketAddr::new(ip, 0));
    let Ok((name, _)) = name_info(&sa, libc::NI_NAMEREQD) else {
        let cls = vm.native_class("_socket", "herror")?;
        let args = vec![Value::Int(1), vm.new_str("Unknown host")];
        let e = vm.call(&Value::Obj(cls), args)?;
        return Err(e.as_obj().cloned().expect("an exception"));
    };
    let name = vm.new_string(name);
    let aliases = vm.new_list(vec![]);
    let addr = vm.new_string(ip.to_string());
    let addrs = vm.new_list(vec![addr]);
    Ok(vm.new_tuple(vec![name, aliases, addrs]))
}

/// `getnameinfo((host, port[, flowinfo, scope_id]), flags)`: the name
/// and service of an address, as the resolver gives them.
pub fn getnameinfo(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let Some(parts) = krait_vm::api::tuple_items(&a.pos[0]) else {
        return Err(vm.type_error("getnameinfo() argument 1 must be a tuple"));
    };
    let flags = small_int(&a.pos[1]).ok_or_else(|| vm.type_error("an integer is required"))? as i32;
    let (host, port) = match parts.as_slice() {
        [h, p, ..] if parts.len() <= 4 => match (str_value(h), small_int(p)) {
            (Some(h), Some(p)) => (h, p),
            _ => return Err(vm.type_error("getnameinfo(): illegal sockaddr argument")),
        },
        _ => return Err(vm.type_error("getnameinfo(): illegal sockaddr argument")),
    };
    let ip = resolve_one(vm, &host, libc::AF_UNSPEC)?;
    // The port is cut to 16 bits, as CPython's `htons` cuts it.
    let sa = SockAddr::from(std::net::SocketAddr::new(ip, port as u16));
    let (name, service) = name_info(&sa, flags).map_err(|code| gaierror(vm, code))?;
    let name = vm.new_string(name);
    let service = vm.new_string(service);
    Ok(vm.new_tuple(vec![name, service]))
}
