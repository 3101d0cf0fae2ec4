//! Records where the CPython 3.11 that builds Krait keeps its standard
//! library, as the last-but-one place Krait looks for it at run time.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=KRAIT_BUILD_PYTHON");
    let ask = "import sys, sysconfig\n\
               if sys.version_info[:2] == (3, 11): print(sysconfig.get_paths()['stdlib'])";
    let candidates = match std::env::var("KRAIT_BUILD_PYTHON") {
        Ok(p) => vec![p],
        Err(_) => vec!["python3.11".to_string(), "python3".to_string()],
    };
    for python in candidates {
        let Ok(out) = Command::new(&python).args(["-S", "-c", ask]).output() else {
            continue;
        };
        let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if out.status.success() && !path.is_empty() {
            println!("cargo:rustc-env=KRAIT_BUILD_STDLIB={path}");
            return;
        }
    }
}
