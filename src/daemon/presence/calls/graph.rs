//! Reading PipeWire's graph as `pw-dump` writes it (a JSON array of objects): what it says of
//! calls. Pure. The output is read object by object as it comes ([`Graph::feed`]), keeping only
//! the capture streams that run and the clients' names, so that a large graph (a desktop's is
//! a few hundred kilobytes) never sits in memory whole.

use serde::Deserialize;
use serde_json::Value;

use super::{Capture, InCall, name};

/// What `pw-dump` wrote that is not a graph.
#[derive(Debug, thiserror::Error)]
pub enum Garbage {
    /// Not an array of objects, from the byte given on.
    #[error("not a JSON array of objects, at byte {0}")]
    Shape(usize),
    /// An object of it is not JSON, or not of the shape read.
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    /// The output ends inside the array.
    #[error("the output ends before the array does")]
    Truncated,
}

/// A graph being read.
#[derive(Default)]
pub struct Graph {
    split: Split,
    /// The capture streams that run, in the order they came.
    streams: Vec<Stream>,
    /// The clients, by id: the names they give themselves.
    clients: Vec<(Value, Names)>,
}

/// A capture stream that runs.
struct Stream {
    capture: Capture,
    /// Its own names.
    names: Names,
    /// Its `node.name`.
    node: Option<String>,
    /// Its client's id.
    client: Value,
}

/// `application.name` and `application.process.binary`, as names.
#[derive(Default)]
struct Names {
    app: Option<String>,
    binary: Option<String>,
}

impl Names {
    fn of(props: &Props) -> Names {
        Names {
            app: text(&props.name),
            binary: text(&props.binary),
        }
    }

    fn first(&self) -> Option<&String> {
        self.app.as_ref().or(self.binary.as_ref())
    }
}

/// One object of the graph, with only what is read of it. Every field may be missing or of any
/// type (PipeWire prints a property that looks like a number as one).
#[derive(Deserialize)]
struct Object {
    #[serde(default)]
    id: Value,
    #[serde(rename = "type", default)]
    kind: Value,
    #[serde(default)]
    info: Option<Info>,
}

#[derive(Deserialize, Default)]
struct Info {
    #[serde(default)]
    state: Value,
    #[serde(default)]
    props: Option<Props>,
}

#[derive(Deserialize, Default)]
struct Props {
    #[serde(rename = "media.class", default)]
    class: Value,
    #[serde(rename = "application.name", default)]
    name: Value,
    #[serde(rename = "application.process.binary", default)]
    binary: Value,
    #[serde(rename = "node.name", default)]
    node: Value,
    #[serde(rename = "client.id", default)]
    client: Value,
    #[serde(rename = "stream.monitor", default)]
    monitor: Value,
}

const NODE: &str = "PipeWire:Interface:Node";
const CLIENT: &str = "PipeWire:Interface:Client";

/// What a whole `pw-dump` graph says: see [`Graph::finish`].
pub fn parse(json: &[u8]) -> Result<Option<InCall>, Garbage> {
    let mut graph = Graph::default();
    graph.feed(json)?;
    graph.finish()
}

impl Graph {
    /// Reads the next `bytes` of the output.
    pub fn feed(&mut self, bytes: &[u8]) -> Result<(), Garbage> {
        let Graph {
            split,
            streams,
            clients,
        } = self;
        split.feed(bytes, |object| {
            let object: Object = serde_json::from_slice(object)?;
            let Some(info) = object.info else {
                return Ok(());
            };
            let Some(props) = info.props else {
                return Ok(());
            };
            if object.kind == CLIENT {
                clients.push((object.id, Names::of(&props)));
            } else if object.kind == NODE && info.state == "running" {
                let capture = match props.class.as_str() {
                    Some("Stream/Input/Audio") => Capture::Microphone,
                    Some("Stream/Output/Video") => Capture::ScreenCast,
                    Some("Stream/Input/Video") => Capture::Camera,
                    _ => return Ok(()),
                };
                // A stream that only meters levels (a volume meter's) records nothing.
                if props.monitor == true || props.monitor == "true" {
                    return Ok(());
                }
                streams.push(Stream {
                    capture,
                    names: Names::of(&props),
                    node: text(&props.node),
                    client: props.client,
                });
            }
            Ok(())
        })
    }

    /// The call the graph shows, the most telling capture first (a microphone, then a screen
    /// cast, then a camera), named by `application.name`, else `application.process.binary`,
    /// else the same of its client, else `node.name`; `None` when nothing is captured.
    pub fn finish(self) -> Result<Option<InCall>, Garbage> {
        self.split.finish()?;
        let Some(stream) = self.streams.iter().min_by_key(|s| s.capture) else {
            return Ok(None);
        };
        let client = self
            .clients
            .iter()
            .find(|(id, _)| !id.is_null() && *id == stream.client)
            .and_then(|(_, names)| names.first());
        let app = stream
            .names
            .first()
            .or(client)
            .or(stream.node.as_ref())
            .cloned()
            .unwrap_or_else(|| "an unnamed application".to_owned());
        Ok(Some(InCall {
            capture: stream.capture,
            app,
        }))
    }
}

