//! Signals caught for Python handlers. The C-level handler only notes
//! that a signal arrived (and writes its number to the wake-up fd, for
//! event loops); the VM runs the Python handler later, between
//! instructions: at a loop's backward jump, or when a blocking call is
//! interrupted and asks ([`Vm::check_signals`]).

use crate::value::Value;
use crate::vm::{PyResult, Vm};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

/// One more than the highest signal number (`signal.NSIG`).
pub const NSIG: usize = 65;

static PENDING: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
static ANY_PENDING: AtomicBool = AtomicBool::new(false);
/// The eval loop's one check at loop back edges: set when a signal
/// arrived or when the running thread's time slice is over.
static BREAK: AtomicBool = AtomicBool::new(false);
/// `signal.set_wakeup_fd`'s descriptor, or -1.
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

/// Whether the eval loop should stop at the next back edge (a signal
/// waits for its handler, or another thread waits for its turn).
#[inline]
pub fn break_requested() -> bool {
    BREAK.load(Ordering::Relaxed)
}

/// Clears the break request; the caller then looks at what asked.
pub(crate) fn take_break() -> bool {
    BREAK.swap(false, Ordering::SeqCst)
}

pub(crate) fn request_break() {
    BREAK.store(true, Ordering::SeqCst);
}

/// Whether a caught signal waits for its Python handler.
pub fn any_pending() -> bool {
    ANY_PENDING.load(Ordering::SeqCst)
}

/// The handler installed with `sigaction`: async-signal-safe, it only
/// sets flags and writes one byte.
extern "C" fn note_signal(sig: libc::c_int) {
    if let Some(flag) = PENDING.get(sig as usize) {
        flag.store(true, Ordering::SeqCst);
        ANY_PENDING.store(true, Ordering::SeqCst);
        BREAK.store(true, Ordering::SeqCst);
    }
    let fd = WAKEUP_FD.load(Ordering::SeqCst);
    if fd >= 0 {
        let byte = sig as u8;
        // SAFETY: write(2) is async-signal-safe; the buffer is one byte on
        // this stack frame. A full pipe just loses the byte, as in CPython.
        unsafe {
            libc::write(fd, &byte as *const u8 as *const libc::c_void, 1);
        }
    }
}

/// Routes `sig` to Python (`catch`), or sets its disposition to the
/// default or to ignoring it.
pub fn set_disposition(sig: i32, disposition: Disposition) -> std::io::Result<()> {
    let handler = match disposition {
        Disposition::Default => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
        Disposition::Catch => note_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
    };
    // SAFETY: a zeroed sigaction is a valid value to fill in; the handler
    // is SIG_DFL, SIG_IGN or `note_signal`, which is async-signal-safe.
    // No SA_RESTART, as in CPython: a signal interrupts a blocking call
    // (EINTR), whose wrapper runs the Python handlers and then retries
    // (PEP 475), so a handler runs while a read still waits.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = handler;
        action.sa_flags = libc::SA_ONSTACK;
        libc::sigemptyset(&mut action.sa_mask);
        if libc::sigaction(sig, &action, std::ptr::null_mut()) != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// `signal.siginterrupt`: whether `sig` interrupts system calls (they
/// fail with EINTR) rather than letting them restart.
pub fn set_interrupts_calls(sig: i32, interrupts: bool) -> std::io::Result<()> {
    // SAFETY: the current action is read into a zeroed struct and written
    // back with only its restart flag changed.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut action) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        if interrupts {
            action.sa_flags &= !libc::SA_RESTART;
        } else {
            action.sa_flags |= libc::SA_RESTART;
        }
        if libc::sigaction(sig, &action, std::ptr::null_mut()) != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// What happens when a signal arrives.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    Default,
    Ignore,
    Catch,
}

/// The disposition a signal had when the process started (or last set
/// outside Python): SIG_DFL, SIG_IGN, or `None` for another handler.
pub fn current_disposition(sig: i32) -> Option<Disposition> {
    // SAFETY: sigaction with a null new action only reads the current one
    // into the zeroed struct.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut old) != 0 {
            return None;
        }
        match old.sa_sigaction {
            libc::SIG_DFL => Some(Disposition::Default),
            libc::SIG_IGN => Some(Disposition::Ignore),
            _ => None,
        }
    }
}

/// Blocks every signal in the calling thread, so that signals sent to the
/// process reach the thread running Python (and interrupt its sleeps and
/// waits). For a program whose interpreter runs on a thread of its own,
/// called on the thread that started it.
pub fn leave_signals_to_other_threads() {
    // SAFETY: a filled set, given to pthread_sigmask for this thread only.
    unsafe {
        let mut all: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut all);
        libc::pthread_sigmask(libc::SIG_BLOCK, &all, std::ptr::null_mut());
    }
}

/// Marks `sig` as arrived, as if the system had delivered it
/// (`_thread.interrupt_main`): its Python handler runs at the main
/// thread's next check.
pub fn simulate(sig: i32) {
    if let Some(flag) = PENDING.get(sig as usize) {
        flag.store(true, Ordering::SeqCst);
        ANY_PENDING.store(true, Ordering::SeqCst);
        BREAK.store(true, Ordering::SeqCst);
    }
}

/// Sets the wake-up descriptor; returns the previous one.
pub fn set_wakeup_fd(fd: i32) -> i32 {
    WAKEUP_FD.swap(fd, Ordering::SeqCst)
}

impl Vm {
    /// Runs the Python handlers of the signals that arrived since the last
    /// check, in signal-number order. A handler's exception propagates
    /// from where the program is.
    /// Handlers run in the main thread only, as in CPython: elsewhere this
    /// leaves the signals pending for it.
    pub fn check_signals(&mut self) -> PyResult<()> {
        if !self.threads.in_main() || !ANY_PENDING.swap(false, Ordering::SeqCst) {
            return Ok(());
        }
        for (sig, flag) in PENDING.iter().enumerate() {
            if !flag.swap(false, Ordering::SeqCst) {
                continue;
            }
            let handler = self
                .signal_handlers
                .get(sig)
                .cloned()
                .unwrap_or(Value::None);
            if handler.is_none() || matches!(handler, Value::Int(_)) {
                continue;
            }
            let frame = self.frame_object(0).unwrap_or(Value::None);
            if let Err(e) = self.call(&handler, vec![Value::Int(sig as i64), frame]) {
                // The other signals stay pending for the next check.
                ANY_PENDING.store(true, Ordering::SeqCst);
                BREAK.store(true, Ordering::SeqCst);
                return Err(e);
            }
        }
        Ok(())
    }

    /// The Python-level handler of `sig` (`SIG_DFL` 0, `SIG_IGN` 1, a
    /// callable, or `None` when it was set outside Python).
    pub fn signal_handler(&self, sig: usize) -> Value {
        self.signal_handlers
            .get(sig)
            .cloned()
            .unwrap_or(Value::None)
    }

    pub fn set_signal_handler(&mut self, sig: usize, handler: Value) {
        if self.signal_handlers.len() < NSIG {
            self.signal_handlers.resize(NSIG, Value::None);
        }
        if let Some(slot) = self.signal_handlers.get_mut(sig) {
            *slot = handler;
        }
    }
}
