//! Krait's bytecode as CPython 3.11 lays bytecode out, for the attributes
//! of code objects that expose it (`co_code`, `co_exceptiontable`,
//! `co_positions()`, `co_lines()`, `f_lasti`) and so for the standard
//! library's `dis`, which reads them.
//!
//! Krait's instructions are CPython 3.11's, with a few differences of
//! encoding the view undoes: Krait jumps to instruction indices, CPython
//! by a relative number of code units, forward and backward opcodes
//! apart; CPython calls through `PRECALL` then `CALL` (with `KW_NAMES`
//! for keyword names Krait loads as a constant); `LOAD_GLOBAL` carries
//! the `PUSH_NULL` before it in its low bit; CPython's specialising
//! instructions are followed by inline `CACHE` units, and every code
//! object starts with `RESUME` (after `COPY_FREE_VARS`, `MAKE_CELL` and
//! `RETURN_GENERATOR` where they apply). Numbers are CPython 3.11's
//! `opcode.opmap`. An instruction CPython 3.11 lacks shows as an unused
//! opcode, which `dis` prints as `<n>`.

use crate::code::{flags, Code, Instr};
use crate::instructions::Operand;
use krait_syntax::ast::Loc;

/// The view of one code object.
pub struct CpythonView {
    /// `co_code`: two bytes per code unit (opcode, argument).
    pub bytes: Vec<u8>,
    /// For each Krait instruction, the byte offset of the opcode that does
    /// its work (`f_lasti` while it runs).
    pub offsets: Vec<u32>,
    /// The source position of each code unit; None for the prologue.
    pub positions: Vec<Option<Loc>>,
    /// `co_exceptiontable` in CPython's varint encoding.
    pub exception_table: Vec<u8>,
}

mod op {
    pub const CACHE: u8 = 0;
    pub const POP_TOP: u8 = 1;
    /// Unused in 3.11: stands for an instruction CPython lacks.
    pub const KRAIT_ONLY: u8 = 3;
    pub const RETURN_GENERATOR: u8 = 75;
    pub const JUMP_FORWARD: u8 = 110;
    pub const JUMP_IF_FALSE_OR_POP: u8 = 111;
    pub const JUMP_IF_TRUE_OR_POP: u8 = 112;
    pub const POP_JUMP_FORWARD_IF_FALSE: u8 = 114;
    pub const POP_JUMP_FORWARD_IF_TRUE: u8 = 115;
    pub const LOAD_GLOBAL: u8 = 116;
    pub const POP_JUMP_FORWARD_IF_NOT_NONE: u8 = 128;
    pub const POP_JUMP_FORWARD_IF_NONE: u8 = 129;
    pub const JUMP_BACKWARD_NO_INTERRUPT: u8 = 134;
    pub const JUMP_BACKWARD: u8 = 140;
    pub const MAKE_CELL: u8 = 135;
    pub const EXTENDED_ARG: u8 = 144;
    pub const COPY_FREE_VARS: u8 = 149;
    pub const RESUME: u8 = 151;
    pub const PRECALL: u8 = 166;
    pub const CALL: u8 = 171;
    pub const KW_NAMES: u8 = 172;
    pub const POP_JUMP_BACKWARD_IF_NOT_NONE: u8 = 173;
    pub const POP_JUMP_BACKWARD_IF_NONE: u8 = 174;
    pub const POP_JUMP_BACKWARD_IF_FALSE: u8 = 175;
    pub const POP_JUMP_BACKWARD_IF_TRUE: u8 = 176;
    /// Opcodes from here on take an argument.
    pub const HAVE_ARGUMENT: u8 = 90;
}

