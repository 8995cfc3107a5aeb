/* expat_config.h for Debian's expat 2.5.0 built for wasm32-wasi (guests/build.sh, build_debian_expat).
 *
 * This is the header expat's own configure step generates (expat_config.h.cmake, with the answers CMake's
 * ConfigureChecks.cmake gives for wasi-libc and the CMakeLists.txt defaults EXPAT_DTD=ON, EXPAT_NS=ON,
 * EXPAT_CONTEXT_BYTES=1024), written out because the cross-compile has no configure run. It is a build input, not a
 * change to the library's sources. Entropy for the hash salt: wasi-libc has arc4random_buf (over WASI random_get),
 * so neither /dev/urandom nor XML_POOR_ENTROPY is needed. */
#ifndef EXPAT_CONFIG_H
#define EXPAT_CONFIG_H 1

#define BYTEORDER 1234
#define HAVE_ARC4RANDOM_BUF 1
#define HAVE_FCNTL_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_MEMORY_H 1
#define HAVE_STDINT_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRINGS_H 1
#define HAVE_STRING_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_UNISTD_H 1
#define PACKAGE "expat"
#define PACKAGE_BUGREPORT "expat-bugs@libexpat.org"
#define PACKAGE_NAME "expat"
#define PACKAGE_STRING "expat 2.5.0"
#define PACKAGE_TARNAME "expat"
#define PACKAGE_URL ""
#define PACKAGE_VERSION "2.5.0"
#define STDC_HEADERS 1
#define XML_CONTEXT_BYTES 1024
#define XML_DTD 1
#define XML_NS 1

#endif /* EXPAT_CONFIG_H */
