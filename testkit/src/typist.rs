//! A simulated user at the keyboard: a thread of its own that makes input (a key with
//! `xdotool` on Xvfb, KDE's `simulate_user_activity` on `KWin`, a pointer nudge on GNOME) once
//! at once and then after each gap it is given, and remembers when it last did. For the tests
//! and the benchmarks of reminders that wait for a pause in typing, and for the benchmarks'
//! active user.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Bound for the first input to be made.
const FIRST: Duration = Duration::from_secs(20);

/// When one input was made: it began after `began` and had reached the server by `ended`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// Just before the input was made.
    pub began: Instant,
    /// Just after it was made (the call that made it returned).
    pub ended: Instant,
}

/// The typist's thread, typing until [`Typist::stop`] (or its gaps run out).
pub struct Typist {
    stop: mpsc::Sender<()>,
    thread: JoinHandle<()>,
    last: Arc<Mutex<Key>>,
}

impl Typist {
    /// Starts the thread, which makes its input with the function `make` returns (made on the
    /// thread, so that it may hold a connection of its own), once at once and then after each
    /// of `gaps`; returns once that first input is made.
    pub fn start<F, G>(gaps: G, make: impl FnOnce() -> F + Send + 'static) -> Typist
    where
        F: FnMut() + 'static,
        G: IntoIterator<Item = Duration>,
        G::IntoIter: Send + 'static,
    {
        let gaps = gaps.into_iter();
        let (stop, stopped) = mpsc::channel();
        let (ready_tx, ready_rx) = mpsc::channel();
        let now = Instant::now();
        let last = Arc::new(Mutex::new(Key {
            began: now,
            ended: now,
        }));
        let at = Arc::clone(&last);
        let thread = std::thread::spawn(move || {
            let mut input = make();
            let mut press = || {
                let began = Instant::now();
                input();
                let key = Key {
                    began,
                    ended: Instant::now(),
                };
                *at.lock().unwrap_or_else(PoisonError::into_inner) = key;
            };
            press();
            let _ = ready_tx.send(());
            for gap in gaps {
                match stopped.recv_timeout(gap) {
                    Err(RecvTimeoutError::Timeout) => press(),
                    Ok(()) | Err(RecvTimeoutError::Disconnected) => return,
                }
            }
        });
        if ready_rx.recv_timeout(FIRST).is_err() {
            match thread.join() {
                Err(panic) => std::panic::resume_unwind(panic),
                Ok(()) => panic!("the simulated typist made no input within {FIRST:?}"),
            }
        }
        Typist { stop, thread, last }
    }

    /// Input every `every`, until stopped.
    pub fn steady<F: FnMut() + 'static>(
        every: Duration,
        make: impl FnOnce() -> F + Send + 'static,
    ) -> Typist {
        Typist::start(std::iter::repeat(every), make)
    }

    /// The latest input so far.
    pub fn last_key(&self) -> Key {
        *self.last.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Stops the thread and returns its last input; panics if the thread failed meanwhile.
    pub fn stop(self) -> Key {
        let Typist { stop, thread, last } = self;
        let _ = stop.send(());
        thread
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        *last.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
