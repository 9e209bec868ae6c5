#include "bifrost_build_stamp.h"

// `used` keeps the section even though only its address is taken; `volatile` keeps the compiler from
// reading the zeros it was compiled with instead of the bytes stamped later.
__attribute__((section(".bifrost_commit"), used, aligned(1)))
static volatile const char stamp[BIFROST_STAMP_SIZE] = {0};

const char *bifrost_build_commit(void) {
    // The last byte stays zero, so the text always ends inside the section.
    if (stamp[BIFROST_STAMP_SIZE - 1] != 0) {
        return "";
    }
    return (const char *)stamp;
}
