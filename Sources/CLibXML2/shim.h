#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
/* libxml2, the XML parser and canonicaliser behind the KMS module (TS 33.180
   Annex D documents and their XML-DSig signatures). Only the KMS target calls
   into this module. The helpers below are the pieces Swift cannot write
   directly: xmlFree is a function-pointer variable (or a macro), and the
   C14N visibility callback is a C function pointer. */
#include <stdlib.h>
#include <string.h>
/* Debian's libxml2 is built with ICU, and its encoding.h then includes the
   system's <unicode/ucnv.h>, whose enums clash with the ICU that Foundation
   carries (_FoundationICU) in any Swift module importing both. Nothing here
   uses libxml2's ICU converter fields (handlers are only ever passed by
   pointer, by libxml2 itself), so the ICU part of its headers is left out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/c14n.h>
#include <libxml/xmlsave.h>

/* Frees memory that libxml2 allocated (xmlNodeGetContent, xmlGetProp). */
static inline void cxml_free(void *pointer) { xmlFree(pointer); }

/* Whether `node` is `root` or lies below it. */
static inline int cxml_is_within(xmlNodePtr node, xmlNodePtr root) {
    for (; node != NULL; node = node->parent) {
        if (node == root) return 1;
    }
    return 0;
}

/* The node set of a same-document reference to `apex` with the
   enveloped-signature transform (XML-DSig 1.0 §4.3.3.3, §6.6.4): `apex` and
   its descendants with their attributes and in-scope namespaces, no comments,
   less the subtree of `excluded` (the Signature element; NULL for none). */
typedef struct {
    xmlNodePtr apex;
    xmlNodePtr excluded;
} cxml_c14n_scope;

static inline int cxml_c14n_is_visible(void *data, xmlNodePtr node, xmlNodePtr parent) {
    const cxml_c14n_scope *scope = (const cxml_c14n_scope *)data;
    if (node == NULL) return 0;
    /* A namespace node (xmlNs shares xmlNode's leading `type` field) belongs
       to the element it is in scope on, which libxml2 passes as `parent`. */
    xmlNodePtr owner = node->type == XML_NAMESPACE_DECL ? parent : node;
    if (node->type == XML_COMMENT_NODE) return 0;
    if (!cxml_is_within(owner, scope->apex)) return 0;
    if (scope->excluded != NULL && cxml_is_within(owner, scope->excluded)) return 0;
    return 1;
}

/* Inclusive C14N 1.0 without comments of that node set, canonicalised in
   place in `doc` (a copied subtree would lose its inherited namespaces or
   gain xmlns=""). Returns the length and a malloc'd buffer in *out (the
   caller frees it with free), or -1. */
static inline long cxml_c14n(xmlDocPtr doc, xmlNodePtr apex, xmlNodePtr excluded, unsigned char **out) {
    cxml_c14n_scope scope = { apex, excluded };
    *out = NULL;
    xmlOutputBufferPtr buffer = xmlAllocOutputBuffer(NULL);
    if (buffer == NULL) return -1;
    int written = xmlC14NExecute(doc, cxml_c14n_is_visible, &scope, XML_C14N_1_0, NULL, 0, buffer);
    if (written < 0) {
        xmlOutputBufferClose(buffer);
        return -1;
    }
    xmlOutputBufferFlush(buffer);
    size_t size = xmlOutputBufferGetSize(buffer);
    const xmlChar *content = xmlOutputBufferGetContent(buffer);
    unsigned char *copy = malloc(size > 0 ? size : 1);
    if (copy == NULL) {
        xmlOutputBufferClose(buffer);
        return -1;
    }
    if (size > 0) memcpy(copy, content, size);
    xmlOutputBufferClose(buffer);
    *out = copy;
    return (long)size;
}

#endif
