//! Browser entry point: mounts the App into <body>. Trunk builds this binary for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Panics explained in the console in debug builds (`trunk serve`); the release build leaves the
    // hook's 1.2 kB out of the first load, and a panic there still shows as an uncaught error.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    microjam_web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("microjam-web runs in the browser: use `trunk serve` (see README.md).");
    std::process::exit(2);
}
