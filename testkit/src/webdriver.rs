//! A real browser for the stretch card's tests: headless Chromium driven by chromedriver over
//! the W3C `WebDriver` protocol, spoken here over a plain `TcpStream` with `serde_json` (a few
//! HTTP/1.1 requests with `Connection: close`; no HTTP or `WebDriver` crate).

use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The browser.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Its `WebDriver` server.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// What to install when they are missing.
pub const INSTALL: &str =
    "install chromium and chromium-driver (Debian: `apt-get install chromium chromium-driver`)";

/// Whether Chromium and chromedriver are installed. If not, `test` is skipped with a loud note
/// (this returns false), or fails under `STRETCHD_REQUIRE_CHROMIUM` (set by `.ci/run`).
pub fn chromium_present(test: &str) -> bool {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .filter(|p| !Path::new(p).is_file())
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("STRETCHD_REQUIRE_CHROMIUM").is_none(),
        "STRETCHD_REQUIRE_CHROMIUM is set but {missing:?} is missing: {INSTALL}"
    );
    eprintln!("SKIPPED {test}: {missing:?} not found; {INSTALL}");
    false
}

/// A chromedriver process on a free local port; killed on drop.
pub struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    /// Starts chromedriver and waits (at most 10 s) until it reports ready.
    pub fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("cannot start chromedriver");
        let driver = Driver { child, port };
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Ok((200, status)) = driver.request("GET", "/status", None)
                && status["value"]["ready"] == true
            {
                return driver;
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not get ready on port {port} within 10 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// One HTTP request; returns the status code and the JSON body.
    fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> std::io::Result<(u16, Value)> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(Duration::from_secs(60)))?;
        let body = body.map(Value::to_string).unwrap_or_default();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        )?;
        // chromedriver keeps the connection open: read the header, then Content-Length bytes.
        let mut raw = Vec::new();
        let mut buf = [0u8; 16 * 1024];
        let (head, body_at) = loop {
            let n = stream.read(&mut buf)?;
            if n == 0 {
                return Err(std::io::Error::other("chromedriver closed the connection"));
            }
            raw.extend_from_slice(&buf[..n]);
            if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
                break (String::from_utf8_lossy(&raw[..at]).into_owned(), at + 4);
            }
        };
        let code = head
            .split(' ')
            .nth(1)
            .and_then(|c| c.parse().ok())
            .ok_or_else(|| std::io::Error::other(format!("no status: {head}")))?;
        let header = |name: &str| {
            head.lines().find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.trim()
                    .eq_ignore_ascii_case(name)
                    .then(|| v.trim().to_owned())
            })
        };
        let chunked =
            header("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked"));
        let length: Option<usize> = header("content-length").and_then(|v| v.parse().ok());
        loop {
            let have = raw.len() - body_at;
            let complete = match length {
                Some(len) => have >= len,
                None if chunked => raw.ends_with(b"0\r\n\r\n"),
                None => false,
            };
            if complete {
                break;
            }
            let n = stream.read(&mut buf)?;
            if n == 0 {
                break;
            }
            raw.extend_from_slice(&buf[..n]);
        }
        let rest = String::from_utf8_lossy(&raw[body_at..]).into_owned();
        let payload = if chunked { unchunk(&rest) } else { rest };
        let value = serde_json::from_str(&payload).unwrap_or(Value::Null);
        Ok((code, value))
    }

    /// A new headless browser session with a window of `width` x `height` CSS pixels.
    pub fn session(&self, width: u32, height: u32) -> Session<'_> {
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--hide-scrollbars",
                         format!("--window-size={width},{height}")]
            }
        }}});
        let (code, value) = self
            .request("POST", "/session", Some(&caps))
            .expect("chromedriver: new session");
        assert_eq!(code, 200, "chromedriver refused a session: {value}");
        let id = value["value"]["sessionId"]
            .as_str()
            .expect("a session id")
            .to_owned();
        Session { driver: self, id }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The body of a chunked HTTP response.
fn unchunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if size == 0 || after.len() < size {
            break;
        }
        out.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    out
}

/// One browser session; closed on drop.
pub struct Session<'d> {
    driver: &'d Driver,
    id: String,
}

impl Session<'_> {
    /// A command of this session; panics on a `WebDriver` error, with its message.
    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let path = format!("/session/{}{path}", self.id);
        let (code, value) = self
            .driver
            .request(method, &path, body)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        assert_eq!(code, 200, "{method} {path}: {value}");
        value["value"].clone()
    }

    /// Loads `url` and waits for it (the protocol's page-load strategy "normal").
    pub fn open(&self, url: &str) {
        self.call("POST", "/url", Some(&json!({ "url": url })));
    }

    /// Emulates the desktop's colour scheme (`prefers-color-scheme: dark` or `light`) through
    /// the Chrome `DevTools` protocol.
    pub fn color_scheme(&self, scheme: &str) {
        self.call(
            "POST",
            "/goog/cdp/execute",
            Some(&json!({"cmd": "Emulation.setEmulatedMedia",
                        "params": {"features": [{"name": "prefers-color-scheme", "value": scheme}]}})),
        );
    }

    /// Runs `script` (a function body; `arguments` are `args`) in the page and returns its value.
    pub fn run(&self, script: &str, args: &[Value]) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(&json!({ "script": script, "args": args })),
        )
    }

    /// Runs `script`, which calls `arguments[arguments.length - 1]` with its result, and waits for
    /// it (at most 30 s).
    pub fn run_async(&self, script: &str, args: &[Value]) -> Value {
        self.call("POST", "/timeouts", Some(&json!({ "script": 30_000 })));
        self.call(
            "POST",
            "/execute/async",
            Some(&json!({ "script": script, "args": args })),
        )
    }

    /// The element `css` selects (panics when there is none).
    pub fn find(&self, css: &str) -> Element<'_> {
        let value = self.call(
            "POST",
            "/element",
            Some(&json!({"using": "css selector", "value": css})),
        );
        let id = value
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {css}: {value}"))
            .to_owned();
        Element { session: self, id }
    }

    /// A PNG screenshot of the viewport.
    pub fn screenshot(&self) -> Vec<u8> {
        decode_base64(
            self.call("GET", "/screenshot", None)
                .as_str()
                .unwrap_or_default(),
        )
    }

    /// Sends keys to the element that has the focus (`\u{E004}` is Tab, `\u{E00D}` Space).
    pub fn keys(&self, keys: &str) {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|c| {
                [
                    json!({"type": "keyDown", "value": c.to_string()}),
                    json!({"type": "keyUp", "value": c.to_string()}),
                ]
            })
            .collect();
        self.call(
            "POST",
            "/actions",
            Some(&json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        );
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        let _ = self
            .driver
            .request("DELETE", &format!("/session/{}", self.id), None);
    }
}

/// An element of the page.
pub struct Element<'s> {
    session: &'s Session<'s>,
    id: String,
}

impl Element<'_> {
    /// Clicks it, as a pointer would.
    pub fn click(&self) {
        self.session.call(
            "POST",
            &format!("/element/{}/click", self.id),
            Some(&json!({})),
        );
    }

    /// Its rendered text.
    pub fn text(&self) -> String {
        self.session
            .call("GET", &format!("/element/{}/text", self.id), None)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// A PNG screenshot of it.
    pub fn screenshot(&self) -> Vec<u8> {
        decode_base64(
            self.session
                .call("GET", &format!("/element/{}/screenshot", self.id), None)
                .as_str()
                .unwrap_or_default(),
        )
    }
}

/// The width and height a PNG's header gives, if `png` is one.
pub fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.len() < 24 || &png[..8] != b"\x89PNG\r\n\x1a\n" || &png[12..16] != b"IHDR" {
        return None;
    }
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    Some((be(&png[16..20]), be(&png[20..24])))
}

/// Standard base64 (what `WebDriver` sends screenshots in), decoded; invalid characters skipped.
fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for sextet in text.bytes().filter_map(value) {
        acc = (acc << 6) | u32::from(sextet);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).unwrap_or(0));
        }
    }
    out
}

/// Where the tests leave their screenshots for people to look at: `target/card-screenshots`.
pub fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/card-screenshots");
    std::fs::create_dir_all(&dir).expect("cannot create the screenshot directory");
    dir
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_and_chunks_decode() {
        assert_eq!(decode_base64("aGVsbG8gd29ybGQ="), b"hello world");
        assert_eq!(
            unchunk("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"),
            "hello world"
        );
        assert_eq!(png_size(b"not a png"), None);
    }
}
