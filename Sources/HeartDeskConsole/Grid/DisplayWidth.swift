/// Terminal column widths of text: a Vietnamese name with stacked accents is one column a
/// letter, a CJK character or an emoji two, a combining mark none.
///
/// Terminals (through the C library's `wcwidth`) decide the same way; columns line up only
/// if the view counts like the terminal does, never with `String.count`.
extension Character {
    /// Columns this character takes on a terminal: 0, 1 or 2.
    public var displayWidth: Int {
        if let ascii = asciiValue { return ascii >= 0x20 && ascii != 0x7F ? 1 : 0 }
        let scalars = unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        if first.isZeroWidth && scalars.allSatisfy(\.isZeroWidth) { return 0 }
        if first.isWide { return 2 }
        // A text-style emoji followed by VARIATION SELECTOR-16 is drawn in emoji style, two columns wide.
        if scalars.contains("\u{FE0F}") && first.properties.isEmoji { return 2 }
        return 1
    }
}

extension StringProtocol {
    /// Columns the text takes on a terminal.
    public var displayWidth: Int { reduce(0) { $0 + $1.displayWidth } }
}

extension String {
    /// Columns the text takes on a terminal.
    public var displayWidth: Int {
        printableASCIICount ?? reduce(0) { $0 + $1.displayWidth }
    }

    /// The length of text that is all printable ASCII (one byte, one character, one column each), else nil.
    ///
    /// Most of what a board draws (ids, beats, times, call types) is: checking its bytes is much cheaper than
    /// walking it character by character, which made measuring text most of a frame's cost (docs/benchmarks.md).
    var printableASCIICount: Int? {
        let count = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            for byte in bytes where byte < 0x20 || byte > 0x7E { return nil }
            return bytes.count
        }
        return count ?? nil
    }
}

extension Unicode.Scalar {
    var isZeroWidth: Bool {
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return (0xFE00...0xFE0F).contains(value) || value == 0x200B
        }
    }

    /// East Asian Wide and Fullwidth ranges, plus emoji drawn as pictures by default.
    var isWide: Bool {
        let v = value
        if v < 0x1100 { return false }
        if properties.isEmojiPresentation { return true }
        switch v {
        case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
             0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F251, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
