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

pub use crate::instructions::{Instr, Operand, StackEffect};

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

    /// `<`, `<=`, `>` or `>=` (not `==` or `!=`).
    pub fn is_ordering(self) -> bool {
        !matches!(self, CompareOp::Eq | CompareOp::Ne)
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
