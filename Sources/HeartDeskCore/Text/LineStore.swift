/// A block of bytes that the packed line lists of many decisions point into: filled front to back by one
/// ``LinePacker``, and never changed where it has been filled.
///
/// One allocation holds the lines of hundreds of calls, where a `String` each cost an allocation, a reference
/// count and, to share them, a hash-table probe per line (docs/benchmarks.md, replay, seventh session).
final class LineStore: @unchecked Sendable {
    // Sendable though it is written to: the one packer writes only past every range it has handed out, and a
    // list's bytes reach another thread only inside the value handed out after they were written.
    private let bytes: UnsafeMutableRawBufferPointer

    /// A store with room for `capacity` bytes, none used.
    init(capacity: Int) {
        bytes = .allocate(byteCount: capacity, alignment: 1)
    }

    deinit { bytes.deallocate() }

    /// The store behind every empty list.
    static let empty = LineStore(capacity: 0)

    /// The bytes usable.
    var byteCapacity: Int { bytes.count }

    /// Reads `range`, which must lie within what has been written.
    func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(rebasing: bytes[range]))
    }

    /// Writes `source` at `offset`, which must lie past every range handed out.
    func write(_ source: UnsafeRawBufferPointer, at offset: Int) {
        UnsafeMutableRawBufferPointer(rebasing: bytes[offset..<offset + source.count]).copyMemory(from: source)
    }

    /// Writes one byte at `offset`, which must lie past every range handed out.
    func write(_ byte: UInt8, at offset: Int) {
        bytes[offset] = byte
    }
}
