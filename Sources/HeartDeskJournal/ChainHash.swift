/// A SHA-256 value held inline (no heap), for chaining records cheaply.
public struct ChainHash: Sendable, Hashable {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// The 32 bytes at the start of `raw`.
    init(_ raw: UnsafeRawBufferPointer) {
        precondition(raw.count >= 32)
        words = (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                 raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    }

    /// Calls `body` with the 32 bytes.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var copy = words
        return try withUnsafeBytes(of: &copy) { try body($0) }
    }

    /// Lower-case hex, as `journal verify` prints the head of the chain.
    public var hex: String {
        withBytes { $0.map { byte in String(byte, radix: 16).leftPadded(to: 2) }.joined() }
    }

    public static func == (lhs: ChainHash, rhs: ChainHash) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
