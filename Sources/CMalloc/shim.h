// glibc's allocator settings (mallopt), which the Glibc module of Swift does not export.
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif
