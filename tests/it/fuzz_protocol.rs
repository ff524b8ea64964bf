//! Fuzzing the control protocol with proptest: the daemon's request decoder
//! ([`decode_request`], what `control.rs` runs on every line a client sends) and the client's
//! reply decoder ([`decode_reply`]) never panic on any input, a frame over [`MAX_FRAME`] is
//! refused by its size before it is parsed, deep nesting is refused without exhausting the stack,
//! every request and reply survives the trip through the wire format unchanged, every request
//! type refuses an extra field by name, and a `next` count over [`MAX_NEXT`] is refused.
//!
//! `PROPTEST_CASES` overrides each test's number of cases; each prints its count and time
//! (`cargo test --test fuzz_protocol -- --nocapture`). The real socket's limits (size, time,
//! peers) are tested in tests/control.rs.

use std::time::Instant;

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use proptest::test_runner::{Config as Cases, TestCaseError, TestRunner};
use stretchd::config::{IdleSource, Kind};
use stretchd::ipc::{
    Capture, ClientError, Held, HeldNext, LullWait, MAX_FRAME, MAX_NEXT, MachineSeen,
    PROTOCOL_VERSION, PauseInfo, Progress, Reply, Request, Response, SnoozeInfo, Status,
    SyncStatus, Upcoming, decode_reply, decode_request,
};
use stretchd::schedule::level::Adjust;

/// [`decode_request`] with its error as the message the client gets.
fn decode(line: &[u8]) -> Result<Request, String> {
    decode_request(line).map_err(|e| e.to_string())
}

/// Cases to run: `PROPTEST_CASES` if set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs `test` on `n` inputs from `strategy` and prints the count and time.
fn fuzz<S: Strategy>(
    name: &str,
    n: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let mut runner = TestRunner::new(Cases {
        cases: n,
        failure_persistence: None,
        ..Cases::default()
    });
    let started = Instant::now();
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{name}: {e}");
    }
    println!("{name}: {n} cases in {:.2?}", started.elapsed());
}

/// `bytes` with a newline, as a client sends it.
fn frame(bytes: &[u8]) -> Vec<u8> {
    let mut line = bytes.to_vec();
    line.push(b'\n');
    line
}

/// The decoder's verdict on a frame: it never panics, a frame within the limits is exactly
/// `serde_json`'s verdict on it, and a frame over the limit is refused for its size.
fn decode_checked(line: &[u8]) -> Result<Option<Request>, TestCaseError> {
    let decoded = decode(line);
    let terminated = line.last() == Some(&b'\n');
    if line.len() > MAX_FRAME || (!terminated && line.len() == MAX_FRAME) {
        let e = decoded.expect_err("an oversized frame was decoded");
        prop_assert!(e.starts_with("request too large"), "{e}");
        return Ok(None);
    }
    if !terminated {
        prop_assert_eq!(
            decoded,
            Err("request not terminated by a newline".to_owned())
        );
        return Ok(None);
    }
    let direct = serde_json::from_slice::<Request>(line);
    match (&decoded, direct) {
        (Ok(a), Ok(b)) => prop_assert_eq!(a, &b),
        (Err(e), Err(_)) => prop_assert!(e.starts_with("malformed request: "), "{e}"),
        (a, b) => prop_assert!(false, "decode_request {a:?} but serde_json {b:?}"),
    }
    Ok(decoded.ok())
}

/// An instant anywhere chrono can represent, with nanoseconds.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    let min = DateTime::<Utc>::MIN_UTC.timestamp();
    let max = DateTime::<Utc>::MAX_UTC.timestamp();
    prop_oneof![
        (min..=max, 0_u32..1_000_000_000),
        (1_700_000_000_i64..1_900_000_000, Just(0)),
    ]
    .prop_map(|(s, ns)| DateTime::from_timestamp(s, ns).expect("in range"))
}

fn request() -> impl Strategy<Value = Request> {
    prop_oneof![
        Just(Request::Status),
        Just(Request::Follow),
        (0..=MAX_NEXT).prop_map(|count| Request::Next { count }),
        proptest::option::of(any::<u64>()).prop_map(|secs| Request::Snooze { secs }),
        proptest::option::of(instant()).prop_map(|until| Request::Pause { until }),
        Just(Request::Resume),
        Just(Request::Skip),
        proptest::option::of(adjust()).prop_map(|adjust| Request::Done { adjust }),
        proptest::option::of(any::<String>()).prop_map(|item| Request::Hurt { item }),
        any::<String>().prop_map(|item| Request::Restore { item }),
        proptest::option::of(any::<String>()).prop_map(|reminder| Request::Now { reminder }),
        Just(Request::Reload),
        (
            any::<String>(),
            any::<bool>(),
            proptest::option::of(adjust())
        )
            .prop_map(|(item, safety_shown, adjust)| Request::GuideDone {
                item,
                safety_shown,
                adjust
            }),
    ]
}

