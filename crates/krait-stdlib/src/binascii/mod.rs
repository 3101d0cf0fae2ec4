//! `binascii`: hexadecimal, base64, uuencode and quoted-printable
//! conversions and checksums, under `base64`, `binhex`, `uu`, `quopri`
//! and their codecs.

mod qp;
mod uu;

use krait_vm::api::{
    bytes_data, small_int, value_pystr, Args, FunctionDef as F, ModuleDef, Obj, PyResult, Value, Vm,
};

pub const MODULE: ModuleDef = ModuleDef {
    name: "binascii",
    doc: Some("Conversion between binary data and ASCII"),
    functions: FUNCTIONS,
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    vm.exec_in(
        "class Error(ValueError): pass\nclass Incomplete(Exception): pass\nError.__module__ = Incomplete.__module__ = 'binascii'\n",
        m,
    )?;
    Ok(())
}

fn error(vm: &mut Vm, msg: &str) -> Obj {
    vm.module_exception("binascii", "Error", msg)
}

/// Binary data: bytes-like, or (for the decoders) an ASCII str.
fn data_arg(vm: &mut Vm, v: &Value, ascii_str_ok: bool) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_data(v) {
        return Ok(b.into_owned());
    }
    if ascii_str_ok {
        if let Some(s) = value_pystr(v) {
            if !s.is_ascii() {
                return Err(vm.value_error("string argument should contain only ASCII characters"));
            }
            return Ok(s.as_bytes().to_vec());
        }
    }
    Err(vm.type_error(format!(
        "a bytes-like object is required, not '{}'",
        vm.type_name(v)
    )))
}

fn hexlify(vm: &mut Vm, a: Args) -> PyResult {
    let data = data_arg(vm, &a.pos[0], false)?;
    let sep = a.given(1).cloned();
    let per = a.given(2).and_then(small_int).unwrap_or(1);
    let hex: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let out = match sep {
        None => hex.concat(),
        Some(s) => {
            let sep = match value_pystr(&s) {
                Some(p) => p.to_string_lossy().into_owned(),
                None => bytes_data(&s)
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .unwrap_or_default(),
            };
            if sep.chars().count() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            let n = per.unsigned_abs().max(1) as usize;
            // Groups count from the right for a positive bytes_per_sep.
            let groups: Vec<String> = if per > 0 {
                let first = hex.len() % n;
                let mut g = Vec::new();
                if first > 0 {
                    g.push(hex[..first].concat());
                }
                g.extend(hex[first..].chunks(n).map(|c| c.concat()));
                g
            } else {
                hex.chunks(n).map(|c| c.concat()).collect()
            };
            groups.join(&sep)
        }
    };
    Ok(vm.new_bytes(out.into_bytes()))
}

