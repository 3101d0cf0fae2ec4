//! What each Python thread has of its own inside the VM: its value stack,
//! frames, recursion depth, the exception being handled, the current
//! context of `contextvars` and the dict native modules keep per thread.
//! The running thread's state lives in the `Vm`'s fields (where the eval
//! loop reads it at full speed); the others' wait here and are swapped in
//! when their thread runs.

use crate::eval::frame::Frame;
use crate::value::Value;
use crate::vm::Vm;

#[derive(Default)]
pub(crate) struct ThreadState {
    stack: Vec<Value>,
    frames: Vec<Frame>,
    depth: usize,
    exc_info: Value,
    exc_outer: Vec<Value>,
    repr_active: Vec<usize>,
    context: Value,
    dict: Value,
}

impl ThreadState {
    /// The state a new thread starts with: nothing running, nothing being
    /// handled, no context yet.
    pub(crate) fn fresh() -> ThreadState {
        ThreadState {
            stack: Vec::with_capacity(256),
            frames: Vec::with_capacity(16),
            exc_info: Value::None,
            context: Value::None,
            dict: Value::None,
            ..Default::default()
        }
    }

    /// Exchanges this saved state with the VM's running one.
    pub(crate) fn swap_with(&mut self, vm: &mut Vm) {
        std::mem::swap(&mut self.stack, &mut vm.stack);
        std::mem::swap(&mut self.frames, &mut vm.frames);
        std::mem::swap(&mut self.depth, &mut vm.depth);
        std::mem::swap(&mut self.exc_info, &mut vm.exc_info);
        std::mem::swap(&mut self.exc_outer, &mut vm.exc_outer);
        std::mem::swap(&mut self.repr_active, &mut vm.repr_active);
        std::mem::swap(&mut self.context, &mut vm.threads.context);
        std::mem::swap(&mut self.dict, &mut vm.threads.dict);
    }
}
