// glibc's sincos (a GNU extension in libm: the sine and cosine of one angle in one call, from the
// same code as sin and cos), which the Glibc module of Swift does not export.
#if defined(__GLIBC__) || defined(__linux__)
void sincos(double x, double *sine, double *cosine);
#endif
