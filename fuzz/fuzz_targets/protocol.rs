//! The control protocol on any bytes: the daemon's request decoder and the client's reply
//! decoder never panic, and a request that decodes encodes and decodes to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stretchd::ipc::{decode_reply, decode_request};

fuzz_target!(|data: &[u8]| {
    let mut line = data.to_vec();
    line.push(b'\n');
    if let Ok(request) = decode_request(&line) {
        let mut again = serde_json_line(&request);
        again.push(b'\n');
        if again.len() <= stretchd::ipc::MAX_FRAME {
            assert_eq!(decode_request(&again).ok(), Some(request));
        }
    }
    let _ = decode_request(data);
    let _ = decode_reply(&String::from_utf8_lossy(data));
});

fn serde_json_line(request: &stretchd::ipc::Request) -> Vec<u8> {
    serde_json::to_vec(request).expect("a request serializes")
}
