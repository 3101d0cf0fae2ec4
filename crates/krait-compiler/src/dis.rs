//! The disassembly `krait dis` prints, laid out as `python3 -m dis` lays
//! out CPython's: source line, jump-target marker, offset, instruction
//! name, argument and what the argument stands for. Offsets count
//! instructions (each is one unit here), and jump arguments are offsets.

use crate::code::*;
use krait_values::float::float_repr;
use krait_values::text::{write_bytes_repr, write_str_repr};
use std::fmt::Write;

const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;

/// The repr of a constant as `dis` shows it.
pub fn const_repr(c: &Const) -> String {
    let mut out = String::new();
    write_const(&mut out, c);
    out
}

fn write_const(out: &mut String, c: &Const) {
    match c {
        Const::None => out.push_str("None"),
        Const::Bool(true) => out.push_str("True"),
        Const::Bool(false) => out.push_str("False"),
        Const::Ellipsis => out.push_str("Ellipsis"),
        Const::Int(i) => write!(out, "{i}").unwrap(),
        Const::BigInt(i) => write!(out, "{i}").unwrap(),
        Const::Float(f) => out.push_str(&float_repr(*f, true)),
        Const::Complex(re, im) => {
            if *re == 0.0 && re.is_sign_positive() {
                out.push_str(&float_repr(*im, false));
                out.push('j');
            } else {
                out.push('(');
                out.push_str(&float_repr(*re, false));
                if *im >= 0.0 || im.is_nan() {
                    out.push('+');
                }
                out.push_str(&float_repr(*im, false));
                out.push_str("j)");
            }
        }
        Const::Str(s) => write_str_repr(out, s.code_points()),
        Const::Bytes(b) => write_bytes_repr(out, b),
        Const::Tuple(items) => {
            out.push('(');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_const(out, item);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Const::FrozenSet(items) => {
            out.push_str("frozenset({");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_const(out, item);
            }
            out.push_str("})");
        }
        Const::Code(code) => write!(out, "{}", code_repr(code)).unwrap(),
    }
}

fn code_repr(code: &Code) -> String {
    format!(
        "<code object {}, file \"{}\", line {}>",
        code.name, code.filename, code.first_lineno
    )
}

/// The instruction's argument and its meaning, if it has an argument.
fn arg_and_repr(code: &Code, i: &Instr) -> Option<(i64, String)> {
    let name = |n: u32| code.names.get(n as usize).cloned().unwrap_or_default();
    let slot = |n: u32| {
        if (n as usize) < code.nlocalsplus() {
            code.slot_name(n as usize).to_owned()
        } else {
            String::new()
        }
    };
    let listed = |f: u32, words: &[(u32, &str)]| {
        let parts: Vec<&str> = words
            .iter()
            .filter(|(bit, _)| f & bit != 0)
            .map(|(_, w)| *w)
            .collect();
        parts.join(", ")
    };
    Some(match i.operand() {
        Operand::None | Operand::Fused => return None,
        Operand::Const(n) => (
            n as i64,
            code.consts
                .get(n as usize)
                .map(const_repr)
                .unwrap_or_default(),
        ),
        Operand::Local(n) | Operand::Cell(n) => (n as i64, slot(n)),
        Operand::Name(n) => (n as i64, name(n)),
        Operand::BinOp(op) => (op as i64, op.symbol().to_owned()),
        Operand::Unary(op) => (
            op as i64,
            match op {
                UnaryOp::Negative => "-",
                UnaryOp::Positive => "+",
                UnaryOp::Invert => "~",
                UnaryOp::Not => "not",
            }
            .to_owned(),
        ),
        Operand::Compare(op) => (op as i64, op.symbol().to_owned()),
        Operand::Is(n) => (n as i64, if n == 0 { "is" } else { "is not" }.to_owned()),
        Operand::Contains(n) => (n as i64, if n == 0 { "in" } else { "not in" }.to_owned()),
        Operand::Jump(t) => (t as i64, format!("to {t}")),
        Operand::FormatFlags(f) => {
            let conv = match f & format_value::CONVERSION_MASK {
                format_value::STR => "str",
                format_value::REPR => "repr",
                format_value::ASCII => "ascii",
                _ => "",
            };
            let mut parts = Vec::new();
            if !conv.is_empty() {
                parts.push(conv);
            }
            if f & format_value::HAS_SPEC != 0 {
                parts.push("with format");
            }
            (f as i64, parts.join(", "))
        }
        Operand::FunctionFlags(f) => (
            f as i64,
            listed(
                f,
                &[
                    (make_function::DEFAULTS, "defaults"),
                    (make_function::KW_DEFAULTS, "kwdefaults"),
                    (make_function::ANNOTATIONS, "annotations"),
                    (make_function::CLOSURE, "closure"),
                ],
            ),
        ),
        Operand::Count(n) => (n as i64, String::new()),
    })
}

/// The disassembly of `code` and, after it, of every code object nested in it.
pub fn disassemble(code: &Code) -> String {
    let mut out = String::new();
    disassemble_one(&mut out, code);
    let mut nested: Vec<&Code> = code
        .consts
        .iter()
        .filter_map(|c| match c {
            Const::Code(c) => Some(&**c),
            _ => None,
        })
        .collect();
    while !nested.is_empty() {
        let c = nested.remove(0);
        writeln!(out, "\nDisassembly of {}:", code_repr(c)).unwrap();
        disassemble_one(&mut out, c);
        let mut inner: Vec<&Code> = c
            .consts
            .iter()
            .filter_map(|k| match k {
                Const::Code(k) => Some(&**k),
                _ => None,
            })
            .collect();
        inner.append(&mut nested);
        nested = inner;
    }
    out
}

fn disassemble_one(out: &mut String, code: &Code) {
    let targets: std::collections::HashSet<u32> = code
        .instrs
        .iter()
        .filter_map(|i| i.jump_target())
        .chain(code.exception_table.iter().map(|e| e.target))
        .collect();
    let max_line = code.positions.iter().map(|p| p.lineno).max().unwrap_or(0);
    let line_width = max_line.to_string().len().max(3);
    let offset_width = (code.instrs.len().saturating_sub(1))
        .to_string()
        .len()
        .max(4);
    let mut last_line = None;
    for (idx, ins) in code.instrs.iter().enumerate() {
        let line = code.positions.get(idx).map(|p| p.lineno).unwrap_or(0);
        let starts_line = line != 0 && last_line != Some(line);
        if starts_line {
            if idx > 0 {
                out.push('\n');
            }
            last_line = Some(line);
        }
        let mut fields = Vec::new();
        fields.push(if starts_line {
            format!("{line:>line_width$}")
        } else {
            " ".repeat(line_width)
        });
        fields.push("   ".to_owned());
        fields.push(
            if targets.contains(&(idx as u32)) {
                ">>"
            } else {
                "  "
            }
            .to_owned(),
        );
        fields.push(format!("{idx:>offset_width$}"));
        let name = ins.opname();
        match arg_and_repr(code, ins) {
            Some((arg, repr)) => {
                fields.push(format!("{name:<OPNAME_WIDTH$}"));
                fields.push(format!("{arg:>OPARG_WIDTH$}"));
                if !repr.is_empty() {
                    fields.push(format!("({repr})"));
                }
            }
            None => fields.push(name),
        }
        let line_text = fields.join(" ");
        out.push_str(line_text.trim_end());
        out.push('\n');
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            writeln!(
                out,
                "  {} to {} -> {} [{}]",
                e.start,
                e.end - 1,
                e.target,
                e.depth
            )
            .unwrap();
        }
    }
}
