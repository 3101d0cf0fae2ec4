//! Turning a finished unit into a code object: jump labels become
//! instruction indices, cell and free variable slots are placed after the
//! locals, the maximum stack depth is computed by following every path
//! (exceptional ones included), and the exception table is built from the
//! handler each instruction was emitted under.

use crate::code::*;
use crate::codegen::{CResult, CompileError, Unit};
use std::rc::Rc;

fn error(msg: &str) -> CompileError {
    CompileError {
        msg: msg.into(),
        loc: Default::default(),
    }
}

pub(crate) fn assemble(u: Unit<'_>, filename: Rc<str>) -> CResult<Rc<Code>> {
    let parts = u.into_parts();
    let mut instrs = parts.instrs;
    let labels = parts.labels;
    let resolve = |l: u32| -> CResult<u32> {
        labels
            .get(l as usize)
            .copied()
            .flatten()
            .ok_or_else(|| error("internal error: unbound jump label"))
    };
    for i in instrs.iter_mut() {
        if let Some(t) = i.jump_target() {
            i.set_jump_target(resolve(t)?);
        }
    }
    // Cells and free variables come after the locals.
    let nlocals = parts.varnames.len() as u32;
    for i in instrs.iter_mut() {
        i.place_cell_after_locals(nlocals);
    }
    let cell2arg = parts
        .cellvars
        .iter()
        .map(|c| {
            parts
                .varnames
                .iter()
                .position(|v| v == c)
                .filter(|&p| p < parts.nparams)
                .map(|p| p as u32)
        })
        .collect();

    // Stack depths by following every path.
    let n = instrs.len();
    let mut depth: Vec<i32> = vec![-1; n + 1];
    let mut handler_depth: Vec<i32> = vec![-1; parts.handlers.len()];
    let mut setup_at: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
    for (h, (_, at, _)) in parts.handlers.iter().enumerate() {
        setup_at[(*at as usize).min(n)].push(h);
    }
    let mut max = 0i32;
    let mut work: Vec<(usize, i32)> = vec![(0, 0)];
    while let Some((start, d)) = work.pop() {
        let mut pc = start;
        let mut d = d;
        loop {
            if pc >= n {
                break;
            }
            if depth[pc] >= 0 {
                break;
            }
            depth[pc] = d;
            for &h in &setup_at[pc] {
                if handler_depth[h] < 0 {
                    let (label, _, adjust) = parts.handlers[h];
                    let hd = d + adjust;
                    handler_depth[h] = hd;
                    let target = resolve(label)? as usize;
                    max = max.max(hd + 1);
                    work.push((target, hd + 1));
                }
            }
            let ins = instrs[pc];
            let effect = ins.stack_effect();
            if let Some(t) = ins.jump_target() {
                let jd = d + effect.jumps;
                max = max.max(jd);
                work.push((t as usize, jd));
            }
            if ins.is_terminator() {
                break;
            }
            d += effect.falls_through;
            max = max.max(d);
            pc += 1;
        }
    }
    // A handler set up at the very end (after the last instruction) is never
    // used; its depth stays unknown and it gets no table entry.
    let mut table: Vec<ExceptionEntry> = Vec::new();
    for (idx, h) in parts.handler_of.iter().enumerate() {
        let Some(h) = *h else { continue };
        let hd = handler_depth[h as usize];
        if hd < 0 {
            continue;
        }
        let target = resolve(parts.handlers[h as usize].0)?;
        let idx = idx as u32;
        if let Some(last) = table.last_mut() {
            if last.end == idx && last.target == target && last.depth == hd as u32 {
                last.end = idx + 1;
                continue;
            }
        }
        table.push(ExceptionEntry {
            start: idx,
            end: idx + 1,
            target,
            depth: hd as u32,
        });
    }
    Ok(Rc::new(Code {
        name: parts.name,
        qualname: parts.qualname,
        filename,
        first_lineno: parts.first_lineno,
        argcount: parts.argcount,
        posonlyargcount: parts.posonlyargcount,
        kwonlyargcount: parts.kwonlyargcount,
        flags: parts.flags,
        instrs,
        positions: parts.positions,
        consts: parts.consts,
        names: parts.names,
        varnames: parts.varnames,
        cellvars: parts.cellvars,
        freevars: parts.freevars,
        cell2arg,
        exception_table: table,
        max_stack: max.max(0) as u32,
    }))
}

/// A unit's contents, moved out for assembly.
pub(crate) struct UnitParts {
    pub name: String,
    pub qualname: String,
    pub first_lineno: u32,
    pub instrs: Vec<Instr>,
    pub positions: Vec<krait_syntax::ast::Loc>,
    pub handler_of: Vec<Option<u32>>,
    pub labels: Vec<Option<u32>>,
    /// (label, set up at instruction, depth adjustment)
    pub handlers: Vec<(u32, u32, i32)>,
    pub consts: Vec<Const>,
    pub names: Vec<String>,
    pub varnames: Vec<String>,
    pub nparams: usize,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
}
