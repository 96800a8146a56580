// OpenSSL's libcrypto, for the journal's SHA-256s (one per record, and the file header's): its SHA256_CTX lives on
// the caller's stack, where swift-crypto allocates a context object on the heap for every hash (docs/benchmarks.md).
// The SHA256_* functions are deprecated in OpenSSL 3 in favour of EVP, whose fetched digest and context cost more per
// short message; they remain part of the 3.x API.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

/// SHA-256 of `count` bytes at `data` into `digest` (32 bytes); 0 if libcrypto failed.
static inline int heartdesk_sha256(const void *data, size_t count, unsigned char *digest) {
    SHA256_CTX context;
    if (SHA256_Init(&context) != 1) return 0;
    if (SHA256_Update(&context, data, count) != 1) return 0;
    return SHA256_Final(digest, &context);
}
