//! The instructions the interpreter loop runs out of line: everything
//! but the handful of hot ones in `eval`. Each works on the value stack
//! of the top frame; one that jumps sets the frame's `pc`.

use crate::objects::code::CodeObject;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use krait_compiler::code::Instr;

/// What one step of a `for` loop did.
pub(crate) enum ForStep {
    /// Pushed the next item.
    Item,
    /// Pushed the next item's two parts, unpacked.
    Unpacked,
    /// The iterator is exhausted and popped.
    Done,
}

impl Vm {
    /// The values from stack position `start` up, popped.
    pub(crate) fn drain_from(&mut self, start: usize) -> Vec<Value> {
        self.stack.drain(start..).collect()
    }

    /// The instructions not handled inline by the loop.
    #[inline(never)]
    pub(crate) fn op_other(&mut self, instr: Instr, code: &CodeObject, fi: usize) -> PyResult<()> {
        match instr {
            Instr::DeleteFast(i) => self.op_delete_fast(i, code, fi),
            Instr::LoadClassDeref(i) => self.op_load_class_deref(i, code, fi),
            Instr::DeleteDeref(i) => self.op_delete_deref(i, code, fi),
            Instr::LoadClosure(i) => self.op_load_closure(i, fi),
            Instr::StoreGlobal(i) => self.op_store_global(i, code, fi),
            Instr::DeleteGlobal(i) => self.op_delete_global(i, code, fi),
            Instr::LoadName(i) => self.op_load_name(i, code, fi),
            Instr::StoreName(i) => self.op_store_name(i, code, fi),
            Instr::DeleteName(i) => self.op_delete_name(i, code, fi),
            Instr::DeleteAttr(i) => self.op_delete_attr(i, code),
            Instr::Unary(op) => self.op_unary(op),
            Instr::ContainsOp(inv) => self.op_contains_op(inv),
            Instr::DeleteSubscr => self.op_delete_subscr(),
            Instr::BuildTuple(n) => self.op_build_tuple(n),
            Instr::BuildList(n) => self.op_build_list(n),
            Instr::BuildSet(n) => self.op_build_set(n),
            Instr::BuildMap(n) => self.op_build_map(n),
            Instr::BuildConstKeyMap(n) => self.op_build_const_key_map(n),
            Instr::BuildString(n) => self.op_build_string(n),
            Instr::BuildSlice(n) => self.op_build_slice(n),
            Instr::SetAdd(i) => self.op_set_add(i),
            Instr::MapAdd(i) => self.op_map_add(i),
            Instr::ListExtend(i) => self.op_list_extend(i),
            Instr::SetUpdate(i) => self.op_set_update(i),
            Instr::DictUpdate(i) | Instr::DictMerge(i) => self.op_dict_update(i, instr),
            Instr::ListToTuple => self.op_list_to_tuple(),
            Instr::FormatValue(flags) => self.op_format_value(flags),
            Instr::UnpackSequence(n) => self.op_unpack_sequence(n),
            Instr::UnpackEx(arg) => self.op_unpack_ex(arg),
            Instr::GetIter => self.op_get_iter(),
            Instr::JumpIfFalseOrPop(t) => self.op_jump_if_false_or_pop(t, fi),
            Instr::JumpIfTrueOrPop(t) => self.op_jump_if_true_or_pop(t, fi),
            Instr::CallFunctionEx(flags) => self.op_call_function_ex(flags),
            Instr::MakeFunction(flags) => self.op_make_function(flags, fi),
            Instr::LoadBuildClass => self.op_load_build_class(),
            Instr::Send(target) => self.op_send(target, fi),
            Instr::GetYieldFromIter => self.op_get_yield_from_iter(),
            Instr::GetAwaitable(n) => self.op_get_awaitable(n),
            Instr::GetAIter => self.op_get_aiter(),
            Instr::GetANext => self.op_get_anext(),
            Instr::BeforeAsyncWith => self.op_before_async_with(),
            Instr::AsyncGenWrap => self.op_async_gen_wrap(),
            Instr::ImportName(i) => self.op_import_name(i, code, fi),
            Instr::ImportFrom(i) => self.op_import_from(i, code),
            Instr::ImportStar => self.op_import_star(fi),
            Instr::PushExcInfo => self.op_push_exc_info(),
            Instr::PopExcept => self.op_pop_except(),
            Instr::CheckExcMatch => self.op_check_exc_match(),
            Instr::CheckEgMatch => self.op_check_eg_match(),
            Instr::PrepReraiseStar => self.op_prep_reraise_star(),
            Instr::BeforeWith => self.op_before_with(code, fi),
            Instr::WithExceptStart => self.op_with_except_start(),
            Instr::LoadAssertionError => self.op_load_assertion_error(),
            Instr::SetupAnnotations => self.op_setup_annotations(fi),
            Instr::MatchClass(_)
            | Instr::MatchMapping
            | Instr::MatchSequence
            | Instr::MatchKeys
            | Instr::GetLen
            | Instr::CopyDictWithoutKeys => self.match_instr(instr),
            Instr::PrintExpr => self.op_print_expr(),
            // The loop runs these itself.
            Instr::Nop
            | Instr::PopTop
            | Instr::Copy(_)
            | Instr::Swap(_)
            | Instr::PushNull
            | Instr::LoadConst(_)
            | Instr::LoadFast(_)
            | Instr::StoreFast(_)
            | Instr::LoadDeref(_)
            | Instr::StoreDeref(_)
            | Instr::LoadGlobal(_)
            | Instr::LoadAttr(_)
            | Instr::StoreAttr(_)
            | Instr::LoadMethod(_)
            | Instr::BinaryOp(_)
            | Instr::Compare(_)
            | Instr::IsOp(_)
            | Instr::BinarySubscr
            | Instr::StoreSubscr
            | Instr::ListAppend(_)
            | Instr::ForIter(_)
            | Instr::Jump(_)
            | Instr::PopJumpIfFalse(_)
            | Instr::PopJumpIfTrue(_)
            | Instr::PopJumpIfNone(_)
            | Instr::PopJumpIfNotNone(_)
            | Instr::Call(_)
            | Instr::CallKw(_)
            | Instr::ReturnValue
            | Instr::YieldValue(_)
            | Instr::RaiseVarargs(_)
            | Instr::Reraise
            | Instr::EndAsyncFor
            | Instr::LoadFastLoadFast(..)
            | Instr::LoadFastLoadConst(..)
            | Instr::StoreFastLoadFast(..)
            | Instr::LoadFastLoadAttr(_)
            | Instr::BinaryOpConst(..)
            | Instr::CompareJumpIfFalse(..)
            | Instr::CompareJumpIfTrue(..)
            | Instr::PushNullLoadGlobal(_)
            | Instr::LoadFastBinaryOp(..)
            | Instr::LoadFastConstBinaryOp(..)
            | Instr::LoadFastLoadFastBinaryOp(..)
            | Instr::BinaryOpStoreFast(..)
            | Instr::SliceSubscr(_)
            | Instr::SliceStore(_) => unreachable!("handled by the loop"),
        }
    }
}
