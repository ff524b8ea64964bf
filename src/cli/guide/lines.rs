//! The guide's one reader of standard input: a thread reads it line by line, so that the
//! warm-up (Enter skips it) and the questions after the routine never read it at once, and a
//! line typed during the warm-up is never swallowed by a read that nobody waits for any more.

use std::io::{self, BufRead, Read};

use tokio::sync::mpsc;

/// The lines of standard input, as they arrive; `None` once it has ended.
pub(super) struct Lines {
    rx: mpsc::UnboundedReceiver<Option<String>>,
    /// The line being read (by [`BufRead`]) and how much of it was taken.
    line: Vec<u8>,
    taken: usize,
    ended: bool,
}

impl Lines {
    /// Starts reading standard input on a thread of its own. The thread stays blocked in its
    /// read if no line comes; it ends with the process.
    pub(super) fn start() -> Lines {
        let (tx, rx) = mpsc::unbounded_channel();
        std::thread::spawn(move || {
            let stdin = io::stdin();
            loop {
                let mut line = String::new();
                let more = stdin.read_line(&mut line).is_ok_and(|n| n > 0);
                if tx.send(more.then_some(line)).is_err() || !more {
                    break;
                }
            }
        });
        Lines {
            rx,
            line: Vec::new(),
            taken: 0,
            ended: false,
        }
    }

    /// Resolves at the next line (the user pressed Enter); never at the end of the input
    /// (stdin closed or `/dev/null`), so a guide in a pipe waits out its warm-up.
    pub(super) async fn enter(&mut self) {
        if let Some(Some(_)) = self.rx.recv().await {
            return;
        }
        self.ended = true;
        std::future::pending::<()>().await;
    }
}

impl Read for Lines {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let line = self.fill_buf()?;
            let n = line.len().min(out.len());
            out[..n].copy_from_slice(&line[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Lines {
    /// The rest of the current line, waiting for the next one when it is all taken; empty at
    /// the end of the input. Only outside the async runtime (it blocks).
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.taken == self.line.len() && !self.ended {
            match self.rx.blocking_recv() {
                Some(Some(line)) => {
                    self.line = line.into_bytes();
                    self.taken = 0;
                }
                Some(None) | None => self.ended = true,
            }
        }
        Ok(&self.line[self.taken..])
    }

    fn consume(&mut self, n: usize) {
        self.taken = (self.taken + n).min(self.line.len());
    }
}