/// A property's value as a name (see [`name`]); `None` when empty, or not a string or number.
fn text(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => name(s),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// Where the splitter is in the array.
#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Before its `[`.
    #[default]
    Before,
    /// Inside it.
    Inside,
    /// After its `]`.
    After,
}

/// Splits a JSON array into its elements, which must be objects, as its bytes come: only the
/// object being read is kept.
#[derive(Default)]
struct Split {
    place: Place,
    /// The object read so far (empty between objects).
    object: Vec<u8>,
    /// Brackets open inside the object.
    depth: usize,
    /// Inside a string of the object, and just after a backslash in it.
    string: bool,
    escaped: bool,
    /// Bytes fed so far, for errors.
    offset: usize,
}

impl Split {
    /// Feeds `bytes`, handing `each` every object completed.
    fn feed(
        &mut self,
        bytes: &[u8],
        mut each: impl FnMut(&[u8]) -> Result<(), Garbage>,
    ) -> Result<(), Garbage> {
        for &b in bytes {
            self.offset += 1;
            if self.depth > 0 {
                self.object.push(b);
                if self.string {
                    match (self.escaped, b) {
                        (true, _) => self.escaped = false,
                        (false, b'\\') => self.escaped = true,
                        (false, b'"') => self.string = false,
                        _ => {}
                    }
                    continue;
                }
                match b {
                    b'"' => self.string = true,
                    b'{' | b'[' => self.depth += 1,
                    b'}' | b']' => {
                        self.depth -= 1;
                        if self.depth == 0 {
                            each(&self.object)?;
                            self.object.clear();
                        }
                    }
                    _ => {}
                }
                continue;
            }
            match (self.place, b) {
                (_, b' ' | b'\n' | b'\r' | b'\t') | (Place::Inside, b',') => {}
                (Place::Before, b'[') => self.place = Place::Inside,
                (Place::Inside, b'{') => {
                    self.object.push(b);
                    self.depth = 1;
                }
                (Place::Inside, b']') => self.place = Place::After,
                _ => return Err(Garbage::Shape(self.offset - 1)),
            }
        }
        Ok(())
    }

