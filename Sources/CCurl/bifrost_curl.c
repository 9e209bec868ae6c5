#include "bifrost_curl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

// libcurl's functions, found in the library once it is open.
static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_reset)(CURL *);
    void (*easy_cleanup)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
} curl;

static int loaded;
static char load_error[512];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
#if defined(__APPLE__)
    static const char *const names[] = {"libcurl.4.dylib", "libcurl.dylib"};
#else
    static const char *const names[] = {"libcurl.so.4", "libcurl.so"};
#endif
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(load_error, sizeof load_error, "%s", reason ? reason : "libcurl.so.4 not found");
        return;
    }
#define FIND(field, symbol)                                                                      \
    if ((*(void **)&curl.field = dlsym(library, symbol)) == NULL) {                             \
        snprintf(load_error, sizeof load_error, "libcurl has no %s: it is too old", symbol); \
        return;                                                                                  \
    }
    FIND(global_init, "curl_global_init")
    FIND(easy_init, "curl_easy_init")
    FIND(easy_reset, "curl_easy_reset")
    FIND(easy_cleanup, "curl_easy_cleanup")
    FIND(easy_perform, "curl_easy_perform")
    FIND(easy_strerror, "curl_easy_strerror")
    FIND(slist_append, "curl_slist_append")
    FIND(slist_free_all, "curl_slist_free_all")
    FIND(easy_setopt, "curl_easy_setopt")
    FIND(easy_getinfo, "curl_easy_getinfo")
#undef FIND
    loaded = 1;
}

int bifrost_curl_load(void) {
    pthread_once(&load_once, load);
    return loaded;
}

const char *bifrost_curl_load_error(void) { return bifrost_curl_load() ? NULL : load_error; }

CURLcode bifrost_curl_global_init(long flags) { return bifrost_curl_load() ? curl.global_init(flags) : CURLE_FAILED_INIT; }

CURL *bifrost_curl_easy_init(void) { return bifrost_curl_load() ? curl.easy_init() : NULL; }

// The functions below take a handle or a list, which only exist once libcurl is loaded.
void bifrost_curl_easy_reset(CURL *handle) { curl.easy_reset(handle); }

void bifrost_curl_easy_cleanup(CURL *handle) { curl.easy_cleanup(handle); }

CURLcode bifrost_curl_easy_perform(CURL *handle) { return curl.easy_perform(handle); }

const char *bifrost_curl_easy_strerror(CURLcode code) {
    return bifrost_curl_load() ? curl.easy_strerror(code) : "libcurl is not loaded";
}

struct curl_slist *bifrost_curl_slist_append(struct curl_slist *list, const char *text) {
    return bifrost_curl_load() ? curl.slist_append(list, text) : NULL;
}

void bifrost_curl_slist_free_all(struct curl_slist *list) {
    if (list != NULL) curl.slist_free_all(list);
}

CURLcode bifrost_curl_setopt_long(CURL *handle, CURLoption option, long value) { return curl.easy_setopt(handle, option, value); }

CURLcode bifrost_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode bifrost_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode bifrost_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode bifrost_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode bifrost_curl_setopt_callback(CURL *handle, CURLoption option, bifrost_curl_data_callback callback) {
    return curl.easy_setopt(handle, option, callback);
}

CURLcode bifrost_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) { return curl.easy_getinfo(handle, info, value); }

CURLcode bifrost_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl.easy_getinfo(handle, info, value);
}