/// CPython 3.11's opcode numbers, by name.
const OPMAP: &[(&str, u8)] = &[
    ("NOP", 9),
    ("POP_TOP", 1),
    ("PUSH_NULL", 2),
    ("BINARY_SUBSCR", 25),
    ("GET_LEN", 30),
    ("MATCH_MAPPING", 31),
    ("MATCH_SEQUENCE", 32),
    ("MATCH_KEYS", 33),
    ("PUSH_EXC_INFO", 35),
    ("CHECK_EXC_MATCH", 36),
    ("CHECK_EG_MATCH", 37),
    ("WITH_EXCEPT_START", 49),
    ("GET_AITER", 50),
    ("GET_ANEXT", 51),
    ("BEFORE_ASYNC_WITH", 52),
    ("BEFORE_WITH", 53),
    ("END_ASYNC_FOR", 54),
    ("STORE_SUBSCR", 60),
    ("DELETE_SUBSCR", 61),
    ("GET_ITER", 68),
    ("GET_YIELD_FROM_ITER", 69),
    ("PRINT_EXPR", 70),
    ("LOAD_BUILD_CLASS", 71),
    ("LOAD_ASSERTION_ERROR", 74),
    ("LIST_TO_TUPLE", 82),
    ("RETURN_VALUE", 83),
    ("IMPORT_STAR", 84),
    ("SETUP_ANNOTATIONS", 85),
    ("YIELD_VALUE", 86),
    ("ASYNC_GEN_WRAP", 87),
    ("PREP_RERAISE_STAR", 88),
    ("POP_EXCEPT", 89),
    ("STORE_NAME", 90),
    ("DELETE_NAME", 91),
    ("UNPACK_SEQUENCE", 92),
    ("FOR_ITER", 93),
    ("UNPACK_EX", 94),
    ("STORE_ATTR", 95),
    ("DELETE_ATTR", 96),
    ("STORE_GLOBAL", 97),
    ("DELETE_GLOBAL", 98),
    ("SWAP", 99),
    ("LOAD_CONST", 100),
    ("LOAD_NAME", 101),
    ("BUILD_TUPLE", 102),
    ("BUILD_LIST", 103),
    ("BUILD_SET", 104),
    ("BUILD_MAP", 105),
    ("LOAD_ATTR", 106),
    ("COMPARE_OP", 107),
    ("IMPORT_NAME", 108),
    ("IMPORT_FROM", 109),
    ("IS_OP", 117),
    ("CONTAINS_OP", 118),
    ("RERAISE", 119),
    ("COPY", 120),
    ("BINARY_OP", 122),
    ("SEND", 123),
    ("LOAD_FAST", 124),
    ("STORE_FAST", 125),
    ("DELETE_FAST", 126),
    ("RAISE_VARARGS", 130),
    ("GET_AWAITABLE", 131),
    ("MAKE_FUNCTION", 132),
    ("BUILD_SLICE", 133),
    ("LOAD_CLOSURE", 136),
    ("LOAD_DEREF", 137),
    ("STORE_DEREF", 138),
    ("DELETE_DEREF", 139),
    ("CALL_FUNCTION_EX", 142),
    ("LIST_APPEND", 145),
    ("SET_ADD", 146),
    ("MAP_ADD", 147),
    ("LOAD_CLASSDEREF", 148),
    ("MATCH_CLASS", 152),
    ("FORMAT_VALUE", 155),
    ("BUILD_CONST_KEY_MAP", 156),
    ("BUILD_STRING", 157),
    ("LOAD_METHOD", 160),
    ("LIST_EXTEND", 162),
    ("SET_UPDATE", 163),
    ("DICT_MERGE", 164),
    ("DICT_UPDATE", 165),
];

/// The inline cache units CPython 3.11 keeps after an opcode.
fn caches(opcode: u8) -> u32 {
    match opcode {
        25 => 4,   // BINARY_SUBSCR
        60 => 1,   // STORE_SUBSCR
        92 => 1,   // UNPACK_SEQUENCE
        95 => 4,   // STORE_ATTR
        106 => 4,  // LOAD_ATTR
        107 => 2,  // COMPARE_OP
        116 => 5,  // LOAD_GLOBAL
        122 => 1,  // BINARY_OP
        160 => 10, // LOAD_METHOD
        166 => 1,  // PRECALL
        171 => 4,  // CALL
        _ => 0,
    }
}

fn opcode_named(name: &str) -> u8 {
    match name {
        "LOAD_CLASS_DEREF" => 148,
        "GET_A_ITER" => 50,
        "GET_A_NEXT" => 51,
        "UNARY" | "COMPARE" => unreachable!("handled by `pieces`"),
        _ => OPMAP
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(op::KRAIT_ONLY, |&(_, c)| c),
    }
}

/// Where a piece's argument comes from.
#[derive(Clone, Copy)]
enum Arg {
    Fixed(u32),
    /// A jump to a Krait instruction, relative forward or backward.
    Forward(u32),
    Backward(u32),
}

/// One opcode of the view, with its argument.
#[derive(Clone, Copy)]
struct Piece {
    opcode: u8,
    arg: Arg,
    /// The opcode that does the Krait instruction's work (its `f_lasti`).
    main: bool,
}

