//! Python threads, interleaved on the one OS thread that runs the VM.
//!
//! Every started thread runs on a stack of its own (a stackful coroutine),
//! so a thread can give way anywhere: at a loop back edge when its time
//! slice is over, or inside a blocking call (a lock wait, `time.sleep`, a
//! socket or `select` wait), however deep in native code that call is.
//! Only one thread runs at a time, which keeps the VM's `Rc` objects and
//! `RefCell`s sound, and matches what CPython's GIL lets programs observe.
//!
//! The main thread is also the scheduler: whenever it gives way, it
//! resumes the other threads in turn until it is its own turn again; a
//! started thread that gives way returns to the main thread's scheduler.
//! When no thread can run, the scheduler sleeps in `poll(2)` until the
//! earliest deadline, a descriptor some thread waits for, or a signal.

mod state;
pub mod ticker;

use crate::value::Value;
use crate::vm::{PyResult, Vm};
use corosensei::stack::DefaultStack;
use corosensei::{Coroutine, CoroutineResult, Yielder};
use state::ThreadState;
use std::time::{Duration, Instant};

/// The address space reserved for a started thread's stack (pages are
/// only used as the thread's native recursion reaches them).
const THREAD_STACK: usize = 64 << 20;

/// Where started threads' native ids begin: above Linux's largest
/// possible thread id (`PID_MAX_LIMIT`).
const STARTED_NATIVE_IDS: i64 = 1 << 22;

/// A thread's body: resumed with the VM, it gives way with the VM.
type Body = Coroutine<*mut Vm, *mut Vm, ()>;

/// What a thread that gave way waits for before it can run again.
pub enum Wait {
    /// Nothing: it only let the others have a turn.
    Ready,
    Sleep(Instant),
    /// Until the condition holds (another thread released a lock, ...),
    /// or the deadline passes.
    Until(Box<dyn Fn() -> bool>, Option<Instant>),
    /// Until one of the descriptors is ready for its `poll(2)` events, or
    /// the deadline passes.
    Fds(Vec<(i32, i16)>, Option<Instant>),
}

impl Wait {
    fn deadline(&self) -> Option<Instant> {
        match self {
            Wait::Ready => None,
            Wait::Sleep(d) => Some(*d),
            Wait::Until(_, d) | Wait::Fds(_, d) => *d,
        }
    }

    fn satisfied(&self) -> bool {
        match self {
            Wait::Ready => true,
            Wait::Sleep(_) => false,
            Wait::Until(ready, _) => ready(),
            Wait::Fds(fds, _) => poll_fds(fds, 0),
        }
    }

    fn expired(&self, now: Instant) -> bool {
        self.deadline().is_some_and(|d| now >= d)
    }
}

struct Thread {
    ident: i64,
    /// `threading.get_native_id()`: the OS thread's id for the main
    /// thread; for a started thread, a number above any the kernel gives
    /// (they share the main thread's OS thread).
    native_id: i64,
    /// `None` for the main thread, and for a started thread while it runs.
    body: Option<Body>,
    /// Where the running body gives way (set by the body when it starts).
    yielder: *const Yielder<*mut Vm, *mut Vm>,
    /// The thread's VM state while another thread runs.
    saved: ThreadState,
    wait: Wait,
}

pub struct Threads {
    /// Every live thread; the main thread first.
    list: Vec<Thread>,
    /// The running thread's index in `list`.
    current: usize,
    next_ident: i64,
    /// The running thread's current `contextvars` context (`None` until
    /// `_contextvars` makes one).
    pub(crate) context: Value,
    /// The running thread's dict for native modules' per-thread values
    /// (CPython's `PyThreadState_GetDict`); `None` until first asked for.
    pub(crate) dict: Value,
    /// Set by the scheduler when every thread waits for something only
    /// another thread could do: the main thread's wait then fails.
    deadlocked: bool,
}

impl Default for Threads {
    fn default() -> Threads {
        let ident = main_ident();
        Threads {
            list: vec![Thread {
                ident,
                // SAFETY: gettid has no preconditions.
                native_id: unsafe { libc::gettid() } as i64,
                body: None,
                yielder: std::ptr::null(),
                saved: ThreadState::default(),
                wait: Wait::Ready,
            }],
            current: 0,
            next_ident: ident + 1,
            context: Value::None,
            dict: Value::None,
            deadlocked: false,
        }
    }
}

impl Drop for Threads {
    fn drop(&mut self) {
        // Threads still suspended at exit (daemon threads) are abandoned
        // where they stand, as CPython abandons them: unwinding their
        // stacks would run their code against a VM being torn down.
        for t in &mut self.list {
            if let Some(body) = t.body.take() {
                std::mem::forget(body);
            }
        }
    }
}

impl Threads {
    /// Whether the main thread is the one running.
    pub fn in_main(&self) -> bool {
        self.current == 0
    }

