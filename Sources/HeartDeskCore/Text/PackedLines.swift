/// A list of lines kept as their UTF-8 bytes, each read into a `String` only when it is read.
///
/// A decision's reason lines are kept for every call of a shift, hundreds of thousands in a replayed one, and a
/// handful are ever shown. Packed, a call's lines are one range of a shared ``LineStore``; as strings, each was
/// an allocation or a shared-table probe when the journal was read (docs/benchmarks.md, replay, seventh session).
///
/// Bytes that are not valid UTF-8 read as U+FFFD, as `String(decoding:as:)` reads them.
public struct PackedLines: Sendable, Collection, Hashable, ExpressibleByArrayLiteral, CustomStringConvertible {
    /// Where a line starts: the byte offset of its length in the store.
    public struct Index: Comparable, Sendable {
        fileprivate let offset: Int
        public static func < (lhs: Index, rhs: Index) -> Bool { lhs.offset < rhs.offset }
    }

    private let store: LineStore
    private let start: UInt32
    private let end: UInt32
    /// How many lines, kept so that `count` is not a walk.
    private let lineCount: UInt32

    init(store: LineStore, range: Range<Int>, lineCount: Int) {
        self.store = store
        start = UInt32(range.lowerBound)
        end = UInt32(range.upperBound)
        self.lineCount = UInt32(lineCount)
    }

    /// `lines`, packed into a store of their own.
    public init<Lines: Collection<String>>(_ lines: Lines) {
        var packer = LinePacker(blockSize: lines.reduce(0) { $0 + Self.packedSize(ofLineWithLength: $1.utf8.count) })
        packer.begin()
        for var line in lines { line.withUTF8 { packer.append(UnsafeRawBufferPointer($0)) } }
        self = packer.finish()
    }

    public init(arrayLiteral lines: String...) { self.init(lines) }

    public var startIndex: Index { Index(offset: Int(start)) }
    public var endIndex: Index { Index(offset: Int(end)) }
    public var count: Int { Int(lineCount) }
    public var isEmpty: Bool { lineCount == 0 }

    public subscript(position: Index) -> String {
        let (length, textStart) = lineLength(at: position.offset)
        return store.withBytes(textStart..<textStart + length) { String(decoding: $0, as: UTF8.self) }
    }

    public func index(after position: Index) -> Index {
        let (length, textStart) = lineLength(at: position.offset)
        return Index(offset: textStart + length)
    }

    /// The lines as strings.
    public var lines: [String] { Array(self) }

    public var description: String { lines.description }

    public static func == (lhs: PackedLines, rhs: PackedLines) -> Bool {
        // One spelling per list of lines, so equal lines are equal bytes.
        guard lhs.lineCount == rhs.lineCount, lhs.end - lhs.start == rhs.end - rhs.start else { return false }
        if lhs.store === rhs.store && lhs.start == rhs.start { return true }
        return lhs.store.withBytes(Int(lhs.start)..<Int(lhs.end)) { left in
            rhs.store.withBytes(Int(rhs.start)..<Int(rhs.end)) { right in left.elementsEqual(right) }
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lineCount)
        store.withBytes(Int(start)..<Int(end)) { hasher.combine(bytes: $0) }
    }

    /// Whether `bytes` are exactly this list's packed bytes (the layout below): how a reader that keeps its lists
    /// finds one it already has.
    public func matches(packedBytes bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == Int(end - start) else { return false }
        return store.withBytes(Int(start)..<Int(end)) { $0.elementsEqual(bytes) }
    }

    /// A line's byte count and where its text starts, read from the length in front of it.
    private func lineLength(at offset: Int) -> (length: Int, textStart: Int) {
        store.withBytes(offset..<Int(end)) { bytes in
            var length = 0, shift = 0, index = 0
            while true {
                let byte = bytes[index]
                length |= Int(byte & 0x7F) << shift
                index += 1
                if byte < 0x80 { return (length, offset + index) }
                shift += 7
            }
        }
    }

    // The layout, one line after another: its byte count in LEB128 (seven bits a byte, low first, the high bit set on
    // all but the last), then its text; the journal writes a string the same way, so its bytes can be matched as
    // they are. Every list is written with the shortest lengths, so equal lines are equal bytes.

    /// Writes the LEB128 length of a `length`-byte line through `write`, a byte at a time.
    static func writeLength(_ length: Int, _ write: (UInt8) -> Void) {
        var rest = UInt(length)
        while rest >= 0x80 {
            write(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        write(UInt8(rest))
    }

    /// How many bytes a line of `length` bytes takes, with its length.
    static func packedSize(ofLineWithLength length: Int) -> Int {
        var size = 1, rest = length >> 7
        while rest > 0 { size += 1; rest >>= 7 }
        return size + length
    }
}