fn piece(opcode: u8, arg: u32) -> Piece {
    Piece {
        opcode,
        arg: Arg::Fixed(arg),
        main: true,
    }
}

/// The pieces of instruction `i` of `code`.
fn pieces(code: &Code, i: usize) -> Vec<Piece> {
    let instr = code.instrs[i];
    let next = code.instrs.get(i + 1).copied();
    let jump = |forward: u8, backward: u8, target: u32| {
        let (opcode, arg) = if target as usize > i {
            (forward, Arg::Forward(target))
        } else {
            (backward, Arg::Backward(target))
        };
        vec![Piece {
            opcode,
            arg,
            main: true,
        }]
    };
    let prep_call = |n: u32| {
        vec![
            Piece {
                main: false,
                ..piece(op::PRECALL, n)
            },
            piece(op::CALL, n),
        ]
    };
    match instr {
        // `PUSH_NULL; LOAD_GLOBAL i` is CPython's `LOAD_GLOBAL (i << 1) | 1`.
        Instr::PushNull if matches!(next, Some(Instr::LoadGlobal(_))) => vec![],
        Instr::LoadGlobal(n) => {
            let null = i > 0 && code.instrs[i - 1] == Instr::PushNull;
            vec![piece(op::LOAD_GLOBAL, n << 1 | null as u32)]
        }
        // Keyword names: a constant Krait pushes, CPython's `KW_NAMES`.
        Instr::LoadConst(k) if matches!(next, Some(Instr::CallKw(_))) => {
            vec![piece(op::KW_NAMES, k)]
        }
        Instr::Call(n) | Instr::CallKw(n) => prep_call(n),
        // The loop of a `yield from` or `await` goes back to its SEND.
        Instr::Jump(t) if (t as usize) < i && matches!(code.instrs[t as usize], Instr::Send(_)) => {
            vec![Piece {
                opcode: op::JUMP_BACKWARD_NO_INTERRUPT,
                arg: Arg::Backward(t),
                main: true,
            }]
        }
        Instr::Jump(t) => jump(op::JUMP_FORWARD, op::JUMP_BACKWARD, t),
        Instr::PopJumpIfFalse(t) => jump(
            op::POP_JUMP_FORWARD_IF_FALSE,
            op::POP_JUMP_BACKWARD_IF_FALSE,
            t,
        ),
        Instr::PopJumpIfTrue(t) => jump(
            op::POP_JUMP_FORWARD_IF_TRUE,
            op::POP_JUMP_BACKWARD_IF_TRUE,
            t,
        ),
        Instr::PopJumpIfNone(t) => jump(
            op::POP_JUMP_FORWARD_IF_NONE,
            op::POP_JUMP_BACKWARD_IF_NONE,
            t,
        ),
        Instr::PopJumpIfNotNone(t) => jump(
            op::POP_JUMP_FORWARD_IF_NOT_NONE,
            op::POP_JUMP_BACKWARD_IF_NOT_NONE,
            t,
        ),
        Instr::JumpIfFalseOrPop(t) => jump(op::JUMP_IF_FALSE_OR_POP, op::JUMP_IF_FALSE_OR_POP, t),
        Instr::JumpIfTrueOrPop(t) => jump(op::JUMP_IF_TRUE_OR_POP, op::JUMP_IF_TRUE_OR_POP, t),
        Instr::ForIter(t) => jump(93, 93, t),
        Instr::Send(t) => jump(123, 123, t),
        Instr::Unary(u) => {
            use crate::code::UnaryOp;
            let opcode = match u {
                UnaryOp::Positive => 10,
                UnaryOp::Negative => 11,
                UnaryOp::Not => 12,
                UnaryOp::Invert => 15,
            };
            vec![piece(opcode, 0)]
        }
        Instr::Compare(c) => vec![piece(107, c as u32)],
        Instr::BinaryOp(b) => vec![piece(122, b as u32)],
        // CPython resumes after a yield with `RESUME 1`, after the yield
        // of a `yield from` with 2, of an `await` with 3.
        Instr::YieldValue(delegated) => {
            let after = if delegated == 0 {
                1
            } else if code.flags & (flags::COROUTINE | flags::ASYNC_GENERATOR) != 0 {
                3
            } else {
                2
            };
            vec![
                piece(86, 0),
                Piece {
                    main: false,
                    ..piece(op::RESUME, after)
                },
            ]
        }
        Instr::Reraise => vec![piece(119, 0)],
        _ => {
            let opcode = opcode_named(&instr.opname());
            let arg = if opcode >= op::HAVE_ARGUMENT {
                operand_arg(instr)
            } else {
                0
            };
            vec![piece(opcode, arg)]
        }
    }
}

