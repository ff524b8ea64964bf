//! The CLI's side of the control socket: connecting with deadlines, believing only a daemon of
//! its own uid, and reading one reply within its limits.

use std::io::{Read as _, Write as _};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{
    CONNECT_TIMEOUT, FOLLOW_TIMEOUT, MAX_REPLY, PROTOCOL_VERSION, REPLY_TIMEOUT, Request, Response,
    UnsafeDir, check_private_dirs, decode_reply_bytes,
};

/// Why the CLI got no answer.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// No daemon listens on the socket.
    #[error(
        "stretchd is not running (nothing answers at {0}); start it with `systemctl --user start stretchd` or `stretchd run`"
    )]
    NotRunning(PathBuf),
    /// The socket's directory is not this user's alone, so whatever answers there is not trusted.
    #[error(transparent)]
    UnsafeDir(#[from] UnsafeDir),
    /// The program answering at the socket runs as another user.
    #[error(
        "refused: the program answering at {} runs as uid {peer}, not you (uid {own}); not trusting it",
        path.display()
    )]
    Untrusted {
        /// The socket.
        path: PathBuf,
        /// The uid it runs as.
        peer: u32,
        /// This process's uid.
        own: u32,
    },
    /// The daemon did not take the connection or answer in time.
    #[error(
        "the daemon at {} did not {what} within {} s; it may be busy or stuck (see `journalctl --user -u stretchd`)",
        path.display(),
        patience.as_secs()
    )]
    Timeout {
        /// The socket.
        path: PathBuf,
        /// What it did not do: "accept the connection", "answer".
        what: &'static str,
        /// How long the CLI waited.
        patience: Duration,
    },
    /// The daemon hung up without answering.
    #[error(
        "the daemon at {} hung up without answering (see `journalctl --user -u stretchd`)",
        .0.display()
    )]
    HungUp(PathBuf),
    /// The reply went on past [`MAX_REPLY`] bytes without ending.
    #[error(
        "the program at {} sent a reply larger than the limit of {MAX_REPLY} bytes (1 MiB); it is not a working stretchd daemon: restart it (`systemctl --user restart stretchd`)",
        .0.display()
    )]
    TooLarge(PathBuf),
    /// The daemon speaks another protocol version.
    #[error(
        "the running daemon speaks protocol v{daemon}, this stretchd speaks v{PROTOCOL_VERSION}: restart the daemon (`systemctl --user restart stretchd`)"
    )]
    Version {
        /// The daemon's version.
        daemon: u32,
    },
    /// Talking to the daemon failed midway.
    #[error("talking to the daemon at {path}: {cause}")]
    Io {
        /// The socket.
        path: PathBuf,
        /// What failed.
        cause: std::io::Error,
    },
    /// The daemon sent something that is not a reply.
    #[error("the daemon sent a malformed reply: {0}")]
    Malformed(String),
}

/// A connection to the daemon.
pub struct Client {
    path: PathBuf,
    stream: UnixStream,
    /// Bytes read past the last reply line.
    pending: Vec<u8>,
}

impl Client {
    /// Connects to the daemon's socket at `path`, once its directories are private
    /// ([`check_private_dirs`]), within [`CONNECT_TIMEOUT`], and only if the program answering
    /// runs as this user (`SO_PEERCRED`).
    pub fn connect(path: &Path) -> Result<Client, ClientError> {
        match check_private_dirs(path, false) {
            Ok(()) => {}
            Err(UnsafeDir::Missing(_)) => return Err(ClientError::NotRunning(path.to_path_buf())),
            Err(e) => return Err(e.into()),
        }
        let io = |cause| ClientError::Io {
            path: path.to_path_buf(),
            cause,
        };
        let socket =
            socket2::Socket::new(socket2::Domain::UNIX, socket2::Type::STREAM, None).map_err(io)?;
        // A blocking connect(2) to a Unix socket whose backlog is full waits for room, as long
        // as the send timeout allows.
        socket
            .set_write_timeout(Some(CONNECT_TIMEOUT))
            .map_err(io)?;
        let address = socket2::SockAddr::unix(path).map_err(io)?;
        if let Err(e) = socket.connect(&address) {
            return Err(match e.kind() {
                std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused => {
                    ClientError::NotRunning(path.to_path_buf())
                }
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => {
                    ClientError::Timeout {
                        path: path.to_path_buf(),
                        what: "accept the connection",
                        patience: CONNECT_TIMEOUT,
                    }
                }
                _ => io(e),
            });
        }
        let stream = UnixStream::from(socket);
        let peer = rustix::net::sockopt::socket_peercred(&stream)
            .map_err(|e| io(e.into()))?
            .uid
            .as_raw();
        let own = crate::store::paths::own_uid().map_err(io)?;
        trust(path, peer, own)?;
        Ok(Client {
            path: path.to_path_buf(),
            stream,
            pending: Vec::new(),
        })
    }

