//! Code objects: what the compiler makes and the virtual machine runs.
//!
//! An instruction is a Rust enum of at most eight bytes: a one-byte opcode
//! and, for most, a 32-bit argument (so no `EXTENDED_ARG` is ever needed).
//! Jump arguments are instruction indices. Each instruction has a source
//! range in `positions`, and the exception table maps ranges of
//! instructions to their handlers: entering a `try` costs nothing at run
//! time.

use dashu_int::IBig;
use krait_syntax::ast::Loc;
use krait_values::text::PyString;
use std::rc::Rc;

/// Binary operators, in-place forms included, numbered as CPython's
/// `BINARY_OP` argument numbers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    Add,
    And,
    FloorDivide,
    Lshift,
    MatrixMultiply,
    Multiply,
    Remainder,
    Or,
    Power,
    Rshift,
    Subtract,
    TrueDivide,
    Xor,
    InplaceAdd,
    InplaceAnd,
    InplaceFloorDivide,
    InplaceLshift,
    InplaceMatrixMultiply,
    InplaceMultiply,
    InplaceRemainder,
    InplaceOr,
    InplacePower,
    InplaceRshift,
    InplaceSubtract,
    InplaceTrueDivide,
    InplaceXor,
}

impl BinOp {
    /// The operator's symbol, as error messages show it (`+=` for in-place).
    pub fn symbol(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+",
            And => "&",
            FloorDivide => "//",
            Lshift => "<<",
            MatrixMultiply => "@",
            Multiply => "*",
            Remainder => "%",
            Or => "|",
            Power => "**",
            Rshift => ">>",
            Subtract => "-",
            TrueDivide => "/",
            Xor => "^",
            InplaceAdd => "+=",
            InplaceAnd => "&=",
            InplaceFloorDivide => "//=",
            InplaceLshift => "<<=",
            InplaceMatrixMultiply => "@=",
            InplaceMultiply => "*=",
            InplaceRemainder => "%=",
            InplaceOr => "|=",
            InplacePower => "**=",
            InplaceRshift => ">>=",
            InplaceSubtract => "-=",
            InplaceTrueDivide => "/=",
            InplaceXor => "^=",
        }
    }

    pub fn is_inplace(self) -> bool {
        self as u8 >= BinOp::InplaceAdd as u8
    }

    /// The plain operator of an in-place one (`+` for `+=`).
    pub fn base(self) -> BinOp {
        if self.is_inplace() {
            BinOp::ALL[(self as u8 - BinOp::InplaceAdd as u8) as usize]
        } else {
            self
        }
    }

    pub fn inplace(self) -> BinOp {
        if self.is_inplace() {
            self
        } else {
            BinOp::ALL[(self as u8 + BinOp::InplaceAdd as u8) as usize]
        }
    }

    pub const ALL: [BinOp; 26] = {
        use BinOp::*;
        [
            Add,
            And,
            FloorDivide,
            Lshift,
            MatrixMultiply,
            Multiply,
            Remainder,
            Or,
            Power,
            Rshift,
            Subtract,
            TrueDivide,
            Xor,
            InplaceAdd,
            InplaceAnd,
            InplaceFloorDivide,
            InplaceLshift,
            InplaceMatrixMultiply,
            InplaceMultiply,
            InplaceRemainder,
            InplaceOr,
            InplacePower,
            InplaceRshift,
            InplaceSubtract,
            InplaceTrueDivide,
            InplaceXor,
        ]
    };
}