/// The number an instruction carries as its argument.
fn operand_arg(instr: Instr) -> u32 {
    match instr.operand() {
        Operand::Const(n)
        | Operand::Local(n)
        | Operand::Cell(n)
        | Operand::Name(n)
        | Operand::Jump(n)
        | Operand::Count(n)
        | Operand::Is(n)
        | Operand::Contains(n)
        | Operand::FormatFlags(n)
        | Operand::FunctionFlags(n) => n,
        Operand::BinOp(op) => op as u32,
        Operand::Compare(op) => op as u32,
        Operand::Unary(_) | Operand::None | Operand::Fused => 0,
    }
}

/// The code units an argument needs: EXTENDED_ARG prefixes and the opcode.
fn arg_units(arg: u32) -> u32 {
    match arg {
        0..=0xFF => 1,
        0x100..=0xFFFF => 2,
        0x1_0000..=0xFF_FFFF => 3,
        _ => 4,
    }
}

/// Builds the view of `code`.
pub fn build(code: &Code) -> CpythonView {
    let mut prologue = Vec::new();
    if !code.freevars.is_empty() {
        prologue.push(piece(op::COPY_FREE_VARS, code.freevars.len() as u32));
    }
    let nlocals = code.varnames.len() as u32;
    for (k, arg) in code.cell2arg.iter().enumerate().take(code.cellvars.len()) {
        prologue.push(piece(op::MAKE_CELL, arg.unwrap_or(nlocals + k as u32)));
    }
    let generator_start = prologue.len();
    if code.is_generator_like() {
        prologue.push(piece(op::RETURN_GENERATOR, 0));
        prologue.push(piece(op::POP_TOP, 0));
    }
    prologue.push(piece(op::RESUME, 0));
    let body: Vec<Vec<Piece>> = (0..code.instrs.len()).map(|i| pieces(code, i)).collect();

    // Jump arguments depend on the layout, and the layout on how many
    // EXTENDED_ARG units arguments take: settle both together.
    let mut args: Vec<Vec<u32>> = body.iter().map(|p| vec![0; p.len()]).collect();
    let mut starts = vec![0u32; body.len() + 1];
    for _round in 0..8 {
        let mut unit: u32 = prologue.len() as u32;
        for (i, ps) in body.iter().enumerate() {
            starts[i] = unit;
            for (k, p) in ps.iter().enumerate() {
                unit += arg_units(args[i][k]) + caches(p.opcode);
            }
        }
        starts[body.len()] = unit;
        let mut changed = false;
        for (i, ps) in body.iter().enumerate() {
            let mut unit = starts[i];
            for (k, p) in ps.iter().enumerate() {
                let after = unit + arg_units(args[i][k]) + caches(p.opcode);
                let new = match p.arg {
                    Arg::Fixed(a) => a,
                    Arg::Forward(t) => starts[t as usize].saturating_sub(after),
                    Arg::Backward(t) => after.saturating_sub(starts[t as usize]),
                };
                if new != args[i][k] {
                    args[i][k] = new;
                    changed = true;
                }
                unit = after;
            }
        }
        if !changed {
            break;
        }
    }

    let mut view = CpythonView {
        bytes: Vec::new(),
        offsets: Vec::with_capacity(body.len()),
        positions: Vec::new(),
        exception_table: Vec::new(),
    };
    // CPython puts a module's RESUME on line 0, a function's on its `def`.
    let first = Loc {
        lineno: if code.name == "<module>" {
            0
        } else {
            code.first_lineno
        },
        ..Loc::default()
    };
    for (k, p) in prologue.iter().enumerate() {
        // COPY_FREE_VARS and MAKE_CELL have no line; RETURN_GENERATOR,
        // its POP_TOP and RESUME are on the first.
        let at = (k >= generator_start).then_some(first);
        let arg = match p.arg {
            Arg::Fixed(a) => a,
            _ => 0,
        };
        emit(&mut view, p.opcode, arg, at);
    }
    for (i, ps) in body.iter().enumerate() {
        let at = code.positions.get(i).copied().filter(|p| p.lineno != 0);
        let mut main = None;
        for (k, p) in ps.iter().enumerate() {
            let offset = emit(&mut view, p.opcode, args[i][k], at);
            if p.main {
                main = Some(offset);
            }
        }
        // An instruction with no opcode of its own (a PUSH_NULL folded
        // into LOAD_GLOBAL) is at the next one.
        view.offsets.push(main.unwrap_or(view.bytes.len() as u32));
    }
    for e in &code.exception_table {
        let unit = |i: u32| starts[(i as usize).min(body.len())];
        let (start, end, target) = (unit(e.start), unit(e.end), unit(e.target));
        push_varint(&mut view.exception_table, start, true);
        push_varint(&mut view.exception_table, end.saturating_sub(start), false);
        push_varint(&mut view.exception_table, target, false);
        push_varint(&mut view.exception_table, e.depth << 1, false);
    }
    view
}