fn adjust() -> impl Strategy<Value = Adjust> {
    prop_oneof![Just(Adjust::Easier), Just(Adjust::Harder)]
}

#[test]
fn every_request_survives_the_wire() {
    fuzz("request round trip", cases(20_000), request(), |request| {
        let json = serde_json::to_string(&request).expect("a request serializes");
        prop_assert!(
            !json.contains('\n'),
            "a request line holds a newline: {json}"
        );
        // What `Client::send` writes is what `control.rs` decodes.
        let line = frame(json.as_bytes());
        if line.len() <= MAX_FRAME {
            prop_assert_eq!(decode(&line), Ok(request));
        } else {
            prop_assert!(decode(&line).is_err());
        }
        Ok(())
    });
}

#[test]
fn every_request_with_an_extra_field_is_refused_naming_it() {
    // Field names the protocol has nowhere, so every request type must refuse them.
    let known = ["type", "count", "secs", "until", "reminder", "item"];
    let name = "[a-z_]{1,12}".prop_filter("a field some request has", move |n| {
        !known.contains(&n.as_str())
    });
    let value = prop_oneof![
        Just(serde_json::Value::Null),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::from),
    ];
    fuzz(
        "requests with an extra field",
        cases(5_000),
        (request(), name, value),
        |(request, name, value)| {
            let mut json = serde_json::to_value(&request).expect("a request serializes");
            json.as_object_mut()
                .expect("a request is an object")
                .insert(name.clone(), value);
            let line = frame(json.to_string().as_bytes());
            if line.len() > MAX_FRAME {
                return Ok(());
            }
            let e = decode(&line).expect_err("a request with an extra field decoded");
            prop_assert!(
                e.starts_with("malformed request: unknown field `") && e.contains(&name),
                "{line:?}: {e}"
            );
            Ok(())
        },
    );
}

#[test]
fn a_next_count_over_the_limit_is_refused_naming_the_limit() {
    fuzz(
        "next counts over the limit",
        cases(1_000),
        (MAX_NEXT as u64 + 1)..=u64::MAX,
        |count| {
            let line = frame(format!(r#"{{"type":"next","count":{count}}}"#).as_bytes());
            let e = decode(&line).expect_err("a count over the limit decoded");
            prop_assert!(e.contains(&format!("the limit is {MAX_NEXT}")), "{e}");
            Ok(())
        },
    );
}

#[test]
fn arbitrary_bytes_never_panic_the_request_decoder() {
    let bytes = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..256),
        // JSON's punctuation and the protocol's words reach deeper than random bytes.
        "[{}\\[\\]\":,0-9a-z_ \\\\.eE+-]{0,200}".prop_map(String::into_bytes),
    ];
    fuzz(
        "arbitrary request bytes",
        cases(30_000),
        (bytes, any::<bool>()),
        |(bytes, newline)| {
            let line = if newline { frame(&bytes) } else { bytes };
            decode_checked(&line)?;
            Ok(())
        },
    );
}

/// A byte-level change to a frame.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Duplicate(usize, usize, usize),
}

/// JSON that stresses the decoder: huge and odd numbers, lone surrogates, other types.
const TOKENS: &[&str] = &[
    "null",
    "-1",
    "1e999",
    "-0",
    "18446744073709551616",
    "340282366920938463463374607431768211456",
    "0.5",
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"type\"",
    "\"next\"",
    "\"snooze\"",
    "\"pause\"",
    "\"guide_done\"",
    "\"\\ud800\"",
    "\"\\u0000\"",
    "\"+262143-12-31T23:59:59Z\"",
    "\"-262143-01-01T00:00:00Z\"",
    "\"2026-02-30T00:00:00Z\"",
    "\"2026-10-25T02:30:00+01:00\"",
    "[]",
    "{}",
    "true",
    "\u{feff}",
    "\u{1f980}",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    let token = prop_oneof![
        3 => proptest::sample::select(TOKENS).prop_map(|t| t.as_bytes().to_vec()),
        1 => proptest::collection::vec(any::<u8>(), 1..4),
    ];
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), 1_usize..8).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<usize>(), token).prop_map(|(i, t)| Mutation::Insert(i, t)),
        (any::<usize>(), 1_usize..16, any::<usize>())
            .prop_map(|(i, n, at)| Mutation::Duplicate(i, n, at)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len();
        match m {
            Mutation::Flip(i, b) if len > 0 => bytes[i % len] ^= b,
            Mutation::Delete(i, n) if len > 0 => {
                let at = i % len;
                bytes.drain(at..(at + n).min(len));
            }
            Mutation::Insert(i, token) => {
                let at = i % (len + 1);
                bytes.splice(at..at, token.iter().copied());
            }
            Mutation::Duplicate(i, n, to) if len > 0 => {
                let at = i % len;
                let piece = bytes[at..(at + n).min(len)].to_vec();
                let to = to % (len + 1);
                bytes.splice(to..to, piece);
            }
            _ => {}
        }
    }
    bytes
}