/// Rich comparisons, in CPython's `Py_LT`... order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CompareOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CompareOp {
    /// Whether `a op b` holds for values with a native ordering.
    #[inline]
    pub fn holds<T: PartialOrd + ?Sized>(self, a: &T, b: &T) -> bool {
        match self {
            CompareOp::Lt => a < b,
            CompareOp::Le => a <= b,
            CompareOp::Eq => a == b,
            CompareOp::Ne => a != b,
            CompareOp::Gt => a > b,
            CompareOp::Ge => a >= b,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }

    /// The comparison with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    pub fn dunder(self) -> &'static str {
        match self {
            CompareOp::Lt => "__lt__",
            CompareOp::Le => "__le__",
            CompareOp::Eq => "__eq__",
            CompareOp::Ne => "__ne__",
            CompareOp::Gt => "__gt__",
            CompareOp::Ge => "__ge__",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum UnaryOp {
    Negative,
    Positive,
    Invert,
    Not,
}

/// `MAKE_FUNCTION` flags: which optional parts are on the stack.
pub mod make_function {
    pub const DEFAULTS: u32 = 1;
    pub const KW_DEFAULTS: u32 = 2;
    pub const ANNOTATIONS: u32 = 4;
    pub const CLOSURE: u32 = 8;
}

/// `FORMAT_VALUE` flags.
pub mod format_value {
    pub const CONVERSION_MASK: u32 = 3;
    pub const STR: u32 = 1;
    pub const REPR: u32 = 2;
    pub const ASCII: u32 = 3;
    pub const HAS_SPEC: u32 = 4;
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    Nop,
    PopTop,
    /// Push a copy of the n-th item from the top (1 is the top).
    Copy(u32),
    /// Swap the top with the n-th item from the top.
    Swap(u32),
    /// Push the internal "no value" marker (a call with no `self`).
    PushNull,
    LoadConst(u32),
    /// Locals, cells and free variables by slot.
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// A class body reading a free variable: its namespace, then the cell.
    LoadClassDeref(u32),
    /// Push the cell object itself (to build a closure).
    LoadClosure(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Push `method, self` or `NULL, attribute`.
    LoadMethod(u32),
    BinaryOp(BinOp),
    Unary(UnaryOp),
    Compare(CompareOp),
    /// `is` (0) or `is not` (1).
    IsOp(u32),
    /// `in` (0) or `not in` (1).
    ContainsOp(u32),
    BinarySubscr,
    StoreSubscr,
    DeleteSubscr,
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    BuildMap(u32),
    /// n values and a tuple of n constant keys.
    BuildConstKeyMap(u32),
    BuildString(u32),
    BuildSlice(u32),
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    /// `**mapping` in a call: duplicate keys are an error.
    DictMerge(u32),
    ListToTuple,
    FormatValue(u32),
    UnpackSequence(u32),
    /// Counts before (low byte) and after (the rest) the starred target.
    UnpackEx(u32),
    GetIter,
    /// Push the iterator's next item, or pop it and jump when exhausted.
    ForIter(u32),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    PopJumpIfNone(u32),
    PopJumpIfNotNone(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    /// `callable_or_null, self_or_callable, args...`: CPython 3.11's protocol.
    Call(u32),
    /// As `Call`, with a tuple of keyword names on top: the last
    /// `len(names)` arguments are keywords.
    CallKw(u32),
    /// `callable_or_null, callable, args_tuple[, kwargs_dict]`; bit 0: kwargs.
    CallFunctionEx(u32),
    MakeFunction(u32),
    LoadBuildClass,
    ReturnValue,
    /// Argument 1: the yield inside `yield from`/`await`, whose delegate is
    /// just below the yielded value (so `throw` and `close` reach it).
    YieldValue(u32),
    /// Delegate to the sub-iterator on the stack; jump when it finishes.
    Send(u32),
    GetYieldFromIter,
    /// Argument: 0 plain, 1 after `__aenter__`, 2 after `__aexit__`.
    GetAwaitable(u32),
    GetAIter,
    GetANext,
    EndAsyncFor,
    /// Wrap a value yielded by an async generator.
    AsyncGenWrap,
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    RaiseVarargs(u32),
    /// Re-raise the exception on top without adding a traceback entry.
    Reraise,
    /// `exc` to `previous_exc, exc`, making `exc` the one being handled.
    PushExcInfo,
    /// Pop the previously handled exception and restore it.
    PopExcept,
    CheckExcMatch,
    CheckEgMatch,
    PrepReraiseStar,
    BeforeWith,
    BeforeAsyncWith,
    WithExceptStart,
    LoadAssertionError,
    SetupAnnotations,
    MatchClass(u32),
    MatchMapping,
    MatchSequence,
    MatchKeys,
    GetLen,
    CopyDictWithoutKeys,
    PrintExpr,
    // Fused forms: never emitted by the compiler. The VM rewrites common
    // pairs into them when it loads code, leaving the second instruction in
    // place (for jumps to it); a fused form does the work of both and
    // steps over the second.
    /// `LOAD_FAST a; LOAD_FAST b`.
    LoadFastLoadFast(u16, u16),
    /// `LOAD_FAST a; LOAD_CONST b`.
    LoadFastLoadConst(u16, u16),
    /// `STORE_FAST a; LOAD_FAST b`.
    StoreFastLoadFast(u16, u16),
    /// `LOAD_FAST a; LOAD_ATTR` (the name in the next instruction).
    LoadFastLoadAttr(u32),
    /// `LOAD_CONST c; BINARY_OP op`.
    BinaryOpConst(BinOp, u32),
    /// `COMPARE op; POP_JUMP_IF_FALSE t`.
    CompareJumpIfFalse(CompareOp, u32),
    /// `COMPARE op; POP_JUMP_IF_TRUE t`.
    CompareJumpIfTrue(CompareOp, u32),
    /// `PUSH_NULL; LOAD_GLOBAL i`.
    PushNullLoadGlobal(u32),
    /// `LOAD_FAST a; BINARY_OP op`.
    LoadFastBinaryOp(u16, BinOp),
    /// `LOAD_FAST a; LOAD_CONST c; BINARY_OP op`.
    LoadFastConstBinaryOp(u16, u16, BinOp),
    /// `LOAD_FAST a; LOAD_FAST b; BINARY_OP op`.
    LoadFastLoadFastBinaryOp(u16, u16, BinOp),
    /// `BINARY_OP op; STORE_FAST a`.
    BinaryOpStoreFast(BinOp, u32),
    /// `BUILD_SLICE n; BINARY_SUBSCR`.
    SliceSubscr(u32),
    /// `BUILD_SLICE n; STORE_SUBSCR`.
    SliceStore(u32),
}

impl Instr {
    /// The fused form of the pair `self; next`, if there is one.
    pub fn fuse(self, next: Instr) -> Option<Instr> {
        use Instr::*;
        let small = |a: u32, b: u32| -> Option<(u16, u16)> {
            Some((u16::try_from(a).ok()?, u16::try_from(b).ok()?))
        };
        Some(match (self, next) {
            (LoadFast(a), LoadFast(b)) => {
                let (a, b) = small(a, b)?;
                LoadFastLoadFast(a, b)
            }
            (LoadFast(a), LoadConst(b)) => {
                let (a, b) = small(a, b)?;
                LoadFastLoadConst(a, b)
            }
            (StoreFast(a), LoadFast(b)) => {
                let (a, b) = small(a, b)?;
                StoreFastLoadFast(a, b)
            }
            (LoadFast(a), LoadAttr(_)) => LoadFastLoadAttr(a),
            (LoadFast(a), BinaryOp(op)) => LoadFastBinaryOp(u16::try_from(a).ok()?, op),
            (PushNull, LoadGlobal(i)) => PushNullLoadGlobal(i),
            (LoadConst(c), BinaryOp(op)) => BinaryOpConst(op, c),
            (Compare(op), PopJumpIfFalse(t)) => CompareJumpIfFalse(op, t),
            (Compare(op), PopJumpIfTrue(t)) => CompareJumpIfTrue(op, t),
            (BinaryOp(op), StoreFast(a)) => BinaryOpStoreFast(op, a),
            (BuildSlice(n), BinarySubscr) => SliceSubscr(n),
            (BuildSlice(n), StoreSubscr) => SliceStore(n),
            _ => return None,
        })
    }

    /// The fused form of the three instructions `self; second; third`, if
    /// there is one.
    pub fn fuse3(self, second: Instr, third: Instr) -> Option<Instr> {
        use Instr::*;
        let (LoadFast(a), BinaryOp(op)) = (self, third) else {
            return None;
        };
        let a = u16::try_from(a).ok()?;
        Some(match second {
            LoadConst(c) => LoadFastConstBinaryOp(a, u16::try_from(c).ok()?, op),
            LoadFast(b) => LoadFastLoadFastBinaryOp(a, u16::try_from(b).ok()?, op),
            _ => return None,
        })
    }
}

impl Instr {
    /// The instruction's jump target, if it has one.
    pub fn jump_target(&self) -> Option<u32> {
        use Instr::*;
        match *self {
            ForIter(t) | Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | PopJumpIfNone(t)
            | PopJumpIfNotNone(t) | JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) | Send(t) => Some(t),
            _ => None,
        }
    }

    pub fn set_jump_target(&mut self, target: u32) {
        use Instr::*;
        match self {
            ForIter(t) | Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | PopJumpIfNone(t)
            | PopJumpIfNotNone(t) | JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) | Send(t) => {
                *t = target
            }
            _ => {}
        }
    }

    /// Control never falls through to the next instruction.
    pub fn is_terminator(&self) -> bool {
        matches!(
            self,
            Instr::Jump(_) | Instr::ReturnValue | Instr::RaiseVarargs(_) | Instr::Reraise
        )
    }
}

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Ellipsis,
    Int(i64),
    BigInt(IBig),
    Float(f64),
    Complex(f64, f64),
    Str(PyString),
    Bytes(Vec<u8>),
    Tuple(Vec<Const>),
    FrozenSet(Vec<Const>),
    Code(Rc<Code>),
}

impl Const {
    /// Constants equal as the constant table merges them: same type and
    /// value (`1` and `1.0` and `True` stay apart; `0.0` and `-0.0` too).
    pub fn same(&self, other: &Const) -> bool {
        match (self, other) {
            (Const::Float(a), Const::Float(b)) => a.to_bits() == b.to_bits(),
            (Const::Complex(a, b), Const::Complex(c, d)) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Const::Tuple(a), Const::Tuple(b)) | (Const::FrozenSet(a), Const::FrozenSet(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same(y))
            }
            (Const::Code(a), Const::Code(b)) => Rc::ptr_eq(a, b),
            _ => self == other,
        }
    }
}

