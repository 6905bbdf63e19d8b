//! The CLI's allocator on Linux: mimalloc, and transparent huge pages for the few blocks of 256 KiB
//! and more.
//!
//! Those blocks are the jieba dictionary's trie and word table and the models' tables (13 blocks in a
//! `classify` run, all made at start-up): built once, then read at random for every comment. With 4 KiB
//! pages those reads miss the TLB, and on a virtual machine each miss is a two-level page walk.
//! Everything else (a few short strings per comment) stays on mimalloc without huge pages: when
//! mimalloc's own arenas used them, each huge-page fault on a fragmented machine compacted memory
//! first and a run took 10–25% longer (BENCHMARKS.md).

use std::alloc::{GlobalAlloc, Layout};

/// The huge page: mappings are aligned to it and sized in it.
const HUGE: usize = 2 << 20;
/// Blocks from this size on get their own mapping (a 256 KiB table costs a whole 2 MiB page).
const BIG: usize = 256 << 10;

pub struct Alloc;

fn is_big(size: usize, align: usize) -> bool {
    size >= BIG && align <= HUGE
}

fn mapped_len(size: usize) -> usize {
    size.div_ceil(HUGE) * HUGE
}

/// A 2 MiB-aligned private mapping of `mapped_len(size)` bytes (zeroed), advised for huge pages.
unsafe fn map(size: usize) -> *mut u8 {
    let len = mapped_len(size);
    // Over-map by one huge page so an aligned start exists, then give the slack back.
    let raw = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len + HUGE,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if raw == libc::MAP_FAILED {
        return std::ptr::null_mut();
    }
    let start = raw as usize;
    let aligned = start.next_multiple_of(HUGE);
    unsafe {
        if aligned > start {
            libc::munmap(raw, aligned - start);
        }
        let tail = start + len + HUGE - (aligned + len);
        if tail > 0 {
            libc::munmap((aligned + len) as *mut libc::c_void, tail);
        }
        // Advice only: without it the block works the same on 4 KiB pages.
        libc::madvise(aligned as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
    }
    aligned as *mut u8
}

/// A small block from mimalloc. Its `GlobalAlloc` always takes the aligned entry point; `mi_malloc`,
/// the shorter path, is enough up to an alignment of 8 (every block size is a multiple of 8; a
/// 24-byte block is not 16-aligned). Almost every block is a string or a vector of words: callgrind,
/// 50,000 comments: −170 instructions per comment.
fn small(layout: Layout) -> *mut u8 {
    if layout.align() <= 8 {
        unsafe { libmimalloc_sys::mi_malloc(layout.size()) as *mut u8 }
    } else {
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }
}

unsafe impl GlobalAlloc for Alloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if is_big(layout.size(), layout.align()) { unsafe { map(layout.size()) } } else { small(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if is_big(layout.size(), layout.align()) {
            unsafe { map(layout.size()) } // anonymous mappings are zeroed
        } else {
            unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if is_big(layout.size(), layout.align()) {
            unsafe { libc::munmap(ptr as *mut libc::c_void, mapped_len(layout.size())) };
        } else {
            unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let (old_big, new_big) = (is_big(layout.size(), layout.align()), is_big(new_size, layout.align()));
        if !old_big && !new_big {
            return unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) };
        }
        if old_big && new_big && mapped_len(new_size) == mapped_len(layout.size()) {
            return ptr;
        }
        // Crossing the line or changing the mapping: a new block and a copy (a handful of times, while
        // the dictionary is built).
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            unsafe {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        new
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    unsafe fn filled(a: &Alloc, size: usize, byte: u8) -> *mut u8 {
        let p = unsafe { a.alloc(Layout::from_size_align(size, 8).unwrap()) };
        assert!(!p.is_null());
        unsafe { std::ptr::write_bytes(p, byte, size) };
        p
    }

    #[test]
    fn big_blocks_are_aligned_zeroed_and_keep_their_bytes_when_resized() {
        let a = Alloc;
        unsafe {
            let z = a.alloc_zeroed(Layout::from_size_align(3 << 20, 64).unwrap());
            assert_eq!(z as usize % HUGE, 0);
            assert!(std::slice::from_raw_parts(z, 3 << 20).iter().all(|&b| b == 0));
            a.dealloc(z, Layout::from_size_align(3 << 20, 64).unwrap());

            // small -> big -> bigger (same mapping) -> much bigger (new mapping) -> small
            let mut size = 100 << 10;
            let mut p = filled(&a, size, 7);
            for next in [BIG + 1, HUGE - 1, 5 * HUGE + 3, 1000] {
                let q = a.realloc(p, Layout::from_size_align(size, 8).unwrap(), next);
                assert!(!q.is_null());
                let kept = size.min(next);
                assert!(std::slice::from_raw_parts(q, kept).iter().all(|&b| b == 7), "{size} -> {next}");
                std::ptr::write_bytes(q, 7, next);
                (p, size) = (q, next);
            }
            a.dealloc(p, Layout::from_size_align(size, 8).unwrap());
        }
    }

    #[test]
    fn small_blocks_and_large_alignments_stay_with_mimalloc() {
        assert!(!is_big(BIG - 1, 8));
        assert!(is_big(BIG, 8));
        assert!(!is_big(BIG, 2 * HUGE));
        assert_eq!(mapped_len(1), HUGE);
        assert_eq!(mapped_len(HUGE + 1), 2 * HUGE);
    }
}