/// Appends an opcode with its argument and caches; returns the opcode's
/// byte offset.
fn emit(view: &mut CpythonView, opcode: u8, arg: u32, at: Option<Loc>) -> u32 {
    let units = arg_units(arg);
    for shift in (1..units).rev() {
        view.bytes
            .extend_from_slice(&[op::EXTENDED_ARG, (arg >> (8 * shift)) as u8]);
        view.positions.push(at);
    }
    let offset = view.bytes.len() as u32;
    view.bytes.extend_from_slice(&[opcode, arg as u8]);
    view.positions.push(at);
    for _ in 0..caches(opcode) {
        view.bytes.extend_from_slice(&[op::CACHE, 0]);
        view.positions.push(at);
    }
    offset
}

/// CPython's exception-table varint: six bits per byte, most significant
/// first, 0x40 on every byte but the last, 0x80 on an entry's first.
fn push_varint(out: &mut Vec<u8>, value: u32, entry_start: bool) {
    let mut shift = 0;
    while value >> (shift + 6) != 0 {
        shift += 6;
    }
    let mut first = true;
    loop {
        let mut b = ((value >> shift) & 0x3F) as u8;
        if shift > 0 {
            b |= 0x40;
        }
        if first && entry_start {
            b |= 0x80;
        }
        out.push(b);
        first = false;
        if shift == 0 {
            break;
        }
        shift -= 6;
    }
}

impl CpythonView {
    /// The Krait instruction whose opcode is at byte offset `lasti` (the
    /// last one at or before it).
    pub fn instruction_at(&self, lasti: u32) -> usize {
        self.offsets
            .partition_point(|&o| o <= lasti)
            .saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view_of(source: &str) -> CpythonView {
        let module = krait_syntax::parse_module(source).expect("parses");
        let code = crate::compile(&module, "<test>").expect("compiles");
        build(&code)
    }

    fn ops(v: &CpythonView) -> Vec<(u8, u8)> {
        v.bytes
            .chunks(2)
            .map(|c| (c[0], c[1]))
            .filter(|&(o, _)| o != op::CACHE)
            .collect()
    }

    #[test]
    fn calls_take_precall_and_caches() {
        let v = view_of("print(x + 1)\n");
        assert_eq!(
            ops(&v),
            vec![
                (op::RESUME, 0),
                (2, 0),   // PUSH_NULL
                (101, 0), // LOAD_NAME print
                (101, 1), // LOAD_NAME x
                (100, 0), // LOAD_CONST 1
                (122, 0), // BINARY_OP +
                (op::PRECALL, 1),
                (op::CALL, 1),
                (op::POP_TOP, 0),
                (100, 1),
                (83, 0),
            ]
        );
        // RESUME, PUSH_NULL, two LOAD_NAMEs, LOAD_CONST, BINARY_OP and its
        // cache: the PRECALL is at unit 7, the CALL after its cache.
        assert_eq!(v.offsets[5], 2 * 9);
        assert_eq!(v.instruction_at(2 * 9), 5);
    }

    #[test]
    fn jumps_are_relative_code_units() {
        let v = view_of("while x:\n    pass\n");
        let backward: Vec<_> = ops(&v)
            .into_iter()
            .filter(|&(o, _)| o == op::JUMP_BACKWARD || o == op::POP_JUMP_BACKWARD_IF_TRUE)
            .collect();
        assert!(!backward.is_empty());
    }

    #[test]
    fn varints_mark_entry_starts() {
        let mut out = Vec::new();
        push_varint(&mut out, 5, true);
        push_varint(&mut out, 100, false);
        assert_eq!(out, vec![0x85, 0x41, 0x24]);
    }
}
