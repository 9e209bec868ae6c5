#ifndef BIFROST_CLIBXML2_SHIM_H
#define BIFROST_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU, and its headers would then include ICU's,
// whose types clash with Foundation's own ICU module ("'UErrorCode' has different
// definitions in different modules"). Bifrost uses no libxml2 API that needs ICU,
// so the flag is cleared before any other libxml2 header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/c14n.h>
#include <libxml/xmlschemas.h>

// xmlFree is a global function pointer, which Swift 6 sees as shared mutable
// state; this wrapper is an ordinary function.
static inline void bifrost_xml_free(void *pointer) { xmlFree(pointer); }

#endif