    /// Checks that the array was complete.
    fn finish(&self) -> Result<(), Garbage> {
        if self.place == Place::After {
            Ok(())
        } else {
            Err(Garbage::Truncated)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::daemon::presence::calls::MAX_NAME;

    const MIC_AND_CAMERA: &str = include_str!("../../../../tests/data/pw-dump/mic-and-camera.json");
    const IDLE: &str = include_str!("../../../../tests/data/pw-dump/idle.json");

    fn call(capture: Capture, app: &str) -> InCall {
        InCall {
            capture,
            app: app.to_owned(),
        }
    }

    #[test]
    fn a_real_graph_with_a_recorded_microphone_and_a_consumed_camera_names_the_microphone() {
        // pw-record on a virtual source, and gst-launch-1.0's pipewiresrc on a fake camera.
        assert_eq!(
            parse(MIC_AND_CAMERA.as_bytes()).unwrap(),
            Some(call(Capture::Microphone, "pw-record"))
        );
        // The same graph with the recorder gone: the camera's consumer, named by its node (it
        // has no application.name of its own), with its client's name as the fallback.
        let without_mic: Vec<Value> = serde_json::from_str::<Vec<Value>>(MIC_AND_CAMERA)
            .unwrap()
            .into_iter()
            .filter(|o| o["info"]["props"]["media.class"] != "Stream/Input/Audio")
            .collect();
        let json = serde_json::to_vec(&without_mic).unwrap();
        assert_eq!(
            parse(&json).unwrap(),
            Some(call(Capture::Camera, "gst-launch-1.0"))
        );
    }

    #[test]
    fn a_real_gnome_shell_screen_cast_names_the_shell() {
        // GNOME Shell 43's stream of the monitor (Mutter's ScreenCast), consumed by
        // pipewiresrc: the source is named before its consumer, by its client.
        let json = include_bytes!("../../../../tests/data/pw-dump/screen-cast.json");
        assert_eq!(
            parse(json).unwrap(),
            Some(call(Capture::ScreenCast, "gnome-shell"))
        );
    }

    #[test]
    fn a_real_graph_with_nothing_captured_shows_no_call() {
        // The virtual microphone and the fake camera are there, idle, with no stream on them.
        assert_eq!(parse(IDLE.as_bytes()).unwrap(), None);
        assert_eq!(parse(b"[]").unwrap(), None);
    }

    fn node(id: u64, state: &str, props: &Value) -> Value {
        serde_json::json!({"id": id, "type": NODE, "info": {"state": state, "props": props}})
    }

    #[test]
    fn only_running_capture_streams_count_and_the_most_telling_is_named() {
        let graph = serde_json::json!([
            node(
                1,
                "idle",
                &serde_json::json!({"media.class": "Stream/Input/Audio", "application.name": "Idle"})
            ),
            node(
                2,
                "running",
                &serde_json::json!({"media.class": "Stream/Output/Audio", "application.name": "Music"})
            ),
            node(
                3,
                "running",
                &serde_json::json!({"media.class": "Stream/Input/Audio", "stream.monitor": true, "application.name": "Meter"})
            ),
            node(
                4,
                "running",
                &serde_json::json!({"media.class": "Stream/Input/Video", "node.name": "cam-consumer"})
            ),
            node(
                5,
                "running",
                &serde_json::json!({"media.class": "Stream/Output/Video", "application.process.binary": "gnome-shell"})
            ),
            node(
                6,
                "running",
                &serde_json::json!({"media.class": "Audio/Source", "node.name": "alsa-mic"})
            ),
        ]);
        let json = serde_json::to_vec(&graph).unwrap();
        assert_eq!(
            parse(&json).unwrap(),
            Some(call(Capture::ScreenCast, "gnome-shell"))
        );
        let graph = serde_json::json!([
            node(4, "running", &serde_json::json!({"media.class": "Stream/Input/Video", "client.id": 9})),
            {"id": 9, "type": CLIENT, "info": {"props": {"application.process.binary": "zoom"}}},
            node(7, "running", &serde_json::json!({"media.class": "Stream/Input/Audio", "stream.monitor": "true"})),
        ]);
        let json = serde_json::to_vec(&graph).unwrap();
        assert_eq!(parse(&json).unwrap(), Some(call(Capture::Camera, "zoom")));
    }

    #[test]
    fn names_are_printable_and_bounded_and_odd_values_are_tolerated() {
        let long = "x".repeat(200);
        let graph = serde_json::json!([
            {"id": 1, "type": NODE, "info": null},
            {"id": 2, "type": NODE},
            {"id": 3, "type": 7, "info": {"state": 1}},
            {"type": NODE, "info": {"state": "running", "props": null}},
            node(4, "running", &serde_json::json!({"media.class": 3})),
            node(5, "running", &serde_json::json!({"media.class": "Stream/Input/Audio", "application.name": " Fire\u{1b}[31mfox\n ", "node.name": long})),
        ]);
        let json = serde_json::to_vec(&graph).unwrap();
        assert_eq!(
            parse(&json).unwrap(),
            Some(call(Capture::Microphone, "Fire[31mfox"))
        );
        let graph = serde_json::json!([node(
            5,
            "running",
            &serde_json::json!({"media.class": "Stream/Input/Audio", "application.name": "", "node.name": long})
        ),]);
        let found = parse(&serde_json::to_vec(&graph).unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(found.app, "x".repeat(MAX_NAME));
        // PipeWire prints a name that looks like a number as one.
        let graph = serde_json::json!([
            node(
                5,
                "running",
                &serde_json::json!({"media.class": "Stream/Input/Audio", "application.name": 42})
            ),
            node(
                6,
                "running",
                &serde_json::json!({"media.class": "Stream/Input/Audio"})
            ),
        ]);
        assert_eq!(
            parse(&serde_json::to_vec(&graph).unwrap()).unwrap(),
            Some(call(Capture::Microphone, "42"))
        );
        let graph = serde_json::json!([node(
            6,
            "running",
            &serde_json::json!({"media.class": "Stream/Input/Audio"})
        )]);
        assert_eq!(
            parse(&serde_json::to_vec(&graph).unwrap()).unwrap(),
            Some(call(Capture::Microphone, "an unnamed application"))
        );
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for garbage in [
            &b""[..],
            b"not json",
            b"{}",
            b"[1, 2]",
            b"[{\"info\": 3}]",
            b"[{\"type\": \"PipeWire:Interface:Node\", \"info\": {\"props\": 3}}]",
            b"[{\"id\": 1",
            &MIC_AND_CAMERA.as_bytes()[..1000],
        ] {
            assert!(
                parse(garbage).is_err(),
                "{:?}",
                String::from_utf8_lossy(garbage)
            );
        }
    }

    #[test]
    fn the_output_is_read_as_it_comes_in_pieces_of_any_size() {
        let whole = parse(MIC_AND_CAMERA.as_bytes()).unwrap();
        for size in [1, 7, 4096] {
            let mut graph = Graph::default();
            for piece in MIC_AND_CAMERA.as_bytes().chunks(size) {
                graph.feed(piece).unwrap();
            }
            assert_eq!(graph.finish().unwrap(), whole, "pieces of {size}");
        }
        // Brackets and quotes inside strings are text, not structure.
        let json = br#"[{"id": 1, "type": "PipeWire:Interface:Node", "info": {"state": "running", "props": {"media.class": "Stream/Input/Audio", "application.name": "a \"}]{[\\", "node.name": "]"}}}]"#;
        assert_eq!(
            parse(json).unwrap(),
            Some(call(Capture::Microphone, "a \"}]{[\\"))
        );
    }
}
