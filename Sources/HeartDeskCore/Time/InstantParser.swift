import Foundation

/// Reads the ISO 8601 times a call-taker or a script types: with an offset, with `Z`, or local.
public enum InstantParser {
    /// Why a time could not be read.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Parses `2026-11-23T14:05-05:00`, `2026-11-23T19:05Z`, or `2026-11-23T14:05` in `zone`'s local time.
    ///
    /// Seconds and fractions are optional; a space may stand for `T`. A local time that
    /// a spring-forward change skipped is an error; one that a fall-back change repeated
    /// means its first occurrence.
    /// The years an instant may fall in: those the zone table covers.
    public static let years = 1970...2099

    public static func parse(_ text: String, zone: TimeZoneRules) throws(ParseError) -> Date {
        let expected = "expected ISO 8601 like 2026-11-23T14:05-05:00, 2026-11-23T19:05Z or local 2026-11-23T14:05"
        var scanner = Scanner(Array(text.utf8))
        guard let year = scanner.digits(4), scanner.take("-"),
              let month = scanner.digits(2), scanner.take("-"),
              let day = scanner.digits(2), scanner.take("T") || scanner.take("t") || scanner.take(" "),
              let hour = scanner.digits(2), scanner.take(":"),
              let minute = scanner.digits(2)
        else { throw ParseError(description: "cannot read time '\(text)': \(expected)") }
        var second = 0
        var fraction = 0.0
        if scanner.take(":") {
            guard let s = scanner.digits(2) else { throw ParseError(description: "cannot read time '\(text)': \(expected)") }
            second = s
            if scanner.take(".") || scanner.take(",") {
                guard let digits = scanner.digitRun(), !digits.isEmpty else {
                    throw ParseError(description: "cannot read time '\(text)': \(expected)")
                }
                fraction = Double("0." + digits) ?? 0
            }
        }
        var offsetSeconds: Int?
        if scanner.take("Z") || scanner.take("z") {
            offsetSeconds = 0
        } else if let sign = scanner.takeSign() {
            guard let offsetHours = scanner.digits(2) else {
                throw ParseError(description: "cannot read time '\(text)': \(expected)")
            }
            _ = scanner.take(":")
            guard let offsetMinutes = scanner.digits(2), offsetHours <= 18, offsetMinutes <= 59 else {
                throw ParseError(description: "cannot read the offset in '\(text)': \(expected)")
            }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard scanner.atEnd else { throw ParseError(description: "cannot read time '\(text)': \(expected)") }
        guard (1...12).contains(month) else {
            throw ParseError(description: "'\(text)' is not a date: there is no month \(month)")
        }
        guard (1...CivilDate.daysInMonth(year: year, month: month)).contains(day) else {
            throw ParseError(description: "'\(text)' is not a date: month \(month) of \(year) has no day \(day)")
        }
        guard hour <= 23, minute <= 59, second <= 59 else {
            throw ParseError(description: "'\(text)' is not a time of day: use 00:00 to 23:59")
        }
        // The zone table and every report are built for this era; year 0 once made a report draw 17 million hour ticks.
        guard Self.years.contains(year) else {
            throw ParseError(description: "'\(text)' is outside the years HeartDesk works in (\(Self.years.lowerBound)–\(Self.years.upperBound))")
        }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let wallSeconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        if let offsetSeconds {
            return Date(timeIntervalSince1970: TimeInterval(wallSeconds - Int64(offsetSeconds)) + fraction)
        }
        switch zone.resolve(localSeconds: wallSeconds) {
        case .instant(let date):
            return date.addingTimeInterval(fraction)
        case .skipped:
            throw ParseError(description: "'\(text)' does not exist in \(zone.identifier): clocks sprang forward over it")
        }
    }
}

/// A cursor over the bytes of a time string.
private struct Scanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position == bytes.count }

    mutating func take(_ character: Character) -> Bool {
        guard position < bytes.count, let ascii = character.asciiValue, bytes[position] == ascii else { return false }
        position += 1
        return true
    }

    mutating func takeSign() -> Int? {
        if take("+") { return 1 }
        if take("-") { return -1 }
        return nil
    }

    /// Exactly `count` ASCII digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[position..<position + count] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        position += count
        return value
    }

    mutating func digitRun() -> String? {
        let start = position
        while position < bytes.count, (48...57).contains(bytes[position]) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }
}
