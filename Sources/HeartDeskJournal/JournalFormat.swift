import CLibCrypto

/// The byte layout of a journal file (docs/journal-format.md).
///
/// ```
/// file   := header(16) record*
/// header := "HEARTDESK-JRNL" u16le(version = 1)
/// record := u32le(magic "HDJR") u32le(length) payload[length] hash[32]
/// hash   := SHA-256(previous hash ‖ u32le(length) ‖ payload); the first record's previous hash is SHA-256(header)
/// ```
enum JournalFormat {
    static let header: [UInt8] = Array("HEARTDESK-JRNL".utf8) + [1, 0]
    static let magic: UInt32 = 0x524A_4448  // "HDJR" little-endian
    static let frameOverhead = 8 + 32
    /// Far above any real event (a roster of hundreds of units is a few KiB); a larger length is damage.
    static let maxPayload = 16 << 20

    static let genesis: ChainHash = header.withUnsafeBytes { sha256($0) }

    /// The hash chaining a record with `payload` onto `previous`.
    static func chain(_ previous: ChainHash, payload: UnsafeRawBufferPointer) -> ChainHash {
        // One message hashed in one call: copying the hash, length and payload into one buffer first costs next to
        // nothing beside the hashing (docs/benchmarks.md).
        let prefix = 32 + 4
        return withUnsafeTemporaryAllocation(byteCount: prefix + payload.count, alignment: 8) { message in
            previous.withBytes { message.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: 32) }
            message.storeBytes(of: UInt32(payload.count).littleEndian, toByteOffset: 32, as: UInt32.self)
            if let bytes = payload.baseAddress {
                (message.baseAddress! + prefix).copyMemory(from: bytes, byteCount: payload.count)
            }
            return sha256(UnsafeRawBufferPointer(message))
        }
    }

    /// SHA-256 of `bytes`, through libcrypto with its context on the caller's stack: swift-crypto allocates and frees
    /// a context object for every hash, which cost more than the hashing itself for a record of ~180 bytes
    /// (docs/benchmarks.md).
    static func sha256(_ bytes: UnsafeRawBufferPointer) -> ChainHash {
        var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        return withUnsafeMutableBytes(of: &digest) { out in
            let hashed = heartdesk_sha256(bytes.baseAddress, bytes.count, out.baseAddress!.assumingMemoryBound(to: UInt8.self))
            precondition(hashed == 1, "libcrypto's SHA-256 failed")
            return ChainHash(UnsafeRawBufferPointer(out))
        }
    }

    /// A framed record for `payload`, and its hash.
    static func frame(_ payload: [UInt8], after previous: ChainHash) -> (bytes: [UInt8], hash: ChainHash) {
        let hash = payload.withUnsafeBytes { chain(previous, payload: $0) }
        var w = ByteWriter(reservingCapacity: payload.count + frameOverhead)
        w.u32(magic)
        w.u32(UInt32(payload.count))
        w.append(payload)
        hash.withBytes { w.append(Array($0)) }
        return (w.bytes, hash)
    }
}