pub mod flags {
    pub const OPTIMIZED: u32 = 1;
    pub const NEWLOCALS: u32 = 2;
    pub const VARARGS: u32 = 4;
    pub const VARKEYWORDS: u32 = 8;
    pub const NESTED: u32 = 16;
    pub const GENERATOR: u32 = 32;
    pub const NOFREE: u32 = 64;
    pub const COROUTINE: u32 = 128;
    pub const ITERABLE_COROUTINE: u32 = 256;
    pub const ASYNC_GENERATOR: u32 = 512;
}

/// A range of instructions `[start, end)` whose exceptions go to `target`
/// with the value stack cut to `depth` first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}

#[derive(Debug, PartialEq)]
pub struct Code {
    pub name: String,
    pub qualname: String,
    pub filename: Rc<str>,
    pub first_lineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub instrs: Vec<Instr>,
    /// Source range of each instruction; line 0 for none.
    pub positions: Vec<Loc>,
    pub consts: Vec<Const>,
    pub names: Vec<String>,
    /// Local variables, parameters first.
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// For each cell, the parameter slot whose value it starts with.
    pub cell2arg: Vec<Option<u32>>,
    pub exception_table: Vec<ExceptionEntry>,
    pub max_stack: u32,
}

impl Code {
    /// Slots in a frame: locals, then cells, then free variables.
    pub fn nlocalsplus(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }

    /// The name of local slot `i` (a local, cell or free variable).
    pub fn slot_name(&self, i: usize) -> &str {
        let nl = self.varnames.len();
        let nc = self.cellvars.len();
        if i < nl {
            &self.varnames[i]
        } else if i < nl + nc {
            &self.cellvars[i - nl]
        } else {
            &self.freevars[i - nl - nc]
        }
    }

    pub fn handler_for(&self, index: u32) -> Option<&ExceptionEntry> {
        self.exception_table
            .iter()
            .find(|e| e.start <= index && index < e.end)
    }

    pub fn is_generator_like(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::{BinOp, CompareOp, Instr};

    /// Instructions stay one machine word, fused forms included.
    #[test]
    fn instructions_are_eight_bytes() {
        assert_eq!(std::mem::size_of::<Instr>(), 8);
    }

    #[test]
    fn pairs_fuse_and_others_do_not() {
        assert_eq!(
            Instr::LoadFast(1).fuse(Instr::LoadConst(2)),
            Some(Instr::LoadFastLoadConst(1, 2))
        );
        assert_eq!(
            Instr::Compare(CompareOp::Lt).fuse(Instr::PopJumpIfFalse(9)),
            Some(Instr::CompareJumpIfFalse(CompareOp::Lt, 9))
        );
        // Slots beyond 16 bits stay unfused.
        assert_eq!(Instr::LoadFast(70000).fuse(Instr::LoadFast(1)), None);
        assert_eq!(Instr::LoadConst(1).fuse(Instr::LoadFast(1)), None);
    }

    /// The VM indexes per-operator tables by `op as usize` through `ALL`.
    #[test]
    fn binop_all_is_in_discriminant_order() {
        for (i, op) in BinOp::ALL.iter().enumerate() {
            assert_eq!(*op as usize, i, "{op:?}");
        }
        assert_eq!(CompareOp::Lt as usize, 0);
        assert_eq!(CompareOp::Ge as usize, 5);
    }
}