    /// Whether threads other than the running one are alive.
    pub fn others_alive(&self) -> bool {
        self.list.len() > 1
    }

    /// How many started threads are alive (`_thread._count`).
    pub fn started_alive(&self) -> usize {
        self.list.len() - 1
    }

    pub fn current_ident(&self) -> i64 {
        self.list[self.current].ident
    }

    pub fn current_native_id(&self) -> i64 {
        self.list[self.current].native_id
    }

    pub fn main_ident(&self) -> i64 {
        self.list[0].ident
    }
}

fn main_ident() -> i64 {
    // SAFETY: pthread_self has no preconditions and only reads the
    // calling thread's identity.
    unsafe { libc::pthread_self() as i64 }
}

/// Whether one of `fds` is ready, waiting at most `timeout_ms` (-1: no
/// end).
fn poll_fds(fds: &[(i32, i16)], timeout_ms: i32) -> bool {
    let mut polled: Vec<libc::pollfd> = fds
        .iter()
        .map(|&(fd, events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    // SAFETY: the array is `polled.len()` pollfd records owned here.
    let n = unsafe {
        libc::poll(
            polled.as_mut_ptr(),
            polled.len() as libc::nfds_t,
            timeout_ms,
        )
    };
    n > 0
}

impl Vm {
    pub fn thread_ident(&self) -> i64 {
        self.threads.current_ident()
    }

    pub fn threads(&self) -> &Threads {
        &self.threads
    }

    /// The running thread's current `contextvars` context (None until
    /// `_contextvars` makes one).
    pub fn thread_context(&self) -> &Value {
        &self.threads.context
    }

    pub fn set_thread_context(&mut self, ctx: Value) {
        self.threads.context = ctx;
    }

    /// The running thread's dict, where native modules keep values each
    /// thread has its own of (asyncio's running loop).
    pub fn thread_dict(&mut self) -> Value {
        if !matches!(self.threads.dict, Value::Obj(_)) {
            self.threads.dict = self.new_dict();
        }
        self.threads.dict.clone()
    }

    /// Starts a thread running `run`; it first runs when the running
    /// thread gives way. Returns the new thread's identity.
    pub fn start_thread(&mut self, run: Box<dyn FnOnce(&mut Vm)>) -> PyResult<i64> {
        let stack = DefaultStack::new(THREAD_STACK)
            .map_err(|e| self.runtime_error(format!("can't start new thread: {e}")))?;
        let body = Coroutine::with_stack(
            stack,
            move |yielder: &Yielder<*mut Vm, *mut Vm>, vm: *mut Vm| {
                // SAFETY: the scheduler resumes a body with the VM it runs on,
                // lent for as long as the body runs: the scheduler's own
                // frames do not touch the VM until the body gives way, and the
                // body gives way only through `give_way`, which passes the
                // pointer back out.
                let vm = unsafe { &mut *vm };
                let me = vm.threads.current;
                vm.threads.list[me].yielder = yielder;
                run(vm);
            },
        );
        let ident = self.threads.next_ident;
        self.threads.next_ident += 1;
        let native_id = STARTED_NATIVE_IDS + (ident - self.threads.main_ident());
        self.threads.list.push(Thread {
            ident,
            native_id,
            body: Some(body),
            yielder: std::ptr::null(),
            saved: ThreadState::fresh(),
            wait: Wait::Ready,
        });
        ticker::thread_started();
        Ok(ident)
    }

    /// Lets the other threads run until `wait` is satisfied or its
    /// deadline passes: true if satisfied. In the main thread, signal
    /// handlers run while it waits (their exception ends the wait).
    pub fn wait_for(&mut self, wait: Wait) -> PyResult<bool> {
        let mut wait = wait;
        loop {
            if wait.satisfied() {
                return Ok(true);
            }
            if wait.expired(Instant::now()) {
                return Ok(false);
            }
            let me = self.threads.current;
            self.threads.list[me].wait = wait;
            self.give_way();
            let me = self.threads.current;
            wait = std::mem::replace(&mut self.threads.list[me].wait, Wait::Ready);
            if me == 0 {
                if std::mem::take(&mut self.threads.deadlocked) {
                    return Err(self.runtime_error(
                        "deadlock: every thread waits for a lock that no running thread can release",
                    ));
                }
                self.check_signals()?;
            }
        }
    }

    /// Gives the other threads a turn (if any can run) and returns when it
    /// is this thread's turn again.
    pub fn yield_thread(&mut self) -> PyResult<()> {
        let me = self.threads.current;
        self.threads.list[me].wait = Wait::Ready;
        self.give_way();
        if self.threads.in_main() {
            self.check_signals()?;
        }
        Ok(())
    }

    /// Sleeps `seconds`, letting the other threads run meanwhile.
    pub fn sleep_thread(&mut self, seconds: f64) -> PyResult<()> {
        let until = Instant::now() + Duration::from_secs_f64(seconds.max(0.0));
        self.wait_for(Wait::Sleep(until)).map(|_| ())
    }

    /// At a loop back edge when asked to break: signal handlers (in the
    /// main thread) and, when the time slice is over, the others' turn.
    pub(crate) fn on_break(&mut self) -> PyResult<()> {
        crate::signals::take_break();
        self.check_signals()?;
        let signal_for_main = !self.threads.in_main() && crate::signals::any_pending();
        if (ticker::take_switch_due() || signal_for_main) && self.threads.others_alive() {
            self.yield_thread()?;
        }
        Ok(())
    }

    /// Suspends the running thread until the scheduler picks it again.
    fn give_way(&mut self) {
        let me = self.threads.current;
        if me == 0 {
            let mut saved = std::mem::take(&mut self.threads.list[0].saved);
            saved.swap_with(self);
            self.schedule();
            saved.swap_with(self);
            self.threads.list[0].saved = ThreadState::default();
            self.threads.current = 0;
        } else {
            let yielder = self.threads.list[me].yielder;
            // SAFETY: `yielder` was set by this thread's body when it
            // started and lives on the body's stack, which is running now.
            // The VM pointer goes out with the switch, so the code around
            // this call sees the VM as possibly changed by it.
            unsafe {
                (*yielder).suspend(self as *mut Vm);
            }
        }
    }

    /// The main thread's scheduler: runs the other threads in turn until
    /// the main thread can go on.
    fn schedule(&mut self) {
        loop {
            let n = self.threads.list.len();
            let from = self.threads.current;
            let next = (1..=n).map(|k| (from + k) % n).find(|&i| self.can_run(i));
            match next {
                Some(0) => return,
                Some(i) => self.run_thread(i),
                None => self.idle(),
            }
        }
    }

    fn can_run(&self, i: usize) -> bool {
        let wait = &self.threads.list[i].wait;
        if i == 0 && (self.threads.deadlocked || crate::signals::any_pending()) {
            return true;
        }
        wait.satisfied() || wait.expired(Instant::now())
    }

    /// Runs started thread `i` until it gives way or ends.
    fn run_thread(&mut self, i: usize) {
        self.threads.current = i;
        let mut body = self.threads.list[i]
            .body
            .take()
            .expect("a suspended thread");
        let mut saved = std::mem::take(&mut self.threads.list[i].saved);
        saved.swap_with(self);
        let ended = matches!(body.resume(self as *mut Vm), CoroutineResult::Return(()));
        saved.swap_with(self);
        if ended {
            self.threads.list.remove(i);
            self.threads.current = i - 1;
            ticker::thread_finished();
        } else {
            let t = &mut self.threads.list[i];
            t.saved = saved;
            t.body = Some(body);
        }
    }

    /// No thread can run: sleeps until a deadline, a descriptor or a
    /// signal may change that.
    fn idle(&mut self) {
        let now = Instant::now();
        let mut deadline: Option<Instant> = None;
        let mut fds = Vec::new();
        for t in &self.threads.list {
            if let Some(d) = t.wait.deadline() {
                deadline = Some(deadline.map_or(d, |e| e.min(d)));
            }
            if let Wait::Fds(f, _) = &t.wait {
                fds.extend_from_slice(f);
            }
        }
        if deadline.is_none() && fds.is_empty() && !self.has_signal_handlers() {
            // Nothing can ever wake anyone: rather than hang, the main
            // thread's wait fails.
            self.threads.deadlocked = true;
            return;
        }
        let timeout = match deadline {
            None => -1,
            Some(d) => {
                let ms = d.saturating_duration_since(now).as_micros().div_ceil(1000);
                ms.min(i32::MAX as u128) as i32
            }
        };
        // A signal interrupts the wait (EINTR) and makes the main thread
        // runnable.
        poll_fds(&fds, timeout);
    }

    /// Whether some signal has a Python handler that could end a wait.
    fn has_signal_handlers(&self) -> bool {
        self.signal_handlers
            .iter()
            .any(|h| matches!(h, Value::Obj(_)))
    }

    /// Called once the main program ends: as CPython does, runs
    /// `threading._shutdown` (when `threading` was imported), which waits
    /// for the threads that are not daemons.
    pub(crate) fn join_threads_at_exit(&mut self) {
        let key = self.new_str("threading");
        let modules = self.modules.clone();
        let Ok(Some(threading)) = crate::objects::dict::get(self, &modules, &key) else {
            return;
        };
        let Ok(shutdown) = self.getattr_str(&threading, "_shutdown") else {
            return;
        };
        if let Err(e) = self.call(&shutdown, Vec::new()) {
            self.write_unraisable(&e, None, shutdown);
        }
    }
}
