//! Links `stretchd-daemon` as a position-dependent executable. A position-independent one has
//! its relocated constants (vtables, pointers to static data: about 88 kB) written at load into
//! private anonymous pages that stay resident all session; at a fixed address they are clean
//! pages of the file. The libraries, the stack and the heap stay randomized; the daemon's code
//! forbids `unsafe` (`BENCHMARKS.md`, "Footprint under `KWin`").

fn main() {
    println!("cargo:rustc-link-arg-bin=stretchd-daemon=-no-pie");
    println!("cargo:rerun-if-changed=build.rs");
}
