//! The switch interval: while more than one Python thread is alive, a
//! helper OS thread (which never touches the VM, only two atomics) asks
//! the running Python thread every interval to give the others a turn,
//! as CPython's GIL holder is asked to drop it. The request is seen at the
//! next loop back edge, through the eval loop's one break check.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Once;
use std::time::Duration;

/// Python threads alive, the main one included.
static ALIVE: AtomicUsize = AtomicUsize::new(1);
/// Set when the running thread's time slice is over.
static SWITCH_DUE: AtomicBool = AtomicBool::new(false);
/// `sys.setswitchinterval`, in microseconds (CPython's default 5 ms).
static INTERVAL_US: AtomicU64 = AtomicU64::new(5000);
static STARTED: Once = Once::new();

pub(crate) fn thread_started() {
    ALIVE.fetch_add(1, Ordering::SeqCst);
    STARTED.call_once(|| {
        let _ = std::thread::Builder::new()
            .name("krait-switch".into())
            .stack_size(64 * 1024)
            .spawn(tick);
    });
}

pub(crate) fn thread_finished() {
    ALIVE.fetch_sub(1, Ordering::SeqCst);
}

/// Whether the running thread has had its time slice (and clears the
/// request).
pub(crate) fn take_switch_due() -> bool {
    SWITCH_DUE.swap(false, Ordering::SeqCst)
}

pub fn switch_interval() -> f64 {
    INTERVAL_US.load(Ordering::Relaxed) as f64 / 1e6
}

pub fn set_switch_interval(seconds: f64) {
    let us = (seconds * 1e6).clamp(1.0, 1e12) as u64;
    INTERVAL_US.store(us, Ordering::Relaxed);
}

fn tick() {
    crate::signals::leave_signals_to_other_threads();
    loop {
        let us = INTERVAL_US.load(Ordering::Relaxed);
        std::thread::sleep(Duration::from_micros(us));
        if ALIVE.load(Ordering::SeqCst) > 1 {
            SWITCH_DUE.store(true, Ordering::SeqCst);
            crate::signals::request_break();
        }
    }
}
