//! User activity for `KWin` through KDE's idle protocol: `simulate_user_activity` on an
//! `org_kde_kwin_idle_timeout` (`KWin` counts it as input for every idle protocol,
//! `ext-idle-notify-v1` included). Used by `presence_wayland.rs` and by `bench_support.rs` for
//! `bench/idle.sh`.

use std::os::unix::net::UnixStream;
use std::path::Path;

use wayland_client::globals::{GlobalListContents, registry_queue_init};
use wayland_client::protocol::{wl_registry::WlRegistry, wl_seat::WlSeat};
use wayland_client::{Connection, Dispatch, EventQueue, QueueHandle, delegate_noop};
use wayland_protocols_plasma::idle::client::org_kde_kwin_idle::OrgKdeKwinIdle;
use wayland_protocols_plasma::idle::client::org_kde_kwin_idle_timeout::OrgKdeKwinIdleTimeout;

/// The client's state: it handles no event.
struct Client;

impl Dispatch<WlRegistry, GlobalListContents> for Client {
    fn event(
        _: &mut Self,
        _: &WlRegistry,
        _: wayland_client::protocol::wl_registry::Event,
        _: &GlobalListContents,
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
    }
}
delegate_noop!(Client: ignore WlSeat);
delegate_noop!(Client: ignore OrgKdeKwinIdle);
delegate_noop!(Client: ignore OrgKdeKwinIdleTimeout);

/// A connection of its own to a compositor that has `org_kde_kwin_idle`, holding an idle timeout
/// as a handle to simulate activity with.
pub struct KwinActivity {
    queue: EventQueue<Client>,
    timeout: OrgKdeKwinIdleTimeout,
    _conn: Connection,
}

impl KwinActivity {
    /// Connects to the Wayland socket `socket` and asks for an idle timeout of `timeout_ms`
    /// (only a handle: make it longer than the connection lives, so that it never fires).
    pub fn connect(socket: &Path, timeout_ms: u32) -> KwinActivity {
        let stream =
            UnixStream::connect(socket).unwrap_or_else(|e| panic!("{}: {e}", socket.display()));
        let conn = Connection::from_socket(stream).unwrap();
        let (globals, mut queue) = registry_queue_init::<Client>(&conn).unwrap();
        let qh = queue.handle();
        let idle: OrgKdeKwinIdle = globals
            .bind(&qh, 1..=1, ())
            .expect("the compositor has no org_kde_kwin_idle (not KWin?)");
        let seat: WlSeat = globals.bind(&qh, 1..=1, ()).unwrap();
        let timeout = idle.get_idle_timeout(&seat, timeout_ms, &qh, ());
        queue.roundtrip(&mut Client).unwrap();
        KwinActivity {
            queue,
            timeout,
            _conn: conn,
        }
    }

    /// One simulated input, sent and round-tripped.
    pub fn simulate(&mut self) {
        self.timeout.simulate_user_activity();
        self.queue.roundtrip(&mut Client).unwrap();
    }

    /// Releases the idle timeout, round-tripped.
    pub fn release(mut self) {
        self.timeout.release();
        self.queue.roundtrip(&mut Client).unwrap();
    }
}
