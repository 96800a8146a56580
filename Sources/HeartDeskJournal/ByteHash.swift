/// A fast, non-cryptographic hash of bytes, eight at a time: for the decoder's tables only; the chain uses SHA-256.
enum ByteHash {
    /// The bytes' hash, never 0 (its low bit is set), so a table can mark an empty slot with 0.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var last: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            last |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ last) &* 0xC4CE_B9FE_1A85_EC53
        return (h ^ (h >> 29)) | 1
    }
}
