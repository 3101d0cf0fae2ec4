//! Every instruction, defined once: its operands, what its argument
//! stands for, and its effect on the value stack. The `Instr` enum, the
//! stack effect the assembler follows, the jump and slot operands it
//! rewrites, and the argument `dis` prints are all made from the table
//! below, so adding an instruction is one line here and its handler in
//! the VM's `eval/`.
//!
//! A row reads `Variant(field: type, ...) => operand, effect[, ends];`
//! where
//! - `operand` says what the argument means (an [`Operand`] built from the
//!   fields; `Operand::None` for no argument);
//! - `effect` is the change in stack depth, an `i32` expression over the
//!   fields, or a pair `(falls_through, jumps)` for instructions whose
//!   jump leaves the stack differently;
//! - `ends` marks instructions after which control never falls through.

use crate::code::{BinOp, CompareOp, UnaryOp};

/// What an instruction's argument stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    /// No argument.
    None,
    /// An index into the constants.
    Const(u32),
    /// A local variable's slot.
    Local(u32),
    /// A cell or free variable: numbered from the first cell while the
    /// compiler emits it, a frame slot (after the locals) once assembled.
    Cell(u32),
    /// An index into the names.
    Name(u32),
    /// An instruction index to jump to.
    Jump(u32),
    /// A count or an operand that `dis` shows as a bare number.
    Count(u32),
    BinOp(BinOp),
    Compare(CompareOp),
    Unary(UnaryOp),
    /// `is` (0) or `is not` (1).
    Is(u32),
    /// `in` (0) or `not in` (1).
    Contains(u32),
    /// `FORMAT_VALUE`'s conversion and spec flags.
    FormatFlags(u32),
    /// `MAKE_FUNCTION`'s flags: which optional parts are on the stack.
    FunctionFlags(u32),
    /// A fused form's operands (only the VM makes these).
    Fused,
}

/// A stack effect: on the fall-through path, and when the instruction
/// jumps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StackEffect {
    pub falls_through: i32,
    pub jumps: i32,
}

impl From<i32> for StackEffect {
    fn from(n: i32) -> StackEffect {
        StackEffect {
            falls_through: n,
            jumps: n,
        }
    }
}

impl From<(i32, i32)> for StackEffect {
    fn from((falls_through, jumps): (i32, i32)) -> StackEffect {
        StackEffect {
            falls_through,
            jumps,
        }
    }
}

/// The `u32` a one-operand instruction carries, for the operand kinds
/// the assembler rewrites (jumps, cells); `None` otherwise.
macro_rules! mutable_operand {
    (Jump, $f:ident) => {
        Some($f)
    };
    (Cell, $f:ident) => {
        Some($f)
    };
    ($kind:ident $(, $f:ident)?) => {
        None
    };
}

macro_rules! ends_flag {
    () => {
        false
    };
    (ends) => {
        true
    };
}

macro_rules! instructions {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident $( ( $($field:ident : $ty:ty),* ) )?
            => $kind:ident $( ($operand:ident) )?, $effect:expr $(, $ends:ident)?;
    )*) => {
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub enum Instr {
            $( $(#[doc = $doc])* $name $( ( $($ty),* ) )?, )*
        }

        impl Instr {
            /// What the argument stands for.
            #[allow(unused_variables)]
            pub fn operand(&self) -> Operand {
                match *self {
                    $( Instr::$name $( ( $($field),* ) )? => Operand::$kind $( ($operand) )?, )*
                }
            }

            /// The operand the assembler rewrites in place: a jump target
            /// or a cell slot.
            #[allow(unused_variables)]
            fn mutable_operand(&mut self) -> Option<&mut u32> {
                match self {
                    $( Instr::$name $( ( $($field),* ) )? => mutable_operand!($kind $(, $operand)?), )*
                }
            }

            /// The change in stack depth.
            #[allow(unused_variables, clippy::unnecessary_cast)]
            pub fn stack_effect(&self) -> StackEffect {
                match *self {
                    $( Instr::$name $( ( $($field),* ) )? => StackEffect::from($effect), )*
                }
            }

            /// Control never falls through to the next instruction.
            pub fn is_terminator(&self) -> bool {
                match self {
                    $( Instr::$name { .. } => ends_flag!($($ends)?), )*
                }
            }

            /// The variant's name in Rust (`LoadConst`).
            pub fn variant_name(&self) -> &'static str {
                match self {
                    $( Instr::$name { .. } => stringify!($name), )*
                }
            }

            /// Appends the instruction's bytes: its variant's number, then
            /// its operands (for the code cache).
            pub fn encode(&self, out: &mut Vec<u8>) {
                #[allow(unused_imports)]
                use crate::code_cache::Field;
                match *self {
                    $( Instr::$name $( ( $($field),* ) )? => {
                        out.push(Tag::$name as u8);
                        $( $( $field.put(out); )* )?
                    } )*
                }
            }

            /// Reads an instruction `encode` wrote; `None` for bytes it
            /// cannot have written.
            pub fn decode(input: &mut &[u8]) -> Option<Instr> {
                #[allow(unused_imports)]
                use crate::code_cache::Field;
                let (&first, rest) = input.split_first()?;
                let tag = *TAGS.get(first as usize)?;
                *input = rest;
                Some(match tag {
                    $( Tag::$name => Instr::$name $( ( $( <$ty as Field>::take(input)? ),* ) )?, )*
                })
            }
        }

        /// Each variant's number in the encoding.
        #[derive(Clone, Copy)]
        #[repr(u8)]
        enum Tag {
            $( $name, )*
        }

        const TAGS: &[Tag] = &[ $( Tag::$name, )* ];
    };
}

