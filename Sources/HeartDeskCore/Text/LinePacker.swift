/// Packs lists of lines into shared ``LineStore`` blocks, one list after another: what a journal reader uses to
/// keep every call's reason lines in a few large allocations.
///
/// A list is built with ``begin()``, ``append(_:)`` for each line and ``finish()``. A list begun and not finished
/// (its record turned out malformed) is dropped by the next ``begin()``.
public struct LinePacker {
    private var store: LineStore
    /// Where the next byte goes.
    private var used = 0
    /// Where the list being built starts; everything before it has been handed out.
    private var listStart = 0
    private var lineCount = 0
    private let blockSize: Int

    /// A packer whose stores hold `blockSize` bytes, or one list's when it is bigger.
    public init(blockSize: Int = 64 << 10) {
        self.blockSize = blockSize
        store = .empty
    }

    /// Starts a new list.
    public mutating func begin() {
        used = listStart
        lineCount = 0
    }

    /// Adds one line, given as its UTF-8 bytes (checked only when read).
    public mutating func append(_ line: UnsafeRawBufferPointer) {
        let size = PackedLines.packedSize(ofLineWithLength: line.count)
        if used + size > store.byteCapacity { moveList(toStoreWithRoomFor: size) }
        PackedLines.writeLength(line.count) { byte in
            store.write(byte, at: used)
            used += 1
        }
        store.write(line, at: used)
        used += line.count
        lineCount += 1
    }

    /// The list built since ``begin()``.
    public mutating func finish() -> PackedLines {
        let lines = lineCount == 0 ? PackedLines(store: .empty, range: 0..<0, lineCount: 0)
            : PackedLines(store: store, range: listStart..<used, lineCount: lineCount)
        listStart = used
        lineCount = 0
        return lines
    }

    /// Continues the list in a new store, copying what it has so far: the old store keeps the lists handed out.
    private mutating func moveList(toStoreWithRoomFor size: Int) {
        let soFar = used - listStart
        let fresh = LineStore(capacity: max(blockSize, soFar + size))
        if soFar > 0 { store.withBytes(listStart..<used) { fresh.write($0, at: 0) } }
        store = fresh
        listStart = 0
        used = soFar
    }
}
