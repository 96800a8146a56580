/* Fault injection for the journal tests, built by the test itself and loaded with LD_PRELOAD.
 *
 * fdatasync and fsync fail with EIO for any file whose path contains HEARTDESK_FAIL_SYNC_PATH:
 * every call when HEARTDESK_FAIL_SYNC_MODE is "always", else only the first one (so the writer's
 * cut-back-and-sync can succeed). pwrite fails with ENOSPC (a full disk) for any file whose path
 * contains HEARTDESK_FAIL_WRITE_PATH. Other files behave as usual. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures = 0;

static int path_matches(int fd, const char *wanted) {
    if (wanted == NULL || *wanted == '\0') return 0;
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n < 0) return 0;
    target[n] = '\0';
    return strstr(target, wanted) != NULL;
}

static int should_fail(int fd) {
    if (!path_matches(fd, getenv("HEARTDESK_FAIL_SYNC_PATH"))) return 0;
    const char *mode = getenv("HEARTDESK_FAIL_SYNC_MODE");
    if (mode != NULL && strcmp(mode, "always") == 0) return 1;
    return failures++ == 0;
}

int fdatasync(int fd) {
    if (should_fail(fd)) { errno = EIO; return -1; }
    int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
    return real(fd);
}

int fsync(int fd) {
    if (should_fail(fd)) { errno = EIO; return -1; }
    int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    return real(fd);
}

ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset) {
    if (path_matches(fd, getenv("HEARTDESK_FAIL_WRITE_PATH"))) { errno = ENOSPC; return -1; }
    ssize_t (*real)(int, const void *, size_t, off_t) = (ssize_t (*)(int, const void *, size_t, off_t))dlsym(RTLD_NEXT, "pwrite");
    return real(fd, buffer, count, offset);
}

ssize_t pwrite64(int fd, const void *buffer, size_t count, off_t offset) {
    if (path_matches(fd, getenv("HEARTDESK_FAIL_WRITE_PATH"))) { errno = ENOSPC; return -1; }
    ssize_t (*real)(int, const void *, size_t, off_t) = (ssize_t (*)(int, const void *, size_t, off_t))dlsym(RTLD_NEXT, "pwrite64");
    return real(fd, buffer, count, offset);
}
