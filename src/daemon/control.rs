//! The daemon's end of the control socket: a private directory (checked, never repaired), one
//! socket per user, the peer's uid checked on every connection, and every client bounded in size
//! and time so none can block or crash the daemon.

use std::fs;
use std::io;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _, BufReader};
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc, oneshot};
use tokio::time::timeout;
use tracing::{debug, warn};

use crate::ipc::{
    Client, MAX_FRAME, REQUEST_TIMEOUT, Reply, Request, Response, Status, UnsafeDir,
    check_private_dirs, decode_request,
};

/// Connections served at once; more wait in the listen backlog.
const MAX_CLIENTS: usize = 64;

/// `status --follow` streams at once. They do not count against [`MAX_CLIENTS`] once
/// subscribed (they last as long as a status bar), so they cannot lock out other commands.
const MAX_FOLLOWERS: usize = 64;

/// `now` and `next` requests under way at once. They wait on the notification server (up to
/// its call bound) or on a preview, so like followers they trade their [`MAX_CLIENTS`] slot for
/// one of these: however many of them wait, the quick commands (`status`, `done`, `pause`, ...)
/// keep their slots.
const MAX_SLOW: usize = 16;

/// Status lines a slow `follow` client may fall behind before it misses updates.
const FOLLOW_BACKLOG: usize = 4;

/// What a client asks of the daemon, as the socket hands it over.
#[derive(Debug)]
pub enum Call {
    /// One request, and where to send the answer.
    Request(Request, oneshot::Sender<Response>),
    /// A `status --follow` client: send it a status now, on every change and once a minute.
    Follow(mpsc::Sender<Status>),
}

/// Why the socket could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum BindError {
    /// Another daemon of this user answers on the socket.
    #[error(
        "stretchd is already running (pid {pid}); stop it first (`systemctl --user stop stretchd`)"
    )]
    AlreadyRunning {
        /// The other daemon's pid.
        pid: u32,
    },
    /// The socket's directory is not this user's alone.
    #[error(transparent)]
    UnsafeDir(#[from] UnsafeDir),
    /// Something answers on the socket but not like stretchd.
    #[error("{0}: another program answers on this socket; stop it or remove the file")]
    Foreign(PathBuf),
    /// A filesystem or socket call failed.
    #[error("{what} {}: {cause}", path.display())]
    Io {
        /// What was being done.
        what: &'static str,
        /// Where.
        path: PathBuf,
        /// What failed.
        cause: io::Error,
    },
}

/// The listening socket. The socket file is removed when it is dropped.
pub struct ControlSocket {
    listener: UnixListener,
    path: PathBuf,
    uid: u32,
}

impl Drop for ControlSocket {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Whether a peer may use the socket: only the daemon's own user.
pub fn authorized(peer_uid: u32, own_uid: u32) -> bool {
    peer_uid == own_uid
}

impl ControlSocket {
    /// Creates the directories (0700) and makes sure they are this user's alone
    /// ([`check_private_dirs`]: never a symbolic link, another user's directory or one others
    /// may enter, which is refused, not changed), removes a stale socket (one nobody answers
    /// on), and binds, restricts (0600) and then listens, so no other user can connect in
    /// between.
    pub fn bind(path: &Path) -> Result<ControlSocket, BindError> {
        let io_err = |what, path: &Path| {
            let path = path.to_path_buf();
            move |cause| BindError::Io { what, path, cause }
        };
        check_private_dirs(path, true)?;
        if path.exists() {
            match Client::connect(path).and_then(|c| c.call(&Request::Status)) {
                Ok(Response::Status(s)) => return Err(BindError::AlreadyRunning { pid: s.pid }),
                Err(crate::ipc::ClientError::NotRunning(_)) => {
                    debug!("removing stale socket {}", path.display());
                    fs::remove_file(path).map_err(io_err("removing stale socket", path))?;
                }
                Ok(_) | Err(_) => return Err(BindError::Foreign(path.to_path_buf())),
            }
        }
        let socket = socket2::Socket::new(socket2::Domain::UNIX, socket2::Type::STREAM, None)
            .map_err(io_err("creating socket", path))?;
        let addr = socket2::SockAddr::unix(path).map_err(io_err("addressing", path))?;
        socket.bind(&addr).map_err(io_err("binding", path))?;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600))
            .map_err(io_err("restricting", path))?;
        socket.listen(128).map_err(io_err("listening on", path))?;
        socket
            .set_nonblocking(true)
            .map_err(io_err("configuring", path))?;
        let std_listener: std::os::unix::net::UnixListener = socket.into();
        let listener = UnixListener::from_std(std_listener).map_err(io_err("registering", path))?;
        let uid = crate::store::paths::own_uid()
            .map_err(io_err("reading own uid from", Path::new("/proc/self")))?;
        Ok(ControlSocket {
            listener,
            path: path.to_path_buf(),
            uid,
        })
    }

    /// Accepts clients until the daemon goes away, each in its own task.
    pub async fn serve(self, inputs: mpsc::Sender<Call>) {
        let slots = Arc::new(Semaphore::new(MAX_CLIENTS));
        let followers = Arc::new(Semaphore::new(MAX_FOLLOWERS));
        let slow = Arc::new(Semaphore::new(MAX_SLOW));
        loop {
            let Ok(permit) = slots.clone().acquire_owned().await else {
                return;
            };
            let stream = match self.listener.accept().await {
                Ok((stream, _)) => stream,
                Err(e) => {
                    warn!("control socket: accept failed: {e}");
                    continue;
                }
            };
            if inputs.is_closed() {
                return;
            }
            let inputs = inputs.clone();
            let uid = self.uid;
            let followers = Arc::clone(&followers);
            let slow = Arc::clone(&slow);
            tokio::spawn(async move {
                handle(stream, uid, &inputs, permit, &followers, &slow).await;
            });
        }
    }
}