#[test]
fn mutated_requests_never_panic_and_what_decodes_round_trips() {
    let strategy = (request(), proptest::collection::vec(mutation(), 1..3))
        .prop_map(|(r, ms)| mutate(serde_json::to_vec(&r).expect("serializes"), &ms));
    let decoded = std::cell::Cell::new(0_u32);
    let n = cases(30_000);
    fuzz("mutated requests", n, strategy, |bytes| {
        if let Some(request) = decode_checked(&frame(&bytes))? {
            decoded.set(decoded.get() + 1);
            let again = frame(&serde_json::to_vec(&request).expect("serializes"));
            prop_assert_eq!(decode(&again), Ok(request));
        }
        Ok(())
    });
    // Mutations that keep a request valid (a changed digit or letter in a string) must happen,
    // or the strategy only tests the parser's first bytes.
    println!("  {} of them decoded", decoded.get());
    assert!(decoded.get() > n / 200, "only {} decoded", decoded.get());
}

#[test]
fn frames_are_limited_by_size_before_parsing() {
    let status = br#"{"type":"status"}"#;
    // 1 MB: a valid request padded with spaces, newline-terminated.
    let mut big = status.to_vec();
    big.resize(1 << 20, b' ');
    let big = frame(&big);
    let e = decode(&big).expect_err("1 MB frame");
    assert_eq!(
        e,
        format!("request too large (the limit is {MAX_FRAME} bytes)")
    );
    // The limit includes the newline: MAX_FRAME bytes in all are read and decoded...
    let mut exact = status.to_vec();
    exact.resize(MAX_FRAME - 1, b' ');
    assert_eq!(decode(&frame(&exact)), Ok(Request::Status));
    // ...one byte more is refused, as is a full read without a newline, whatever it holds.
    exact.push(b' ');
    assert!(decode(&frame(&exact)).unwrap_err().contains("too large"));
    assert!(decode(&exact).unwrap_err().contains("too large"));
    assert_eq!(
        decode(status),
        Err("request not terminated by a newline".to_owned())
    );
    assert_eq!(
        decode(b"\n").map_err(|e| e.starts_with("malformed")),
        Err(true)
    );
    assert_eq!(
        decode(b""),
        Err("request not terminated by a newline".to_owned())
    );
}

#[test]
fn deep_nesting_fills_a_frame_without_overflowing_the_stack() {
    // serde_json stops at 128 levels; a frame could otherwise nest 8000 deep.
    for (open, close) in [("[", "]"), ("{\"a\":", "}"), ("{\"type\":", "}")] {
        let depth = (MAX_FRAME - 1) / (open.len() + close.len());
        let line = frame(format!("{}{}", open.repeat(depth), close.repeat(depth)).as_bytes());
        assert!(line.len() <= MAX_FRAME);
        let e = decode(&line).expect_err("nested");
        assert!(e.starts_with("malformed request"), "{e}");
        assert!(matches!(
            decode_reply(std::str::from_utf8(&line).unwrap()),
            Err(ClientError::Malformed(_))
        ));
    }
}

// ---- replies, on the client's side ----

fn upcoming() -> impl Strategy<Value = Upcoming> {
    (
        instant(),
        any::<String>(),
        prop_oneof![Just(Kind::Posture), Just(Kind::Stretch)],
        any::<String>(),
        any::<String>(),
    )
        .prop_map(|(at, reminder, kind, item, title)| Upcoming {
            at,
            reminder,
            kind,
            item,
            text: Some(title.clone()).filter(|t| t.len() % 2 == 0),
            title,
        })
}

/// Any reason to hold reminders.
fn held() -> impl Strategy<Value = Held> {
    prop_oneof![
        instant().prop_map(|since| Held::Idle { since }),
        instant().prop_map(|since| Held::Locked { since }),
        instant().prop_map(|since| Held::Asleep { since }),
        Just(Held::DoNotDisturb),
        Just(Held::Fullscreen),
        (
            proptest::sample::select(
                &[Capture::Microphone, Capture::ScreenCast, Capture::Camera][..]
            ),
            any::<String>(),
            instant()
        )
            .prop_map(|(capture, app, since)| Held::Call {
                capture,
                app,
                since
            }),
        instant().prop_map(|until| Held::Grace { until }),
    ]
}

