#ifndef BIFROST_BUILD_STAMP_H
#define BIFROST_BUILD_STAMP_H

// The commit a packaged binary was built from, stamped after the build.
//
// The stamp lives in an ELF section of its own, `.bifrost_commit`: BIFROST_STAMP_SIZE bytes, all
// zero when compiled. The build itself never sees the commit, so two builds of one tree are the same
// bytes whatever was checked out; `ci/package` writes the commit into the section of the copy it
// ships (`objcopy --update-section`), the same size, padded with zero bytes.

/// The size of the stamp section in bytes, the text included.
#define BIFROST_STAMP_SIZE 64

/// The stamped commit as a zero-terminated string, empty when the binary was not stamped.
const char *bifrost_build_commit(void);

#endif