instructions! {
    Nop => None, 0;
    PopTop => None, -1;
    /// Push a copy of the n-th item from the top (1 is the top).
    Copy(n: u32) => Count(n), 1;
    /// Swap the top with the n-th item from the top.
    Swap(n: u32) => Count(n), 0;
    /// Push the internal "no value" marker (a call with no `self`).
    PushNull => None, 1;
    LoadConst(i: u32) => Const(i), 1;
    /// Locals, cells and free variables by slot.
    LoadFast(i: u32) => Local(i), 1;
    StoreFast(i: u32) => Local(i), -1;
    DeleteFast(i: u32) => Local(i), 0;
    LoadDeref(i: u32) => Cell(i), 1;
    StoreDeref(i: u32) => Cell(i), -1;
    DeleteDeref(i: u32) => Cell(i), 0;
    /// A class body reading a free variable: its namespace, then the cell.
    LoadClassDeref(i: u32) => Cell(i), 1;
    /// Push the cell object itself (to build a closure).
    LoadClosure(i: u32) => Cell(i), 1;
    LoadGlobal(i: u32) => Name(i), 1;
    StoreGlobal(i: u32) => Name(i), -1;
    DeleteGlobal(i: u32) => Name(i), 0;
    LoadName(i: u32) => Name(i), 1;
    StoreName(i: u32) => Name(i), -1;
    DeleteName(i: u32) => Name(i), 0;
    LoadAttr(i: u32) => Name(i), 0;
    StoreAttr(i: u32) => Name(i), -2;
    DeleteAttr(i: u32) => Name(i), -1;
    /// Push `method, self` or `NULL, attribute`.
    LoadMethod(i: u32) => Name(i), 1;
    BinaryOp(op: BinOp) => BinOp(op), -1;
    Unary(op: UnaryOp) => Unary(op), 0;
    Compare(op: CompareOp) => Compare(op), -1;
    /// `is` (0) or `is not` (1).
    IsOp(inv: u32) => Is(inv), -1;
    /// `in` (0) or `not in` (1).
    ContainsOp(inv: u32) => Contains(inv), -1;
    BinarySubscr => None, -1;
    StoreSubscr => None, -3;
    DeleteSubscr => None, -2;
    BuildTuple(n: u32) => Count(n), 1 - n as i32;
    BuildList(n: u32) => Count(n), 1 - n as i32;
    BuildSet(n: u32) => Count(n), 1 - n as i32;
    BuildMap(n: u32) => Count(n), 1 - 2 * n as i32;
    /// n values and a tuple of n constant keys.
    BuildConstKeyMap(n: u32) => Count(n), -(n as i32);
    BuildString(n: u32) => Count(n), 1 - n as i32;
    BuildSlice(n: u32) => Count(n), 1 - n as i32;
    ListAppend(i: u32) => Count(i), -1;
    SetAdd(i: u32) => Count(i), -1;
    MapAdd(i: u32) => Count(i), -2;
    ListExtend(i: u32) => Count(i), -1;
    SetUpdate(i: u32) => Count(i), -1;
    DictUpdate(i: u32) => Count(i), -1;
    /// `**mapping` in a call: duplicate keys are an error.
    DictMerge(i: u32) => Count(i), -1;
    ListToTuple => None, 0;
    FormatValue(flags: u32) => FormatFlags(flags),
        if flags & crate::code::format_value::HAS_SPEC != 0 { -1 } else { 0 };
    UnpackSequence(n: u32) => Count(n), n as i32 - 1;
    /// Counts before (low byte) and after (the rest) the starred target.
    UnpackEx(n: u32) => Count(n), (n & 0xFF) as i32 + (n >> 8) as i32;
    GetIter => None, 0;
    /// Push the iterator's next item, or pop it and jump when exhausted.
    ForIter(target: u32) => Jump(target), (1, -1);
    Jump(target: u32) => Jump(target), 0, ends;
    PopJumpIfFalse(target: u32) => Jump(target), -1;
    PopJumpIfTrue(target: u32) => Jump(target), -1;
    PopJumpIfNone(target: u32) => Jump(target), -1;
    PopJumpIfNotNone(target: u32) => Jump(target), -1;
    JumpIfFalseOrPop(target: u32) => Jump(target), (-1, 0);
    JumpIfTrueOrPop(target: u32) => Jump(target), (-1, 0);
    /// `callable_or_null, self_or_callable, args...`: CPython 3.11's protocol.
    Call(n: u32) => Count(n), -(n as i32) - 1;
    /// As `Call`, with a tuple of keyword names on top: the last
    /// `len(names)` arguments are keywords.
    CallKw(n: u32) => Count(n), -(n as i32) - 2;
    /// `callable_or_null, callable, args_tuple[, kwargs_dict]`; bit 0: kwargs.
    CallFunctionEx(flags: u32) => Count(flags), -2 - (flags & 1) as i32;
    MakeFunction(flags: u32) => FunctionFlags(flags), -((flags & 0xF).count_ones() as i32);
    LoadBuildClass => None, 1;
    ReturnValue => None, -1, ends;
    /// Argument 1: the yield inside `yield from`/`await`, whose delegate is
    /// just below the yielded value (so `throw` and `close` reach it).
    YieldValue(n: u32) => Count(n), 0;
    /// Delegate to the sub-iterator on the stack; jump when it finishes.
    Send(target: u32) => Jump(target), (0, -1);
    GetYieldFromIter => None, 0;
    /// Argument: 0 plain, 1 after `__aenter__`, 2 after `__aexit__`.
    GetAwaitable(n: u32) => Count(n), 0;
    GetAIter => None, 0;
    GetANext => None, 1;
    EndAsyncFor => None, -2;
    /// Wrap a value yielded by an async generator.
    AsyncGenWrap => None, 0;
    ImportName(i: u32) => Name(i), -1;
    ImportFrom(i: u32) => Name(i), 1;
    ImportStar => None, -1;
    RaiseVarargs(n: u32) => Count(n), -(n as i32), ends;
    /// Re-raise the exception on top without adding a traceback entry.
    Reraise => None, -1, ends;
    /// `exc` to `previous_exc, exc`, making `exc` the one being handled.
    PushExcInfo => None, 1;
    /// Pop the previously handled exception and restore it.
    PopExcept => None, -1;
    CheckExcMatch => None, 0;
    CheckEgMatch => None, 0;
    PrepReraiseStar => None, -1;
    BeforeWith => None, 1;
    BeforeAsyncWith => None, 1;
    WithExceptStart => None, 1;
    LoadAssertionError => None, 1;
    SetupAnnotations => None, 0;
    MatchClass(n: u32) => Count(n), -2;
    MatchMapping => None, 1;
    MatchSequence => None, 1;
    MatchKeys => None, 1;
    GetLen => None, 1;
    CopyDictWithoutKeys => None, -1;
    PrintExpr => None, -1;

    // Fused forms: never emitted by the compiler. The VM rewrites common
    // pairs into them when it loads code, leaving the second instruction
    // in place (for jumps to it); a fused form does the work of both and
    // steps over the second. Their effect is the pair's.

    /// `LOAD_FAST a; LOAD_FAST b`.
    LoadFastLoadFast(a: u16, b: u16) => Fused, 2;
    /// `LOAD_FAST a; LOAD_CONST b`.
    LoadFastLoadConst(a: u16, b: u16) => Fused, 2;
    /// `STORE_FAST a; LOAD_FAST b`.
    StoreFastLoadFast(a: u16, b: u16) => Fused, 0;
    /// `LOAD_FAST a; LOAD_ATTR` (the name in the next instruction).
    LoadFastLoadAttr(a: u32) => Fused, 1;
    /// `LOAD_CONST c; BINARY_OP op`.
    BinaryOpConst(op: BinOp, c: u32) => Fused, 0;
    /// `COMPARE op; POP_JUMP_IF_FALSE t`.
    CompareJumpIfFalse(op: CompareOp, t: u32) => Fused, -2;
    /// `COMPARE op; POP_JUMP_IF_TRUE t`.
    CompareJumpIfTrue(op: CompareOp, t: u32) => Fused, -2;
    /// `PUSH_NULL; LOAD_GLOBAL i`.
    PushNullLoadGlobal(i: u32) => Fused, 2;
    /// `LOAD_FAST a; BINARY_OP op`.
    LoadFastBinaryOp(a: u16, op: BinOp) => Fused, 0;
    /// `LOAD_FAST a; LOAD_CONST c; BINARY_OP op`.
    LoadFastConstBinaryOp(a: u16, c: u16, op: BinOp) => Fused, 1;
    /// `LOAD_FAST a; LOAD_FAST b; BINARY_OP op`.
    LoadFastLoadFastBinaryOp(a: u16, b: u16, op: BinOp) => Fused, 1;
    /// `BINARY_OP op; STORE_FAST a`.
    BinaryOpStoreFast(op: BinOp, a: u32) => Fused, -2;
    /// `BUILD_SLICE n; BINARY_SUBSCR`.
    SliceSubscr(n: u32) => Fused, -(n as i32);
    /// `BUILD_SLICE n; STORE_SUBSCR`.
    SliceStore(n: u32) => Fused, -(n as i32) - 2;
}

impl Instr {
    /// The instruction's name as `dis` prints it: `LoadConst` is
    /// `LOAD_CONST`.
    pub fn opname(&self) -> String {
        let mut out = String::new();
        for (k, ch) in self.variant_name().chars().enumerate() {
            if ch.is_ascii_uppercase() && k > 0 {
                out.push('_');
            }
            out.push(ch.to_ascii_uppercase());
        }
        out
    }

    /// The instruction's jump target, if it has one.
    pub fn jump_target(&self) -> Option<u32> {
        match self.operand() {
            Operand::Jump(t) => Some(t),
            _ => None,
        }
    }

    pub fn set_jump_target(&mut self, target: u32) {
        if let Operand::Jump(_) = self.operand() {
            if let Some(t) = self.mutable_operand() {
                *t = target;
            }
        }
    }

    /// Moves a cell or free variable operand from its number among the
    /// cells to its frame slot, after the `nlocals` locals.
    pub fn place_cell_after_locals(&mut self, nlocals: u32) {
        if let Operand::Cell(_) = self.operand() {
            if let Some(slot) = self.mutable_operand() {
                *slot += nlocals;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cpython_style() {
        assert_eq!(Instr::LoadConst(0).opname(), "LOAD_CONST");
        assert_eq!(Instr::PopJumpIfNotNone(3).opname(), "POP_JUMP_IF_NOT_NONE");
    }

    #[test]
    fn operands_are_rewritten_by_kind() {
        let mut j = Instr::ForIter(1);
        j.set_jump_target(7);
        assert_eq!(j, Instr::ForIter(7));
        let mut c = Instr::LoadDeref(1);
        c.place_cell_after_locals(3);
        assert_eq!(c, Instr::LoadDeref(4));
        // A local keeps its slot; a non-jump keeps its argument.
        let mut l = Instr::LoadFast(1);
        l.place_cell_after_locals(3);
        l.set_jump_target(9);
        assert_eq!(l, Instr::LoadFast(1));
    }

    #[test]
    fn effects_depend_on_the_argument() {
        assert_eq!(Instr::BuildMap(2).stack_effect().falls_through, -3);
        let f = Instr::ForIter(0).stack_effect();
        assert_eq!((f.falls_through, f.jumps), (1, -1));
        assert!(Instr::ReturnValue.is_terminator());
        assert!(!Instr::PopJumpIfTrue(0).is_terminator());
    }
}
