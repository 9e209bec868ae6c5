#ifndef BIFROST_CCURL_H
#define BIFROST_CCURL_H

// libcurl, loaded when first used rather than when the program starts.
//
// Linking libcurl makes every start of the program load it and the two dozen libraries it depends
// on (TLS, SSH, IDN, HTTP/2, LDAP...): `bifrost --version` took 10.8 ms linked, 5.6 ms without, on
// the 2-core machine, and most commands never send a request. So libcurl is opened with dlopen the
// first time one of these functions needs it, and each function forwards to libcurl's own.
// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: each argument
// kind has its own entry point.
//
// The types and constants are libcurl's, from its development headers.

#include <curl/curl.h>

/// Loads libcurl now if it is not loaded yet; 1 when it is there, 0 when it cannot be loaded.
int bifrost_curl_load(void);
/// Why libcurl could not be loaded (dlopen's message), or NULL.
const char *bifrost_curl_load_error(void);

CURLcode bifrost_curl_global_init(long flags);
CURL *bifrost_curl_easy_init(void);
void bifrost_curl_easy_reset(CURL *handle);
void bifrost_curl_easy_cleanup(CURL *handle);
CURLcode bifrost_curl_easy_perform(CURL *handle);
const char *bifrost_curl_easy_strerror(CURLcode code);
struct curl_slist *bifrost_curl_slist_append(struct curl_slist *list, const char *text);
void bifrost_curl_slist_free_all(struct curl_slist *list);

CURLcode bifrost_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode bifrost_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode bifrost_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode bifrost_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode bifrost_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);

typedef size_t (*bifrost_curl_data_callback)(char *data, size_t size, size_t count, void *context);
CURLcode bifrost_curl_setopt_callback(CURL *handle, CURLoption option, bifrost_curl_data_callback callback);

CURLcode bifrost_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode bifrost_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);

#endif
