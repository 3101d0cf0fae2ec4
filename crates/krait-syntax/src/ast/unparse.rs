//! Expressions back to source text, as CPython's C unparser writes them for
//! `from __future__ import annotations` (which stores annotations as
//! strings): minimal parentheses by precedence, `...` for Ellipsis, `1e309`
//! for infinity.

use super::nodes::*;
use krait_values::float::float_repr;
use krait_values::text::{write_bytes_repr, write_str_repr, PyString};

const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// The source text of an annotation.
pub fn unparse_expr(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, PR_TEST);
    out
}

fn open(out: &mut String, cond: bool) {
    if cond {
        out.push('(');
    }
}

fn close(out: &mut String, cond: bool) {
    if cond {
        out.push(')');
    }
}

fn binop_info(op: Operator) -> (&'static str, u8) {
    match op {
        Operator::Add => (" + ", PR_ARITH),
        Operator::Sub => (" - ", PR_ARITH),
        Operator::Mult => (" * ", PR_TERM),
        Operator::MatMult => (" @ ", PR_TERM),
        Operator::Div => (" / ", PR_TERM),
        Operator::Mod => (" % ", PR_TERM),
        Operator::LShift => (" << ", PR_SHIFT),
        Operator::RShift => (" >> ", PR_SHIFT),
        Operator::BitOr => (" | ", PR_BOR),
        Operator::BitXor => (" ^ ", PR_BXOR),
        Operator::BitAnd => (" & ", PR_BAND),
        Operator::FloorDiv => (" // ", PR_TERM),
        Operator::Pow => (" ** ", PR_POWER),
    }
}

fn cmp_str(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

fn float_text(x: f64) -> String {
    if x.is_infinite() {
        if x > 0.0 { "1e309" } else { "-1e309" }.to_owned()
    } else {
        float_repr(x, true)
    }
}

fn constant(out: &mut String, c: &Constant) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::Bool(true) => out.push_str("True"),
        Constant::Bool(false) => out.push_str("False"),
        Constant::Ellipsis => out.push_str("..."),
        Constant::Int(i) => out.push_str(&i.to_string()),
        Constant::Float(f) => out.push_str(&float_text(*f)),
        Constant::Complex(im) => {
            let t = if im.is_infinite() {
                "1e309".to_owned()
            } else {
                float_repr(*im, false)
            };
            out.push_str(&t);
            out.push('j');
        }
        Constant::Str(s) => write_str_repr(out, s.code_points()),
        Constant::Bytes(b) => write_bytes_repr(out, b),
    }
}

fn seq(out: &mut String, items: &[Expr], level: u8) {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, e, level);
    }
}

fn comprehensions(out: &mut String, gens: &[Comprehension]) {
    for g in gens {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, PR_TUPLE);
        out.push_str(" in ");
        expr(out, &g.iter, PR_TEST + 1);
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, PR_TEST + 1);
        }
    }
}

fn arg(out: &mut String, a: &Arg) {
    out.push_str(&a.arg);
}

fn arguments(out: &mut String, a: &Arguments) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let positional: Vec<&Arg> = a.posonlyargs.iter().chain(&a.args).collect();
    let ndefault_start = positional.len() - a.defaults.len();
    for (i, p) in positional.iter().enumerate() {
        sep(out);
        arg(out, p);
        if i >= ndefault_start {
            out.push('=');
            expr(out, &a.defaults[i - ndefault_start], PR_TEST);
        }
        if i + 1 == a.posonlyargs.len() {
            out.push_str(", /");
        }
    }
    if a.vararg.is_some() || !a.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = &a.vararg {
            arg(out, v);
        }
    }
    for (k, d) in a.kwonlyargs.iter().zip(&a.kw_defaults) {
        sep(out);
        arg(out, k);
        if let Some(d) = d {
            out.push('=');
            expr(out, d, PR_TEST);
        }
    }
    if let Some(k) = &a.kwarg {
        sep(out);
        out.push_str("**");
        arg(out, k);
    }
}

/// The text of an f-string's parts, without quotes.
fn fstring_body(out: &mut String, values: &[Expr]) {
    for v in values {
        match &v.kind {
            ExprKind::Constant {
                value: Constant::Str(s),
                ..
            } => {
                for cp in s.code_points() {
                    match char::from_u32(cp) {
                        Some('{') => out.push_str("{{"),
                        Some('}') => out.push_str("}}"),
                        Some(c) => out.push(c),
                        None => {}
                    }
                }
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let mut inner = String::new();
                expr(&mut inner, value, PR_TEST + 1);
                out.push('{');
                if inner.starts_with('{') {
                    out.push(' ');
                }
                out.push_str(&inner);
                if *conversion >= 0 {
                    out.push('!');
                    out.push(char::from_u32(*conversion as u32).unwrap_or('r'));
                }
                if let Some(spec) = format_spec {
                    out.push(':');
                    if let ExprKind::JoinedStr { values } = &spec.kind {
                        fstring_body(out, values);
                    }
                }
                out.push('}');
            }
            _ => {}
        }
    }
}