    /// Sends one request and returns the first reply, within [`REPLY_TIMEOUT`].
    pub fn call(mut self, request: &Request) -> Result<Response, ClientError> {
        self.send(request)?;
        self.receive(REPLY_TIMEOUT)
    }

    /// Sends `follow` and calls `each` with every status line until the daemon goes away or
    /// `each` returns false. A daemon that hangs up has stopped: [`ClientError::NotRunning`].
    pub fn follow(mut self, mut each: impl FnMut(Response) -> bool) -> Result<(), ClientError> {
        self.send(&Request::Follow)?;
        loop {
            match self.receive(FOLLOW_TIMEOUT) {
                Ok(response) => {
                    if !each(response) {
                        return Ok(());
                    }
                }
                Err(ClientError::HungUp(path)) => return Err(ClientError::NotRunning(path)),
                Err(e) => return Err(e),
            }
        }
    }

    fn send(&mut self, request: &Request) -> Result<(), ClientError> {
        let mut line = serde_json::to_string(request).unwrap_or_default();
        line.push('\n');
        match self.stream.write_all(line.as_bytes()) {
            Ok(()) => Ok(()),
            // The daemon answers some clients without reading their request (it refuses one at
            // once) and hangs up: its answer, if any, is still there to read.
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::ConnectionReset
                ) =>
            {
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Err(ClientError::Timeout {
                path: self.path.clone(),
                what: "take the request",
                patience: CONNECT_TIMEOUT,
            }),
            Err(cause) => Err(ClientError::Io {
                path: self.path.clone(),
                cause,
            }),
        }
    }

    /// Reads the next reply line within `patience` in all (a deadline, so that a daemon that
    /// trickles bytes cannot stretch it) and [`MAX_REPLY`] bytes.
    fn receive(&mut self, patience: Duration) -> Result<Response, ClientError> {
        let deadline = Instant::now() + patience;
        let mut scanned = 0;
        loop {
            if let Some(end) = self.pending[scanned..].iter().position(|b| *b == b'\n') {
                let line: Vec<u8> = self.pending.drain(..=scanned + end).collect();
                if line.len() > MAX_REPLY {
                    return Err(ClientError::TooLarge(self.path.clone()));
                }
                return decode_reply_bytes(&line);
            }
            scanned = self.pending.len();
            if scanned >= MAX_REPLY {
                return Err(ClientError::TooLarge(self.path.clone()));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            let timeout = || ClientError::Timeout {
                path: self.path.clone(),
                what: "answer",
                patience,
            };
            if left.is_zero() {
                return Err(timeout());
            }
            let io = |cause| ClientError::Io {
                path: self.path.clone(),
                cause,
            };
            self.stream.set_read_timeout(Some(left)).map_err(io)?;
            let mut chunk = [0; 16 * 1024];
            let room = chunk.len().min(MAX_REPLY + 1 - scanned);
            match self.stream.read(&mut chunk[..room]) {
                // Hung up: a last line without its newline is still decoded. A daemon that
                // closes before reading the request resets the connection instead.
                Ok(0) if self.pending.is_empty() => {
                    return Err(ClientError::HungUp(self.path.clone()));
                }
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {
                    return Err(ClientError::HungUp(self.path.clone()));
                }
                Ok(0) => return decode_reply_bytes(&std::mem::take(&mut self.pending)),
                Ok(n) => self.pending.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) =>
                {
                    return Err(timeout());
                }
                Err(cause) => return Err(io(cause)),
            }
        }
    }
}

/// Whether the CLI may believe the program at `path` that runs as `peer`: only if it is the
/// CLI's own user.
fn trust(path: &Path, peer: u32, own: u32) -> Result<(), ClientError> {
    if peer == own {
        return Ok(());
    }
    Err(ClientError::Untrusted {
        path: path.to_path_buf(),
        peer,
        own,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_server_of_the_clients_own_uid_is_trusted() {
        let path = Path::new("/run/user/1000/stretchd/control.sock");
        assert!(trust(path, 1000, 1000).is_ok());
        let e = trust(path, 1001, 1000).unwrap_err().to_string();
        assert_eq!(
            e,
            "refused: the program answering at /run/user/1000/stretchd/control.sock runs as uid 1001, not you (uid 1000); not trusting it"
        );
        assert!(trust(path, 0, 1000).is_err());
    }
}