fn unhexlify(vm: &mut Vm, a: Args) -> PyResult {
    let data = data_arg(vm, &a.pos[0], true)?;
    if data.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        let d = |c: u8| (c as char).to_digit(16);
        match (d(pair[0]), d(pair[1])) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(vm.new_bytes(out))
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b2a_base64(vm: &mut Vm, a: Args) -> PyResult {
    let data = data_arg(vm, &a.pos[0], false)?;
    let newline = match &a.pos[1] {
        Value::Null => true,
        v => vm.truthy(&v.clone())?,
    };
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 {
            B64[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if chunk.len() > 2 {
            B64[n as usize & 63]
        } else {
            b'='
        });
    }
    if newline {
        out.push(b'\n');
    }
    Ok(vm.new_bytes(out))
}

fn a2b_base64(vm: &mut Vm, a: Args) -> PyResult {
    let data = data_arg(vm, &a.pos[0], true)?;
    let strict = match &a.pos[1] {
        Value::Null => false,
        v => vm.truthy(&v.clone())?,
    };
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    let (mut acc, mut bits, mut count, mut pads) = (0u32, 0u32, 0usize, 0usize);
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            if strict && i == 0 {
                return Err(error(vm, "Leading padding not allowed"));
            }
            pads += 1;
            // Padding completes a quad: the rest is ignored, or refused.
            if (count + pads) % 4 == 0 && count % 4 >= 2 {
                if strict && i + 1 < data.len() {
                    return Err(error(vm, "Excess data after padding"));
                }
                break;
            }
            continue;
        }
        let Some(v) = B64.iter().position(|&b| b == c) else {
            if strict {
                return Err(error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if pads > 0 && strict {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        acc = (acc << 6) | v as u32;
        bits += 6;
        count += 1;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if count % 4 == 1 {
        return Err(error(
            vm,
            &format!(
                "Invalid base64-encoded string: number of data characters ({count}) cannot be 1 more than a multiple of 4"
            ),
        ));
    }
    if count % 4 != 0 && (count % 4) + pads < 4 {
        return Err(error(vm, "Incorrect padding"));
    }
    Ok(vm.new_bytes(out))
}

/// CRC-32 as zlib computes it.
fn crc32(data: &[u8], mut crc: u32) -> u32 {
    crc = !crc;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB88320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// CRC-CCITT (XModem), as `binascii.crc_hqx`.
fn crc_hqx(data: &[u8], start: u32) -> u32 {
    let mut crc = start & 0xFFFF;
    for &b in data {
        crc ^= (b as u32) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
        crc &= 0xFFFF;
    }
    crc
}

/// An optional flag argument: its truth, or `default` when not given.
fn flag(vm: &mut Vm, a: &Args, i: usize, default: bool) -> PyResult<bool> {
    match a.pos.get(i) {
        None | Some(Value::Null) => Ok(default),
        Some(v) => vm.truthy(&v.clone()),
    }
}

fn b2a_uu(vm: &mut Vm, a: Args) -> PyResult {
    let data = data_arg(vm, &a.pos[0], false)?;
    let backtick = flag(vm, &a, 1, false)?;
    if data.len() > uu::MAX_LINE_BYTES {
        return Err(error(vm, "At most 45 bytes at once"));
    }
    Ok(vm.new_bytes(uu::encode_line(&data, backtick)))
}

fn a2b_uu(vm: &mut Vm, a: Args) -> PyResult {
    let data = data_arg(vm, &a.pos[0], true)?;
    match uu::decode_line(&data) {
        Ok(bytes) => Ok(vm.new_bytes(bytes)),
        Err(msg) => Err(error(vm, msg)),
    }
}

fn b2a_qp(vm: &mut Vm, a: Args) -> PyResult {
    let data = data_arg(vm, &a.pos[0], false)?;
    let options = qp::Options {
        quote_tabs: flag(vm, &a, 1, false)?,
        is_text: flag(vm, &a, 2, true)?,
        header: flag(vm, &a, 3, false)?,
    };
    Ok(vm.new_bytes(qp::encode(&data, &options)))
}

fn a2b_qp(vm: &mut Vm, a: Args) -> PyResult {
    let data = data_arg(vm, &a.pos[0], true)?;
    let header = flag(vm, &a, 1, false)?;
    Ok(vm.new_bytes(qp::decode(&data, header)))
}

fn start_value(a: &Args) -> u32 {
    a.pos.get(1).and_then(small_int).unwrap_or(0) as u32
}

const FUNCTIONS: &[F] = &[
    F::new("hexlify", hexlify).named(&["data", "sep", "bytes_per_sep"], 0, 3, 1),
    F::new("b2a_hex", hexlify).named(&["data", "sep", "bytes_per_sep"], 0, 3, 1),
    F::new("unhexlify", unhexlify).one(),
    F::new("a2b_hex", unhexlify).one(),
    F::new("b2a_base64", b2a_base64).named(&["data", "newline"], 1, 1, 1),
    F::new("a2b_base64", a2b_base64).named(&["data", "strict_mode"], 1, 1, 1),
    F::new("b2a_uu", b2a_uu).named(&["data", "backtick"], 1, 1, 1),
    F::new("a2b_uu", a2b_uu).one(),
    F::new("b2a_qp", b2a_qp).named(&["data", "quotetabs", "istext", "header"], 0, 4, 1),
    F::new("a2b_qp", a2b_qp).named(&["data", "header"], 0, 2, 1),
    F::new("crc32", |vm, a| {
        let data = data_arg(vm, &a.pos[0], false)?;
        Ok(Value::Int(crc32(&data, start_value(&a)) as i64))
    })
    .args(1, 2),
    F::new("crc_hqx", |vm, a| {
        let data = data_arg(vm, &a.pos[0], false)?;
        Ok(Value::Int(crc_hqx(&data, start_value(&a)) as i64))
    })
    .args(2, 2),
];
