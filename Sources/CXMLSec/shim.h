#ifndef BIFROST_CXMLSEC_SHIM_H
#define BIFROST_CXMLSEC_SHIM_H

// As in CLibXML2: Debian's libxml2 headers would pull ICU's, whose types clash with Foundation's.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>

// The compile flags `pkg-config --cflags xmlsec1` gives: xmlsec's structures (xmlSecDSigCtx's fields,
// xmlSecSize) are laid out by them, and the Swift importer does not receive a system library's -D flags.
#ifndef XMLSEC_NO_SIZE_T
#define XMLSEC_NO_SIZE_T
#endif
#ifndef XMLSEC_CRYPTO_OPENSSL
#define XMLSEC_CRYPTO_OPENSSL 1
#endif
#ifndef XMLSEC_OPENSSL3_ENGINES
#define XMLSEC_OPENSSL3_ENGINES 1
#endif
#ifndef XMLSEC_NO_GOST
#define XMLSEC_NO_GOST 1
#endif
#ifndef XMLSEC_NO_GOST2012
#define XMLSEC_NO_GOST2012 1
#endif
#ifndef XMLSEC_NO_CRYPTO_DYNAMIC_LOADING
#define XMLSEC_NO_CRYPTO_DYNAMIC_LOADING 1
#endif
#ifndef __XMLSEC_FUNCTION__
#define __XMLSEC_FUNCTION__ __func__
#endif

#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/transforms.h>
#include <xmlsec/errors.h>
#include <xmlsec/openssl/app.h>
#include <xmlsec/openssl/crypto.h>

// xmlsec's crypto functions are reached through macros (xmlSecCryptoAppKeyLoadMemory, ...) and its
// transform ids are macros calling a function; Swift imports neither, so these wrappers name them.

static void bifrost_xmlsec_silent(const char *file, int line, const char *func, const char *errorObject,
                                  const char *errorSubject, int reason, const char *msg) {
    (void)file; (void)line; (void)func; (void)errorObject; (void)errorSubject; (void)reason; (void)msg;
}

/// Initializes xmlsec and its OpenSSL engine once per process; 0 on success. Its errors are not printed:
/// the caller reports the outcome.
static inline int bifrost_xmlsec_init(void) {
    if (xmlSecInit() < 0) return -1;
    if (xmlSecCheckVersion() != 1) return -2;
    if (xmlSecOpenSSLAppInit(NULL) < 0) return -3;
    if (xmlSecOpenSSLInit() < 0) return -4;
    xmlSecErrorsSetCallback(bifrost_xmlsec_silent);
    return 0;
}

/// xmlFree is a global function pointer, shared mutable state to Swift 6; this is a function.
static inline void bifrost_xmlsec_free(void *pointer) { xmlFree(pointer); }

/// The outcome of `bifrost_xmlsec_verify`.
enum {
    BIFROST_XMLSEC_VALID = 1,
    BIFROST_XMLSEC_INVALID = 0,
    BIFROST_XMLSEC_UNPROCESSABLE = -1,
    BIFROST_XMLSEC_BAD_CERTIFICATE = -2,
};

/// Verifies the XML signature `signature` with the public key of the PEM certificate `pem` alone
/// (a certificate in the signature's KeyInfo is not trusted). Only same-document references, the
/// enveloped-signature and canonicalization transforms, SHA-1/SHA-2 digests and RSA signatures are
/// allowed: no XSLT, no XPath, no remote URI. On return `*uri` holds the URI of the signature's one
/// reference (NULL when it has another count; free it with bifrost_xmlsec_free).
static inline int bifrost_xmlsec_verify(xmlNodePtr signature, const unsigned char *pem, unsigned int size,
                                        xmlChar **uri) {
    *uri = NULL;
    xmlSecKeyPtr key = xmlSecOpenSSLAppKeyLoadMemory(pem, size, xmlSecKeyDataFormatCertPem, NULL, NULL, NULL);
    if (key == NULL) return BIFROST_XMLSEC_BAD_CERTIFICATE;
    xmlSecDSigCtxPtr ctx = xmlSecDSigCtxCreate(NULL);
    if (ctx == NULL) {
        xmlSecKeyDestroy(key);
        return BIFROST_XMLSEC_UNPROCESSABLE;
    }
    ctx->signKey = key;
    ctx->enabledReferenceUris = xmlSecTransformUriTypeEmpty | xmlSecTransformUriTypeSameDocument;
    xmlSecTransformId c14n[] = {
        xmlSecTransformInclC14NId, xmlSecTransformInclC14NWithCommentsId, xmlSecTransformExclC14NId,
        xmlSecTransformExclC14NWithCommentsId,
    };
    xmlSecTransformId digests[] = {
        xmlSecOpenSSLTransformSha1Id, xmlSecOpenSSLTransformSha256Id, xmlSecOpenSSLTransformSha384Id,
        xmlSecOpenSSLTransformSha512Id,
    };
    xmlSecTransformId signatures[] = {
        xmlSecOpenSSLTransformRsaSha1Id, xmlSecOpenSSLTransformRsaSha256Id, xmlSecOpenSSLTransformRsaSha384Id,
        xmlSecOpenSSLTransformRsaSha512Id,
    };
    int enabled = 0;
    for (int i = 0; i < 4; i++) {
        enabled |= xmlSecDSigCtxEnableSignatureTransform(ctx, c14n[i]);
        enabled |= xmlSecDSigCtxEnableSignatureTransform(ctx, signatures[i]);
        enabled |= xmlSecDSigCtxEnableReferenceTransform(ctx, c14n[i]);
        enabled |= xmlSecDSigCtxEnableReferenceTransform(ctx, digests[i]);
    }
    enabled |= xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformEnvelopedId);
    int result = BIFROST_XMLSEC_UNPROCESSABLE;
    if (enabled >= 0 && xmlSecDSigCtxVerify(ctx, signature) >= 0) {
        result = ctx->status == xmlSecDSigStatusSucceeded ? BIFROST_XMLSEC_VALID : BIFROST_XMLSEC_INVALID;
        if (xmlSecPtrListGetSize(&ctx->signedInfoReferences) == 1) {
            xmlSecDSigReferenceCtxPtr reference = (xmlSecDSigReferenceCtxPtr)xmlSecPtrListGetItem(&ctx->signedInfoReferences, 0);
            if (reference != NULL && reference->uri != NULL) *uri = xmlStrdup(reference->uri);
        }
    }
    xmlSecDSigCtxDestroy(ctx);
    return result;
}

/// Registers the `ID` attributes of the document (SAML's), so that `#id` references find their element.
static inline void bifrost_xmlsec_add_ids(xmlDocPtr doc) {
    static const xmlChar *names[] = {(const xmlChar *)"ID", NULL};
    xmlSecAddIDs(doc, xmlDocGetRootElement(doc), names);
}

#endif
