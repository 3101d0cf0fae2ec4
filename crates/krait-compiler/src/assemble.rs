//! Turning a finished unit into a code object: jump labels become
//! instruction indices, cell and free variable slots are placed after the
//! locals, the maximum stack depth is computed by following every path
//! (exceptional ones included), and the exception table is built from the
//! handler each instruction was emitted under.

use crate::code::*;
use crate::codegen::{CResult, CompileError, Unit};
use std::rc::Rc;

/// The stack effect of `i`: on the fall-through path, and when it jumps.
pub fn stack_effect(i: &Instr) -> (i32, i32) {
    use Instr::*;
    let plain = |n: i32| (n, n);
    match *i {
        Nop | Swap(_) | DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_)
        | LoadAttr(_) | Unary(_) | ListToTuple | GetIter | Jump(_) | GetYieldFromIter
        | GetAwaitable(_) | GetAIter | AsyncGenWrap | CheckExcMatch | CheckEgMatch
        | SetupAnnotations | YieldValue(_) => plain(0),
        PopTop | StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) | DeleteAttr(_)
        | BinaryOp(_) | Compare(_) | IsOp(_) | ContainsOp(_) | BinarySubscr | ListAppend(_)
        | SetAdd(_) | ListExtend(_) | SetUpdate(_) | DictUpdate(_) | DictMerge(_)
        | ImportName(_) | ImportStar | Reraise | PopExcept | PrepReraiseStar
        | CopyDictWithoutKeys | PrintExpr | ReturnValue => plain(-1),
        PopJumpIfFalse(_) | PopJumpIfTrue(_) | PopJumpIfNone(_) | PopJumpIfNotNone(_) => plain(-1),
        Copy(_) | PushNull | LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClassDeref(_)
        | LoadClosure(_) | LoadGlobal(_) | LoadName(_) | LoadMethod(_) | LoadBuildClass
        | GetANext | ImportFrom(_) | PushExcInfo | BeforeWith | BeforeAsyncWith
        | WithExceptStart | LoadAssertionError | MatchMapping | MatchSequence | MatchKeys
        | GetLen => plain(1),
        StoreAttr(_) | DeleteSubscr | MapAdd(_) | EndAsyncFor => plain(-2),
        StoreSubscr => plain(-3),
        BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) | BuildSlice(n) => {
            plain(1 - n as i32)
        }
        BuildMap(n) => plain(1 - 2 * n as i32),
        BuildConstKeyMap(n) => plain(-(n as i32)),
        FormatValue(f) => plain(if f & format_value::HAS_SPEC != 0 {
            -1
        } else {
            0
        }),
        UnpackSequence(n) => plain(n as i32 - 1),
        UnpackEx(n) => plain((n & 0xFF) as i32 + (n >> 8) as i32),
        ForIter(_) => (1, -1),
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => (-1, 0),
        Call(n) => plain(-(n as i32) - 1),
        CallKw(n) => plain(-(n as i32) - 2),
        CallFunctionEx(f) => plain(-2 - (f & 1) as i32),
        MakeFunction(f) => plain(-((f & 0xF).count_ones() as i32)),
        Send(_) => (0, -1),
        RaiseVarargs(n) => plain(-(n as i32)),
        MatchClass(_) => plain(-2),
        // The effect of the pair (the VM makes these; the compiler never
        // sees them).
        LoadFastLoadFast(..) | LoadFastLoadConst(..) => plain(2),
        StoreFastLoadFast(..) => plain(0),
        LoadFastLoadAttr(_) => plain(1),
        BinaryOpConst(..) => plain(0),
        CompareJumpIfFalse(..) | CompareJumpIfTrue(..) => plain(-2),
        PushNullLoadGlobal(_) => plain(2),
        LoadFastBinaryOp(..) => plain(0),
        LoadFastConstBinaryOp(..) | LoadFastLoadFastBinaryOp(..) => plain(1),
        BinaryOpStoreFast(..) => plain(-2),
        SliceSubscr(n) => plain(-(n as i32)),
        SliceStore(n) => plain(-(n as i32) - 2),
    }
}

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
        match i {
            Instr::LoadDeref(s)
            | Instr::StoreDeref(s)
            | Instr::DeleteDeref(s)
            | Instr::LoadClassDeref(s)
            | Instr::LoadClosure(s) => *s += nlocals,
            _ => {}
        }
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
            let (fall, jump) = stack_effect(&ins);
            if let Some(t) = ins.jump_target() {
                let jd = d + jump;
                max = max.max(jd);
                work.push((t as usize, jd));
            }
            if ins.is_terminator() {
                break;
            }
            d += fall;
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
