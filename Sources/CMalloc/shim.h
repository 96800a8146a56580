// glibc's allocator statistics (mallinfo2, malloc_trim), for the soak benchmark's memory figures.
#include <malloc.h>
