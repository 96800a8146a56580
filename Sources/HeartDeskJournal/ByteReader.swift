/// Reads the journal's primitive encodings from a byte buffer, refusing anything malformed.
struct ByteReader {
    /// The buffer ended or held something that is not a valid encoding.
    struct Malformed: Error {}

    private let bytes: UnsafeRawBufferPointer
    private(set) var position: Int

    init(_ bytes: UnsafeRawBufferPointer, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var isAtEnd: Bool { position == bytes.count }

    // Always inlined, as are varint, count and stringBytes below: called a few times per field, each call cost more
    // than the read (perf: the reader's functions were a tenth of decoding's instructions).
    @inline(__always)
    mutating func u8() throws(Malformed) -> UInt8 {
        guard position < bytes.count else { throw Malformed() }
        defer { position += 1 }
        return bytes[position]
    }

    @inline(__always)
    mutating func varint() throws(Malformed) -> UInt64 {
        // Most values (lengths, counts, small numbers) fit one byte.
        if position < bytes.count, bytes[position] < 0x80 {
            defer { position += 1 }
            return UInt64(bytes[position])
        }
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try u8()
            guard shift < 64 else { throw Malformed() }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func signed() throws(Malformed) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    @inline(__always)
    mutating func count() throws(Malformed) -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count - position) else { throw Malformed() }
        return Int(value)
    }

    mutating func string() throws(Malformed) -> String {
        String(decoding: try stringBytes(), as: UTF8.self)
    }

    /// The UTF-8 bytes of the next string, not yet decoded.
    @inline(__always)
    mutating func stringBytes() throws(Malformed) -> UnsafeRawBufferPointer {
        let length = try count()
        defer { position += length }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<position + length])
    }

    /// The bytes of a list of strings — its count and each string — checked to be in bounds, not decoded.
    mutating func stringListBytes() throws(Malformed) -> UnsafeRawBufferPointer {
        let start = position
        for _ in 0..<(try count()) { _ = try stringBytes() }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<position])
    }

    mutating func optionalString() throws(Malformed) -> String? {
        switch try u8() {
        case 0: return nil
        case 1: return try string()
        default: throw Malformed()
        }
    }

    mutating func strings() throws(Malformed) -> [String] {
        let n = try count()
        var result: [String] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(try string()) }
        return result
    }
}
