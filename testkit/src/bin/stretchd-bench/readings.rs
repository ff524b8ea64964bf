//! What the benchmarks read about a process in `/proc`: the fields of its `status`, its context
//! switches summed over its threads, its memory split by mapping (`smaps`, `smaps_rollup`).

use std::path::Path;

/// Context switches summed over every thread of a process, and how many threads there were.
#[derive(Debug, Clone, Copy)]
pub struct Switches {
    /// `voluntary_ctxt_switches`: the thread slept (a wakeup follows each).
    pub voluntary: u64,
    /// `nonvoluntary_ctxt_switches`: the thread was preempted.
    pub nonvoluntary: u64,
    /// How many threads were read.
    pub threads: usize,
}

impl Switches {
    /// Both kinds.
    pub fn total(self) -> u64 {
        self.voluntary + self.nonvoluntary
    }
}

/// The number (a count, or kB) of field `name` in a `/proc` status-like text: `Name:   123 kB`.
fn field(text: &str, name: &str) -> Option<u64> {
    text.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        (key == name).then(|| value.split_whitespace().next()?.parse().ok())?
    })
}

/// Field `name` (`VmRSS`, `VmHWM`, `RssAnon`, `Threads`) of `/proc/PID/status`.
pub fn status(pid: u32, name: &str) -> u64 {
    let path = format!("/proc/{pid}/status");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    field(&text, name).unwrap_or_else(|| panic!("{path} has no {name}"))
}

/// The context switches of process `pid`, summed over `/proc/PID/task/*/status` (a thread that
/// ends while they are read is left out).
pub fn switches(pid: u32) -> Switches {
    let mut sum = Switches {
        voluntary: 0,
        nonvoluntary: 0,
        threads: 0,
    };
    for task in tasks(pid) {
        let Ok(text) = std::fs::read_to_string(task.join("status")) else {
            continue;
        };
        sum.voluntary += field(&text, "voluntary_ctxt_switches").unwrap_or(0);
        sum.nonvoluntary += field(&text, "nonvoluntary_ctxt_switches").unwrap_or(0);
        sum.threads += 1;
    }
    sum
}

/// The directories `/proc/PID/task/TID`, by thread id.
fn tasks(pid: u32) -> Vec<std::path::PathBuf> {
    let dir = format!("/proc/{pid}/task");
    let mut tasks: Vec<(u32, std::path::PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .filter_map(|e| Some((e.file_name().to_str()?.parse().ok()?, e.path())))
        .collect();
    tasks.sort();
    tasks.into_iter().map(|(_, path)| path).collect()
}

/// The names of the threads of `pid` (their `comm`), by thread id, joined with commas.
pub fn thread_names(pid: u32) -> String {
    tasks(pid)
        .iter()
        .filter_map(|task| std::fs::read_to_string(task.join("comm")).ok())
        .map(|name| name.trim().to_owned())
        .collect::<Vec<_>>()
        .join(",")
}

/// The resident file-backed memory of `pid` in kB: the pages of the file `own` (its binary), and
/// those of every other file (the shared libraries), from `/proc/PID/smaps`.
pub fn file_rss(pid: u32, own: &Path) -> (u64, u64) {
    let path = format!("/proc/{pid}/smaps");
    let smaps = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let own = own.to_string_lossy();
    let (mut own_kb, mut libs_kb) = (0, 0);
    // The file of the mapping the lines below belong to: "" for anonymous ones.
    let mut file = String::new();
    for line in smaps.lines() {
        let mut words = line.split_whitespace();
        let first = words.next().unwrap_or("");
        if first.contains('-') && first.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            words.nth(4).unwrap_or("").clone_into(&mut file);
        } else if first == "Rss:" && !file.is_empty() && !file.starts_with('[') {
            let kb: u64 = words.next().and_then(|v| v.parse().ok()).unwrap_or(0);
            if file == own {
                own_kb += kb;
            } else {
                libs_kb += kb;
            }
        }
    }
    (own_kb, libs_kb)
}

/// `/proc/PID/smaps_rollup`, and from it the proportional set size and the unique one (the
/// pages only this process maps: `Private_Clean` + `Private_Dirty`), in kB.
pub fn rollup(pid: u32) -> (String, u64, u64) {
    let path = format!("/proc/{pid}/smaps_rollup");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let pss = field(&text, "Pss").unwrap_or(0);
    let uss =
        field(&text, "Private_Clean").unwrap_or(0) + field(&text, "Private_Dirty").unwrap_or(0);
    (text, pss, uss)
}

/// `bytes` in MiB, to two decimals.
pub fn mib(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)] // exact below 2^53 bytes
    let mib = bytes as f64 / 1_048_576.0;
    format!("{mib:.2}")
}

/// The median of `values` (the mean of the middle two for an even count); `values` is sorted.
pub fn median(values: &mut [f64]) -> f64 {
    assert!(!values.is_empty(), "no values");
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 0 {
        f64::midpoint(values[mid - 1], values[mid])
    } else {
        values[mid]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_by_exact_name() {
        let text = "VmHWM:\t    5272 kB\nVmRSS:\t    5200 kB\nvoluntary_ctxt_switches:\t7\n\
                    nonvoluntary_ctxt_switches:\t2\n";
        assert_eq!(field(text, "VmRSS"), Some(5200));
        assert_eq!(field(text, "voluntary_ctxt_switches"), Some(7));
        assert_eq!(field(text, "nonvoluntary_ctxt_switches"), Some(2));
        assert_eq!(field(text, "Rss"), None);
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert!((median(&mut [3.0, 1.0, 2.0]) - 2.0).abs() < f64::EPSILON);
        assert!((median(&mut [4.0, 1.0, 3.0, 2.0]) - 2.5).abs() < f64::EPSILON);
    }
}