/// Serves one client: one request, one reply (or a stream for `follow`). `slot` is its share of
/// [`MAX_CLIENTS`], held until it is answered; a follower trades it for one of `followers`, a
/// `now` or `next` for one of `slow_slots`.
async fn handle(
    stream: UnixStream,
    uid: u32,
    inputs: &mpsc::Sender<Call>,
    slot: OwnedSemaphorePermit,
    followers: &Arc<Semaphore>,
    slow_slots: &Arc<Semaphore>,
) {
    let (read, mut write) = stream.into_split();
    let peer = write.as_ref().peer_cred().map(|c| c.uid());
    match peer {
        Ok(peer) if authorized(peer, uid) => {}
        other => {
            warn!(
                "control socket: refused a client with uid {other:?} (only uid {uid} may connect)"
            );
            let refusal = Response::error(
                "refused: only the user running the daemon may control it".to_owned(),
            );
            let _ = send(&mut write, &refusal).await;
            return;
        }
    }
    let request = match read_request(read).await {
        Ok(Some(request)) => request,
        Ok(None) => return,
        Err(message) => {
            debug!("control socket: {message}");
            let _ = send(&mut write, &Response::error(message)).await;
            return;
        }
    };
    if request == Request::Follow {
        let Ok(_follower) = Arc::clone(followers).try_acquire_owned() else {
            let message =
                format!("too many `status --follow` clients (the limit is {MAX_FOLLOWERS})");
            let _ = send(&mut write, &Response::error(message)).await;
            return;
        };
        drop(slot);
        let (tx, mut rx) = mpsc::channel(FOLLOW_BACKLOG);
        if inputs.send(Call::Follow(tx)).await.is_err() {
            return;
        }
        while let Some(status) = rx.recv().await {
            if send(&mut write, &Response::Status(Box::new(status)))
                .await
                .is_err()
            {
                return;
            }
        }
        return;
    }
    let _permit = if matches!(request, Request::Now { .. } | Request::Next { .. }) {
        let Ok(permit) = Arc::clone(slow_slots).try_acquire_owned() else {
            let message = format!(
                "too many `now` and `next` requests at once (the limit is {MAX_SLOW}); try again in a moment"
            );
            let _ = send(&mut write, &Response::error(message)).await;
            return;
        };
        drop(slot);
        permit
    } else {
        slot
    };
    let (tx, rx) = oneshot::channel();
    if inputs.send(Call::Request(request, tx)).await.is_err() {
        return;
    }
    if let Ok(response) = rx.await {
        let _ = send(&mut write, &response).await;
    }
}

/// Reads one request line within the size and time limits. `Ok(None)`: the client hung up
/// without asking anything.
async fn read_request(read: tokio::net::unix::OwnedReadHalf) -> Result<Option<Request>, String> {
    let mut reader = BufReader::new(read.take(MAX_FRAME as u64));
    let mut line = Vec::new();
    match timeout(REQUEST_TIMEOUT, reader.read_until(b'\n', &mut line)).await {
        Err(_) => return Err(format!("no request within {REQUEST_TIMEOUT:?}")),
        Ok(Err(e)) => return Err(format!("reading the request: {e}")),
        Ok(Ok(0)) => return Ok(None),
        Ok(Ok(_)) => {}
    }
    decode_request(&line).map(Some).map_err(|e| e.to_string())
}

/// Writes one reply line, giving up on a client that does not read.
async fn send(write: &mut tokio::net::unix::OwnedWriteHalf, response: &Response) -> io::Result<()> {
    let line = Reply::new(response.clone()).to_line();
    match timeout(REQUEST_TIMEOUT, write.write_all(line.as_bytes())).await {
        Ok(result) => result,
        Err(_) => Err(io::Error::new(
            io::ErrorKind::TimedOut,
            "client does not read",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_daemons_own_uid_is_authorized() {
        assert!(authorized(1000, 1000));
        assert!(!authorized(0, 1000));
        assert!(!authorized(1001, 1000));
        assert!(!authorized(1000, 0));
    }
}
