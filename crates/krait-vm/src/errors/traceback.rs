//! Printing an uncaught exception as CPython 3.11 does: the chain of
//! causes and contexts, each with its traceback (source lines and caret
//! markers) and its `Type: message` line.

use crate::object::ObjKind;
use crate::objects::exceptions::methods::exc_data;
use crate::objects::str::value_pystr;
use crate::value::{Obj, Value};
use crate::vm::Vm;

impl Vm {
    /// The whole report for an exception, chained ones first.
    pub fn format_exception(&mut self, exc: &Obj) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        let mut ctx = GroupContext::default();
        self.format_chain(exc, &mut out, &mut seen, &mut ctx);
        out
    }

    /// One exception's traceback and `Type: message` line, without the
    /// exceptions chained to it (how unraisable exceptions are reported).
    pub fn format_exception_alone(&mut self, exc: &Obj) -> String {
        let mut text = String::new();
        self.format_single(exc, &mut text);
        text
    }

    fn format_chain(
        &mut self,
        exc: &Obj,
        out: &mut String,
        seen: &mut Vec<usize>,
        ctx: &mut GroupContext,
    ) {
        seen.push(exc.addr());
        if let Some(d) = exc_data(exc) {
            let (cause, context, suppress) = {
                let d = d.borrow();
                (d.cause.clone(), d.context.clone(), d.suppress_context)
            };
            if let Value::Obj(c) = &cause {
                if !seen.contains(&c.addr()) && exc_data(c).is_some() {
                    self.format_chain(c, out, seen, ctx);
                    ctx.emit(
                        out,
                        "\nThe above exception was the direct cause of the following exception:\n\n",
                        '|',
                    );
                }
            } else if let Value::Obj(c) = &context {
                if !suppress && !seen.contains(&c.addr()) && exc_data(c).is_some() {
                    self.format_chain(c, out, seen, ctx);
                    ctx.emit(
                        out,
                        "\nDuring handling of the above exception, another exception occurred:\n\n",
                        '|',
                    );
                }
            }
        }
        if !exc.class().is_subtype(&self.exc.base_exception_group) {
            let mut text = String::new();
            self.format_single(exc, &mut text);
            ctx.emit(out, &text, '|');
            return;
        }
        if ctx.depth > MAX_GROUP_DEPTH {
            ctx.emit(
                out,
                &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                '|',
            );
            return;
        }
        // An exception group: its own traceback, then each member in a
        // numbered, indented frame (CPython's layout).
        let toplevel = ctx.depth == 0;
        if toplevel {
            ctx.depth += 1;
        }
        let mut frames = String::new();
        if self.format_frames(exc, &mut frames) {
            let margin = if toplevel { '+' } else { '|' };
            ctx.emit(
                out,
                "Exception Group Traceback (most recent call last):\n",
                margin,
            );
            ctx.emit(out, &frames, '|');
        }
        let mut text = self.exception_line(exc);
        self.format_notes(exc, &mut text);
        ctx.emit(out, &text, '|');
        let key = self.intern("exceptions");
        let members = self
            .getattr(&Value::Obj(exc.clone()), &key)
            .map(|v| crate::eval::tuple_items(&v))
            .unwrap_or_default();
        let n = members.len().min(MAX_GROUP_WIDTH + 1);
        ctx.need_close = false;
        for (i, member) in members.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            out.push_str(&ctx.indent());
            out.push_str(if i == 0 { "+-" } else { "  " });
            out.push_str(&format!("+---------------- {title} ----------------\n"));
            ctx.depth += 1;
            if truncated {
                let remaining = members.len() - MAX_GROUP_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                ctx.emit(
                    out,
                    &format!("and {remaining} more exception{plural}\n"),
                    '|',
                );
            } else if let Value::Obj(m) = member {
                self.format_chain(m, out, seen, ctx);
            }
            if last && ctx.need_close {
                out.push_str(&ctx.indent());
                out.push_str("+------------------------------------\n");
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if toplevel {
            ctx.depth = 0;
        }
    }

    fn format_single(&mut self, exc: &Obj, out: &mut String) {
        let mut frames = String::new();
        if self.format_frames(exc, &mut frames) {
            out.push_str("Traceback (most recent call last):\n");
            out.push_str(&frames);
        }
        out.push_str(&self.exception_line(exc));
        self.format_notes(exc, out);
    }

    /// The `File ..., line ...` lines of an exception's traceback; false
    /// when it has none.
    fn format_frames(&mut self, exc: &Obj, out: &mut String) -> bool {
        let mut entries = exc_data(exc)
            .map(|d| d.borrow().traceback.clone())
            .unwrap_or_default();
        entries.retain(|e| !e.is_native());
        if !entries.is_empty() {
            let mut last: Option<(String, u32, String)> = None;
            let mut repeats = 0usize;
            for e in entries.iter().rev() {
                let c = &e.code.code;
                let pos = c.positions.get(e.pc as usize).copied().unwrap_or_default();
                let key = (c.filename.to_string(), pos.lineno, c.name.clone());
                if last.as_ref() == Some(&key) {
                    repeats += 1;
                    if repeats >= 3 {
                        continue;
                    }
                } else {
                    flush_repeats(out, repeats);
                    repeats = 0;
                    last = Some(key);
                }
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    c.filename, pos.lineno, c.name
                ));
                if let Some(line) = self.source_line(&c.filename, pos.lineno) {
                    out.push_str(&render_line(&line, pos));
                }
            }
            flush_repeats(out, repeats);
        }
        !entries.is_empty()
    }

    /// An exception's notes, one per line.
    fn format_notes(&mut self, exc: &Obj, out: &mut String) {
        let key = self.intern("__notes__");
        if let Some(notes) = exc
            .object()
            .dict()
            .and_then(|d| crate::objects::dict::get_str_obj(d, &key))
        {
            match notes.kind() {
                Some(ObjKind::List(l)) => {
                    let items = l.borrow().clone();
                    for n in items {
                        match value_pystr(&n) {
                            Some(s) => {
                                out.push_str(&s.to_string_lossy());
                                out.push('\n');
                            }
                            None => {
                                let r = self.repr_string(&n).unwrap_or_default();
                                out.push_str(&r);
                                out.push('\n');
                            }
                        }
                    }
                }
                _ => {
                    let r = self.repr_string(&notes).unwrap_or_default();
                    out.push_str(&r);
                    out.push('\n');
                }
            }
        }
    }

    /// `Type: message` (with the module for classes outside builtins).
    pub fn exception_line(&mut self, exc: &Obj) -> String {
        let cls = exc.class().clone();
        let qual = cls.tdata().qualname.borrow().clone();
        let name = match crate::objects::typeobject::object::class_module(self, &cls) {
            Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{qual}"),
            _ => qual,
        };
        if cls.is_subtype(&self.exc.syntax_error) {
            if let Some(s) = self.syntax_error_report(exc, &name) {
                return s;
            }
        }
        let msg = match self.str(&Value::Obj(exc.clone())) {
            Ok(v) => value_pystr(&v)
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            Err(_) => "<exception str() failed>".to_string(),
        };
        let msg = match self.suggestion_for(exc) {
            Some(s) => format!("{msg}. Did you mean: '{s}'?"),
            None => msg,
        };
        if msg.is_empty() {
            format!("{name}\n")
        } else {
            format!("{name}: {msg}\n")
        }
    }

    /// The "Did you mean" name for a NameError or AttributeError.
    fn suggestion_for(&mut self, exc: &Obj) -> Option<String> {
        let d = crate::objects::exceptions::methods::exc_data(exc)?;
        let (suggestion, name, obj) = {
            let d = d.borrow();
            (
                d.suggestion.clone(),
                d.attr_name.clone(),
                d.attr_obj.clone(),
            )
        };
        if suggestion.is_some() {
            return suggestion;
        }
        if obj.is_none() || !exc.class().is_subtype(&self.exc.attribute_error) {
            return None;
        }
        let name = value_pystr(&name)?.to_string_lossy().into_owned();
        let dir = self.builtin("dir")?;
        let names = self.call(&dir, vec![obj]).ok()?;
        let names: Vec<String> = self
            .iterate(&names)
            .ok()?
            .iter()
            .filter_map(|v| value_pystr(v).map(|s| s.to_string_lossy().into_owned()))
            .collect();
        crate::errors::suggest::closest(names.iter().map(String::as_str), &name)
    }

    /// A SyntaxError raised at run time (by `compile`, `exec`, `import`).
    fn syntax_error_report(&mut self, exc: &Obj, name: &str) -> Option<String> {
        let ev = Value::Obj(exc.clone());
        let get = |vm: &mut Vm, k: &str| -> Value {
            let key = vm.intern(k);
            vm.getattr(&ev, &key).unwrap_or(Value::None)
        };
        let msg = get(self, "msg");
        let filename = get(self, "filename");
        let lineno = crate::objects::int::small(&get(self, "lineno"));
        let offset = crate::objects::int::small(&get(self, "offset"));
        let end_offset = crate::objects::int::small(&get(self, "end_offset"));
        let text = get(self, "text");
        let mut out = String::new();
        let file = value_pystr(&filename).map(|s| s.to_string_lossy().into_owned());
        if let (Some(f), Some(l)) = (&file, lineno) {
            out.push_str(&format!("  File \"{f}\", line {l}\n"));
        }
        if let Some(t) = value_pystr(&text) {
            let t = t.to_string_lossy().into_owned();
            let line = t.trim_end_matches('\n');
            let stripped = line.trim_start();
            let lead = line.chars().count() - stripped.chars().count();
            out.push_str(&format!("    {}\n", stripped.trim_end()));
            // The offsets are attributes a program may set to anything: a
            // caret left of the text is not shown, and none goes past it.
            let width = stripped.trim_end().chars().count() as i64;
            let lead = lead as i64;
            if let Some(start) = offset
                .map(|o| (o - 1 - lead).min(width))
                .filter(|s| *s >= 0)
            {
                let end = end_offset
                    .map(|e| e - 1 - lead)
                    .unwrap_or(start + 1)
                    .clamp(start + 1, width.max(start) + 1);
                out.push_str(&format!(
                    "    {}{}\n",
                    " ".repeat(start as usize),
                    "^".repeat((end - start) as usize)
                ));
            }
        }
        let m = value_pystr(&msg)
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push_str(&format!("{name}: {m}\n"));
        Some(out)
    }

    /// Prints a warning located at the running line (CPython's default
    /// filter: once per location), then `tail` under it. With no Python
    /// frame running (at exit) it is located at `sys:1`, without `tail`.
    pub fn warn_here(&mut self, category: &str, message: &str, tail: &str) {
        let Some(f) = self.frames.last() else {
            self.stdout.flush();
            self.stderr
                .write(format!("sys:1: {category}: {message}\n").as_bytes());
            return;
        };
        let filename = f.code.code.filename.to_string();
        let line = f.line_at(f.pc.saturating_sub(1));
        let key = (filename.clone(), line, format!("{category}: {message}"));
        if !self.warned.insert(key) {
            return;
        }
        let mut out = format!("{filename}:{line}: {category}: {message}\n");
        if let Some(src) = self.source_line(&filename, line) {
            out.push_str(&format!("  {}\n", src.trim()));
        }
        out.push_str(tail);
        self.stdout.flush();
        self.stderr.write(out.as_bytes());
    }

    /// Line `lineno` of a source file, read when a traceback is printed.
    pub(crate) fn source_line(&mut self, filename: &str, lineno: u32) -> Option<String> {
        if lineno == 0 || filename.starts_with('<') {
            return None;
        }
        if !self.source_cache.contains_key(filename) {
            let text = std::fs::read(filename)
                .ok()
                .and_then(|b| krait_syntax::source::decode_source(&b).ok());
            self.source_cache.insert(
                filename.to_string(),
                text.map(|t| t.lines().map(str::to_owned).collect()),
            );
        }
        let lines = self.source_cache.get(filename)?.as_ref()?;
        lines.get(lineno as usize - 1).cloned()
    }
}

