#if canImport(Glibc)
import CMalloc
#endif

/// How the C allocator is set for one batch job (`capwatch analyze`), which allocates and frees
/// buffers of megabytes many times over (each group's columns, the files' write buffers).
///
/// By default glibc gives every allocation of 128 KiB or more (a threshold it raises as such
/// blocks are freed, up to 32 MiB) its own `mmap`, and returns freed memory at the top of the
/// heap to the system beyond twice that threshold: the next buffer then costs page faults, the
/// kernel zeroing every page again. Measured on the 10⁶-position benchmark input: 47,500 minor
/// page faults and 0.37 s of system time by default, 22,000 and 0.19 s with the settings below,
/// for 18 MB more peak memory (`MALLOC_MMAP_THRESHOLD_` / `MALLOC_TRIM_THRESHOLD_` in the
/// environment, `/usr/bin/time`); on the 10⁷ input, 2.56 → 1.66 s of system time, 6 MB more.
/// Not used by long-running commands (`serve`), which should hand memory back.
enum BatchAllocator {
    /// Blocks below 32 MiB come from the heap (`M_MMAP_THRESHOLD`), and up to 256 MiB of freed
    /// heap is kept for reuse (`M_TRIM_THRESHOLD`); see `mallopt(3)`. Does nothing where the C
    /// library is not glibc.
    static func configure() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        #endif
    }
}
