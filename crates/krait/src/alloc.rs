//! The global allocator: mimalloc, called through its plain entry points
//! whenever the requested alignment is one it gives anyway. (The
//! `mimalloc` crate always takes the aligned path, which costs extra
//! checks on every one of the interpreter's many small allocations.)

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// Every mimalloc block is a multiple of the word size within a page
/// aligned beyond it, so word alignment holds for any block; more than
/// that (a 24-byte block is 8-aligned) needs the aligned entry points.
const NATURAL_ALIGN: usize = std::mem::size_of::<usize>();

pub struct Mimalloc;

fn natural(layout: &Layout) -> bool {
    layout.align() <= NATURAL_ALIGN && layout.align() <= layout.size()
}

// SAFETY: each method forwards to the mimalloc function with the same
// contract; the plain functions are used only when their blocks already
// have the alignment the layout asks for (see `natural`), and blocks from
// either family are freed by `mi_free`.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if natural(&layout) {
            // SAFETY: see the impl's comment.
            unsafe { mi::mi_malloc(layout.size()) as *mut u8 }
        } else {
            // SAFETY: see the impl's comment.
            unsafe { mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8 }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if natural(&layout) {
            // SAFETY: see the impl's comment.
            unsafe { mi::mi_zalloc(layout.size()) as *mut u8 }
        } else {
            // SAFETY: see the impl's comment.
            unsafe { mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8 }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator.
        unsafe { mi::mi_free(ptr as *mut c_void) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= NATURAL_ALIGN && layout.align() <= new_size {
            // SAFETY: see the impl's comment; `ptr` came from this allocator.
            unsafe { mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8 }
        } else {
            // SAFETY: as above.
            unsafe {
                mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_have_the_alignment_asked_for() {
        let a = Mimalloc;
        for (size, align) in [
            (1, 1),
            (8, 8),
            (24, 8),
            (16, 16),
            (40, 16),
            (64, 64),
            (8, 32),
        ] {
            let layout = Layout::from_size_align(size, align).unwrap();
            // SAFETY: the layouts have non-zero sizes; each block is freed
            // once, with its layout.
            unsafe {
                let p = a.alloc(layout);
                assert!(!p.is_null());
                assert_eq!(p as usize % align, 0, "size {size} align {align}");
                let q = a.realloc(p, layout, size * 3);
                assert_eq!(q as usize % align, 0);
                a.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
            }
        }
    }
}
