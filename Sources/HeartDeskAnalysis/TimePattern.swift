/// A date or time layout as a mapping file writes it ("yyyy-MM-dd HH:mm:ss", "M/d/yyyy h:mm a"), read straight from
/// the bytes of a field: a million rows through Foundation's date formatter would take seconds.
///
/// Letters: `yyyy` year, `MM`/`M` month, `dd`/`d` day, `HH`/`H` hour 0–23, `hh`/`h` hour 1–12 with `a` (AM/PM),
/// `mm` minute, `ss` second (`ss?` when seconds may be left off). Anything else is matched as written.
public struct TimePattern: Sendable, Equatable, CustomStringConvertible {
    enum Piece: Sendable, Equatable {
        case year, month, day, hour24, hour12, minute, second, optionalSecond, meridiem
        case literal(UInt8)
    }

    let pieces: [Piece]
    public let description: String

    /// Nil when `text` names no date or time part at all, or uses a letter that is not a part.
    public init?(_ text: String) {
        var pieces: [Piece] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            var run = 1
            while i + run < bytes.count && bytes[i + run] == byte { run += 1 }
            switch (byte, run) {
            case (UInt8(ascii: "y"), 4): pieces.append(.year)
            case (UInt8(ascii: "M"), 1...2): pieces.append(.month)
            case (UInt8(ascii: "d"), 1...2): pieces.append(.day)
            case (UInt8(ascii: "H"), 1...2): pieces.append(.hour24)
            case (UInt8(ascii: "h"), 1...2): pieces.append(.hour12)
            case (UInt8(ascii: "m"), 1...2): pieces.append(.minute)
            case (UInt8(ascii: "s"), 2):
                if i + 2 < bytes.count && bytes[i + 2] == UInt8(ascii: "?") {
                    // "ss?" also swallows the colon before it: "HH:mm:ss?" reads "14:05" and "14:05:09".
                    if case .literal? = pieces.last { pieces.removeLast() }
                    pieces.append(.optionalSecond)
                    i += 1
                } else {
                    pieces.append(.second)
                }
            case (UInt8(ascii: "a"), 1): pieces.append(.meridiem)
            case (let letter, _) where (letter >= 0x41 && letter <= 0x5A) || (letter >= 0x61 && letter <= 0x7A):
                return nil
            default:
                for _ in 0..<run { pieces.append(.literal(byte)) }
            }
            i += run
        }
        guard pieces.contains(where: { if case .literal = $0 { false } else { true } }) else { return nil }
        self.pieces = pieces
        description = text
    }

    /// The parts read from `bytes`, or nil when they do not follow the pattern or name no real date or time.
    func read(_ bytes: UnsafeBufferPointer<UInt8>, into parts: inout WallClockParts) -> Bool {
        var i = 0
        // Surrounding spaces are not part of the value.
        var end = bytes.count
        while i < end && bytes[i] == 0x20 { i += 1 }
        while end > i && bytes[end - 1] == 0x20 { end -= 1 }
        var meridiem: Bool?  // true for PM
        var hour12: Int?
        func number(maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while digits < maxDigits && i < end, bytes[i] >= 0x30 && bytes[i] <= 0x39 {
                value = value * 10 + Int(bytes[i] - 0x30)
                digits += 1
                i += 1
            }
            return digits > 0 ? value : nil
        }
        for piece in pieces {
            switch piece {
            case .year: guard let value = number(maxDigits: 4) else { return false }; parts.year = value
            case .month: guard let value = number(maxDigits: 2) else { return false }; parts.month = value
            case .day: guard let value = number(maxDigits: 2) else { return false }; parts.day = value
            case .hour24: guard let value = number(maxDigits: 2) else { return false }; parts.hour = value
            case .hour12: guard let value = number(maxDigits: 2), (1...12).contains(value) else { return false }; hour12 = value
            case .minute: guard let value = number(maxDigits: 2) else { return false }; parts.minute = value
            case .second: guard let value = number(maxDigits: 2) else { return false }; parts.second = value
            case .optionalSecond:
                parts.second = 0
                if i < end && bytes[i] == UInt8(ascii: ":") {
                    i += 1
                    guard let value = number(maxDigits: 2) else { return false }
                    parts.second = value
                }
                // Fractions of a second, where an export writes them, are left off.
                if i < end && bytes[i] == UInt8(ascii: ".") {
                    i += 1
                    _ = number(maxDigits: 9)
                }
            case .meridiem:
                guard i + 1 < end else { return false }
                switch (bytes[i] | 0x20, bytes[i + 1] | 0x20) {
                case (UInt8(ascii: "a"), UInt8(ascii: "m")): meridiem = false
                case (UInt8(ascii: "p"), UInt8(ascii: "m")): meridiem = true
                default: return false
                }
                i += 2
            case .literal(let byte):
                // A space in the pattern matches one or more spaces (exports pad times).
                guard i < end, bytes[i] == byte else { return false }
                i += 1
                if byte == 0x20 { while i < end && bytes[i] == 0x20 { i += 1 } }
            }
        }
        guard i == end else { return false }
        if let hour12 {
            guard let meridiem else { return false }
            parts.hour = hour12 % 12 + (meridiem ? 12 : 0)
        }
        return true
    }
}

/// A local wall-clock reading as read from an export, before it is checked.
struct WallClockParts {
    var year = -1, month = -1, day = -1, hour = -1, minute = -1, second = 0
}