/// How many members of an exception group are shown, and how deeply
/// groups nest, before the report is cut short (CPython's limits).
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// Where the report is within nested exception groups: each level
/// indents by two spaces and draws a margin.
#[derive(Default)]
struct GroupContext {
    depth: usize,
    need_close: bool,
}

impl GroupContext {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Appends `text`, every line indented for the current depth.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

fn flush_repeats(out: &mut String, repeats: usize) {
    if repeats >= 3 {
        let n = repeats - 2;
        out.push_str(&format!(
            "  [Previous line repeated {} more time{}]\n",
            n,
            if n == 1 { "" } else { "s" }
        ));
    }
}

/// Character index of a UTF-8 byte offset in a line.
fn char_index(line: &str, byte: usize) -> usize {
    let b = byte.min(line.len());
    let mut b = b;
    while !line.is_char_boundary(b) {
        b -= 1;
    }
    line[..b].chars().count()
}

/// The source line and, when the failing range covers only part of it,
/// the markers under that range.
fn render_line(line: &str, pos: krait_syntax::ast::Loc) -> String {
    let stripped = line.trim();
    if stripped.is_empty() {
        return String::new();
    }
    let mut out = format!("    {stripped}\n");
    let lead = line.chars().count() - line.trim_start().chars().count();
    let start = char_index(line, pos.col_offset as usize);
    let mut end = char_index(line, pos.end_col_offset as usize);
    let mut anchors = None;
    if pos.end_lineno != pos.lineno {
        end = lead + stripped.chars().count();
    } else {
        let seg_start = pos.col_offset as usize;
        let seg_end = (pos.end_col_offset as usize).min(line.len());
        if seg_start < seg_end && line.is_char_boundary(seg_start) && line.is_char_boundary(seg_end)
        {
            anchors = caret_anchors(&line[seg_start..seg_end]);
        }
    }
    if end <= start {
        return out;
    }
    let covers_all = end - start >= stripped.chars().count();
    let anchored = anchors.is_some_and(|(l, r)| r > l);
    if covers_all && !anchored {
        return out;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(start.saturating_sub(lead)));
    match anchors {
        Some((l, r)) => {
            out.push_str(&"~".repeat(l));
            out.push_str(&"^".repeat(r - l));
            out.push_str(&"~".repeat((end - start).saturating_sub(r)));
        }
        None => out.push_str(&"^".repeat(end - start)),
    }
    out.push('\n');
    out
}

/// For a binary operation or a subscript, the operator's range within
/// the segment (in characters), as CPython's traceback marks it.
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use krait_syntax::ast::{ExprKind, Mod, StmtKind};
    let module = krait_syntax::parse_module(segment).ok()?;
    let Mod::Module { body, .. } = module else {
        return None;
    };
    if body.len() != 1 {
        return None;
    }
    let StmtKind::Expr { value } = &body[0].kind else {
        return None;
    };
    let chars: Vec<char> = segment.chars().collect();
    let norm = |byte: u32| char_index(segment, byte as usize);
    match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            let op_start = norm(left.loc.end_col_offset);
            let op_end = norm(right.loc.col_offset);
            let op_str: String = chars.get(op_start..op_end)?.iter().collect();
            let offset = op_str.chars().count() - op_str.trim_start().chars().count();
            let mut l = op_start + offset;
            let mut r = l + 1;
            let op_chars: Vec<char> = op_str.chars().collect();
            if offset + 1 < op_chars.len() && !op_chars[offset + 1].is_whitespace() {
                r += 1;
            }
            while l < chars.len()
                && (chars[l].is_whitespace() || chars[l] == ')' || chars[l] == '#')
            {
                l += 1;
                r += 1;
            }
            Some((l, r))
        }
        ExprKind::Subscript {
            value: v, slice, ..
        } => {
            let mut l = norm(v.loc.end_col_offset);
            let mut r = norm(slice.loc.end_col_offset) + 1;
            while l < chars.len() && chars[l] != '[' {
                l += 1;
            }
            while r < chars.len() && chars[r] != ']' {
                r += 1;
            }
            if r < chars.len() {
                r += 1;
            }
            Some((l, r))
        }
        _ => None,
    }
}
