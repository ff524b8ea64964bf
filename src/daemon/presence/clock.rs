//! Notices wall-clock jumps (a manual change, an NTP step) without polling.
//!
//! A `timerfd` on `CLOCK_REALTIME`, armed far in the future with `TFD_TIMER_CANCEL_ON_SET`, becomes
//! readable with `ECANCELED` whenever the clock is set discontinuously. The daemon then re-derives
//! its deadline from the wall clock (tokio's timers run on the monotonic clock, which a jump
//! does not move).

use rustix::io::Errno;
use rustix::time::{
    Itimerspec, TimerfdClockId, TimerfdFlags, TimerfdTimerFlags, Timespec, timerfd_create,
    timerfd_settime,
};
use tokio::io::Interest;
use tokio::io::unix::AsyncFd;
use tokio::sync::mpsc;
use tracing::warn;

use super::PresenceEvent;

/// Far enough ahead that the timer never fires on its own (year 2500, absolute).
const FAR_FUTURE_SECS: i64 = 16_725_225_600;

fn arm(fd: &std::os::fd::OwnedFd) -> rustix::io::Result<()> {
    let zero = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    let spec = Itimerspec {
        it_interval: zero,
        it_value: Timespec {
            tv_sec: FAR_FUTURE_SECS,
            tv_nsec: 0,
        },
    };
    timerfd_settime(
        fd,
        TimerfdTimerFlags::ABSTIME | TimerfdTimerFlags::CANCEL_ON_SET,
        &spec,
    )
    .map(drop)
}

/// Why the clock-jump watch could not start.
#[derive(Debug, thiserror::Error)]
#[error("{doing}: {cause}")]
pub struct Error {
    /// The call that failed (`timerfd_create`, ...).
    doing: &'static str,
    /// Why.
    cause: std::io::Error,
}

impl Error {
    fn on(doing: &'static str) -> impl FnOnce(Errno) -> Error {
        move |errno| Error {
            doing,
            cause: errno.into(),
        }
    }
}

/// Starts watching for clock jumps; each sends [`PresenceEvent::ClockChanged`]. Must be called
/// inside the tokio runtime.
pub fn start(events: mpsc::Sender<PresenceEvent>) -> Result<(), Error> {
    let fd = timerfd_create(
        TimerfdClockId::Realtime,
        TimerfdFlags::CLOEXEC | TimerfdFlags::NONBLOCK,
    )
    .map_err(Error::on("timerfd_create"))?;
    arm(&fd).map_err(Error::on("timerfd_settime"))?;
    // The AsyncFd owns the OwnedFd and nothing else closes it, which is the I/O-safety condition
    // the deprecation warns about; the replacement is an `unsafe fn`, which this crate forbids.
    #[expect(
        deprecated,
        reason = "sound here: the AsyncFd owns the only handle to the fd"
    )]
    let fd = AsyncFd::with_interest(fd, Interest::READABLE).map_err(|cause| Error {
        doing: "registering the timerfd",
        cause,
    })?;
    tokio::spawn(async move {
        let mut buf = [0u8; 8];
        loop {
            let Ok(mut ready) = fd.readable().await else {
                return;
            };
            match rustix::io::read(fd.get_ref(), &mut buf) {
                Err(Errno::CANCELED) => {
                    if let Err(e) = arm(fd.get_ref()) {
                        warn!("cannot re-arm the clock-change timer: {e}");
                        return;
                    }
                    if events.send(PresenceEvent::ClockChanged).await.is_err() {
                        return;
                    }
                }
                Err(Errno::AGAIN) => ready.clear_ready(),
                // The timer expired (the year 2500) or the fd broke: re-arm once, or give up.
                Ok(_) | Err(_) => {
                    ready.clear_ready();
                    if arm(fd.get_ref()).is_err() {
                        return;
                    }
                }
            }
        }
    });
    Ok(())
}