fn expr(out: &mut String, e: &Expr, level: u8) {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (word, pr) = match op {
                BoolOp::And => (" and ", PR_AND),
                BoolOp::Or => (" or ", PR_OR),
            };
            open(out, level > pr);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(word);
                }
                expr(out, v, pr + 1);
            }
            close(out, level > pr);
        }
        ExprKind::NamedExpr { target, value } => {
            open(out, level > PR_TUPLE);
            expr(out, target, PR_ATOM);
            out.push_str(" := ");
            expr(out, value, PR_ATOM);
            close(out, level > PR_TUPLE);
        }
        ExprKind::BinOp { left, op, right } => {
            let (text, pr) = binop_info(*op);
            let rassoc = *op == Operator::Pow;
            open(out, level > pr);
            expr(out, left, pr + rassoc as u8);
            out.push_str(text);
            expr(out, right, pr + !rassoc as u8);
            close(out, level > pr);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (text, pr) = match op {
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            open(out, level > pr);
            out.push_str(text);
            expr(out, operand, pr);
            close(out, level > pr);
        }
        ExprKind::Lambda { args, body } => {
            open(out, level > PR_TEST);
            let mut a = String::new();
            arguments(&mut a, args);
            if a.is_empty() {
                out.push_str("lambda: ");
            } else {
                out.push_str("lambda ");
                out.push_str(&a);
                out.push_str(": ");
            }
            expr(out, body, PR_TEST);
            close(out, level > PR_TEST);
        }
        ExprKind::IfExp { test, body, orelse } => {
            open(out, level > PR_TEST);
            expr(out, body, PR_TEST + 1);
            out.push_str(" if ");
            expr(out, test, PR_TEST + 1);
            out.push_str(" else ");
            expr(out, orelse, PR_TEST);
            close(out, level > PR_TEST);
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, PR_TEST);
                        out.push_str(": ");
                        expr(out, v, PR_TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, PR_EXPR);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set { elts } => {
            if elts.is_empty() {
                out.push_str("{*()}");
            } else {
                out.push('{');
                seq(out, elts, PR_TEST);
                out.push('}');
            }
        }
        ExprKind::List { elts, .. } => {
            out.push('[');
            seq(out, elts, PR_TEST);
            out.push(']');
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
                return;
            }
            open(out, level > PR_TUPLE);
            seq(out, elts, PR_TEST);
            if elts.len() == 1 {
                out.push(',');
            }
            close(out, level > PR_TUPLE);
        }
        ExprKind::ListComp { elt, generators } => {
            out.push('[');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push(']');
        }
        ExprKind::SetComp { elt, generators } => {
            out.push('{');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            out.push('{');
            expr(out, key, PR_TEST);
            out.push_str(": ");
            expr(out, value, PR_TEST);
            comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push('(');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push(')');
        }
        ExprKind::Await { value } => {
            open(out, level > PR_AWAIT);
            out.push_str("await ");
            expr(out, value, PR_ATOM);
            close(out, level > PR_AWAIT);
        }
        ExprKind::Yield { value } => match value {
            None => out.push_str("(yield)"),
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, PR_TEST);
                out.push(')');
            }
        },
        ExprKind::YieldFrom { value } => {
            out.push_str("(yield from ");
            expr(out, value, PR_TEST);
            out.push(')');
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            open(out, level > PR_CMP);
            expr(out, left, PR_CMP + 1);
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(cmp_str(*op));
                expr(out, c, PR_CMP + 1);
            }
            close(out, level > PR_CMP);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            expr(out, func, PR_ATOM);
            if args.len() == 1
                && keywords.is_empty()
                && matches!(args[0].kind, ExprKind::GeneratorExp { .. })
            {
                expr(out, &args[0], PR_TEST);
                return;
            }
            out.push('(');
            let mut first = true;
            for a in args {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                expr(out, a, PR_TEST);
            }
            for k in keywords {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(name) => {
                        out.push_str(name);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                expr(out, &k.value, PR_TEST);
            }
            out.push(')');
        }
        ExprKind::FormattedValue { .. } => {
            let mut body = String::new();
            fstring_body(&mut body, std::slice::from_ref(e));
            out.push('f');
            write_str_repr(out, PyString::from(body.as_str()).code_points());
        }
        ExprKind::JoinedStr { values } => {
            let mut body = String::new();
            fstring_body(&mut body, values);
            out.push('f');
            write_str_repr(out, PyString::from(body.as_str()).code_points());
        }
        ExprKind::Constant { value, .. } => constant(out, value),
        ExprKind::Attribute { value, attr, .. } => {
            expr(out, value, PR_ATOM);
            let is_int = matches!(
                value.kind,
                ExprKind::Constant {
                    value: Constant::Int(_),
                    ..
                }
            );
            out.push_str(if is_int { " ." } else { "." });
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(out, value, PR_ATOM);
            out.push('[');
            match &slice.kind {
                ExprKind::Tuple { elts, .. } if !elts.is_empty() => {
                    for (i, s) in elts.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        expr(out, s, PR_TUPLE);
                    }
                    if elts.len() == 1 {
                        out.push(',');
                    }
                }
                _ => expr(out, slice, PR_TUPLE),
            }
            out.push(']');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            expr(out, value, PR_EXPR);
        }
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, PR_TEST);
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, PR_TEST);
            }
            if let Some(s) = step {
                out.push(':');
                expr(out, s, PR_TEST);
            }
        }
    }
}

const PR_EXPR: u8 = PR_BOR;
