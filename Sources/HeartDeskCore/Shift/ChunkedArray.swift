/// A growable list kept in fixed-size chunks, so a copy that is then changed copies only the chunk changed.
///
/// The shift's calls are shared between a journal, which folds every new event into them, and the console that
/// draws them. With one array, the first event folded after each refresh copied every call of the shift (and
/// retained all they point to): a shift's worth of memory copied, then freed, on every change, which also left the
/// console's heap fragmented (docs/benchmarks.md, soak). In chunks, the copy is the list of chunks and the one or
/// two chunks the event touches.
///
/// - Complexity: reading and writing an element O(1); appending amortised O(1); changing an element of a shared
///   list copies its chunk (`chunkSize` elements) and the list of chunks (`count / chunkSize` references).
public struct ChunkedArray<Element> {
    /// Elements per chunk: a power of two, so an index splits with a shift and a mask.
    @inlinable public static var chunkSize: Int { 1 << chunkShift }
    @inlinable static var chunkShift: Int { 6 }

    // Inlinable, with the accessors below, so a client module's loops are specialised for the element and read it
    // in place; generic, each read copied the element out (a call record and its ~20 references).
    @usableFromInline var chunks: [[Element]] = []
    public private(set) var count = 0

    public init() {}

    /// Appends `element` at the end.
    ///
    /// Consumed, not copied: a call record is moved into its chunk (copying retained its ~20 references here and
    /// released them again with the caller's copy).
    public mutating func append(_ element: consuming Element) {
        if count & (Self.chunkSize - 1) == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    /// Makes room for `total` elements' chunks in the list of chunks.
    public mutating func reserveCapacity(_ total: Int) {
        chunks.reserveCapacity((total + Self.chunkSize - 1) >> Self.chunkShift)
    }
}

extension ChunkedArray: RandomAccessCollection, MutableCollection {
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable public subscript(index: Int) -> Element {
        // Read in place, not copied out: a loop over the calls that looks at one field of each must not copy (and
        // retain everything in) each record, which a plain getter through the nested arrays did (frames 2.5x slower).
        _read {
            precondition(index >= 0 && index < count, "index out of range")
            yield chunks[index >> Self.chunkShift][index & (Self.chunkSize - 1)]
        }
        _modify {
            precondition(index >= 0 && index < count, "index out of range")
            yield &chunks[index >> Self.chunkShift][index & (Self.chunkSize - 1)]
        }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}

extension ChunkedArray: Equatable where Element: Equatable {
    public static func == (lhs: ChunkedArray, rhs: ChunkedArray) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}

extension ChunkedArray: Hashable where Element: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for element in self { hasher.combine(element) }
    }
}