fn status() -> impl Strategy<Value = Status> {
    let idle_source = proptest::sample::select(
        &[
            IdleSource::Wayland,
            IdleSource::Mutter,
            IdleSource::X11,
            IdleSource::Logind,
            IdleSource::None,
        ][..],
    );
    let texts = (
        any::<String>(),
        any::<String>(),
        proptest::option::of(any::<String>()),
        idle_source,
        proptest::option::of(held()),
        proptest::option::of((upcoming(), any::<u64>())),
        proptest::option::of(upcoming()),
    );
    let parts = (
        any::<u32>(),
        instant(),
        proptest::option::of(proptest::option::of(instant())),
        proptest::option::of((any::<String>(), instant(), any::<u32>())),
        proptest::option::of(upcoming()),
        proptest::option::of(upcoming()),
        (any::<u32>(), any::<u32>()),
        proptest::option::of((instant(), instant())),
    );
    let machine =
        (any::<String>(), any::<String>(), instant()).prop_map(|(id, hostname, written)| {
            MachineSeen {
                id,
                hostname,
                written,
            }
        });
    let sync = (
        any::<String>(),
        any::<String>(),
        any::<String>(),
        proptest::collection::vec(machine, 0..3),
        proptest::collection::vec(any::<String>(), 0..2),
    )
        .prop_map(|(dir, machine, hostname, machines, problems)| SyncStatus {
            dir,
            machine,
            hostname,
            machines,
            problems,
        });
    let sync_off = proptest::option::of(any::<String>());
    (texts, parts, proptest::option::of(sync), sync_off).prop_map(
        |(
            (daemon_version, config, config_error, idle_source, held, held_next, filed),
            (pid, running_since, paused, snoozed, next, waiting, (done, goal), lull_wait),
            sync,
            sync_off,
        )| Status {
            pid,
            daemon_version,
            running_since,
            config,
            config_error,
            paused: paused.map(|until| PauseInfo { until }),
            snoozed: snoozed.map(|(reminder, until, count)| SnoozeInfo {
                reminder,
                until,
                count,
            }),
            next,
            waiting,
            week: Progress {
                done,
                goal,
                suggest: None,
            },
            idle_source,
            held,
            held_next: held_next.map(|(reminder, grace_secs)| HeldNext {
                reminder,
                grace_secs,
            }),
            filed,
            lull_wait: lull_wait.map(|(since, until)| LullWait { since, until }),
            sync,
            sync_off,
        },
    )
}

fn response() -> impl Strategy<Value = Response> {
    prop_oneof![
        status().prop_map(|s| Response::Status(Box::new(s))),
        proptest::collection::vec(upcoming(), 0..4)
            .prop_map(|upcoming| Response::Next { upcoming }),
        any::<String>().prop_map(Response::ok),
        any::<String>().prop_map(Response::error),
    ]
}

#[test]
fn every_reply_survives_the_wire() {
    fuzz("reply round trip", cases(5_000), response(), |response| {
        let line = Reply::new(response.clone()).to_line();
        prop_assert!(line.ends_with('\n') && line.matches('\n').count() == 1);
        let decoded = decode_reply(&line).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(decoded, response);
        Ok(())
    });
}

#[test]
fn arbitrary_and_mutated_replies_never_panic_the_client() {
    let replies = (response(), proptest::collection::vec(mutation(), 1..4)).prop_map(|(r, ms)| {
        let line = Reply::new(r).to_line();
        String::from_utf8_lossy(&mutate(line.into_bytes(), &ms)).into_owned()
    });
    let strategy = prop_oneof![any::<String>(), "[{}\\[\\]\":,0-9a-z_ .-]{0,200}", replies,];
    fuzz(
        "arbitrary and mutated replies",
        cases(20_000),
        strategy,
        |line| {
            match decode_reply(&line) {
                Ok(_) => {}
                // Another version is reported only as the version the reply names (a
                // mutated digit may name any, 1 included); a reply without one is Malformed.
                Err(ClientError::Version { daemon }) => {
                    prop_assert_ne!(daemon, PROTOCOL_VERSION);
                    let value: serde_json::Value = serde_json::from_str(line.trim())
                        .map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert_eq!(value["version"].as_u64(), Some(u64::from(daemon)));
                }
                Err(ClientError::Malformed(m)) => {
                    prop_assert!(!m.is_empty() || line.trim().is_empty());
                }
                Err(e) => prop_assert!(false, "unexpected error {e}"),
            }
            Ok(())
        },
    );
}
