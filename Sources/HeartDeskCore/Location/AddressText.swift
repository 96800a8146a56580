/// Street addresses compared the way a call-taker means them: "1201 East Main Street, Durham" and "1201 E MAIN ST"
/// are the same place.
public enum AddressText {
    /// Postal abbreviations (USPS Publication 28) for the words that vary most in how people type them.
    private static let abbreviations: [String: String] = [
        "NORTH": "N", "SOUTH": "S", "EAST": "E", "WEST": "W",
        "NORTHEAST": "NE", "NORTHWEST": "NW", "SOUTHEAST": "SE", "SOUTHWEST": "SW",
        "STREET": "ST", "AVENUE": "AVE", "AV": "AVE", "ROAD": "RD", "BOULEVARD": "BLVD", "DRIVE": "DR", "LANE": "LN",
        "COURT": "CT", "PLACE": "PL", "PARKWAY": "PKWY", "HIGHWAY": "HWY", "CIRCLE": "CIR", "TERRACE": "TER",
        "EXPRESSWAY": "EXPY", "FREEWAY": "FWY", "TRAIL": "TRL", "SQUARE": "SQ",
    ]

    /// Upper case, punctuation as spaces, single spaces, the common words abbreviated: the form keys are compared in.
    public static func normalized(_ text: String) -> String {
        var cleaned = ""
        cleaned.reserveCapacity(text.utf8.count)
        for character in text.uppercased() {
            cleaned.append(character.isLetter || character.isNumber ? character : " ")
        }
        return cleaned.split(separator: " ").map { abbreviations[String($0)] ?? String($0) }.joined(separator: " ")
    }

    /// The house number and street of a typed address ("1201 E Main St Apt 4, Durham NC" → 1201, "E MAIN ST"): the
    /// part before the first comma, a leading whole number, and the street up to a unit designator. Nil when the text
    /// does not start with a number.
    public static func houseAndStreet(_ text: String) -> (number: Int, street: String)? {
        var firstPart = Substring(text.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        // "#4" is a unit, whatever follows it.
        if let hash = firstPart.firstIndex(of: "#") { firstPart = firstPart[..<hash] }
        let rawWords = firstPart.split(whereSeparator: \.isWhitespace)
        // "1201B" or "1201-B" is house 1201; more than six digits is not a house number.
        guard let first = rawWords.first else { return nil }
        let digits = first.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6, let number = Int(digits) else { return nil }
        var words = normalized(rawWords.dropFirst().joined(separator: " ")).split(separator: " ").map(String.init)
        if let unit = words.firstIndex(where: { ["APT", "UNIT", "STE", "SUITE", "RM", "ROOM", "LOT", "BLDG", "FL"].contains($0) }) {
            words.removeSubrange(unit...)
        }
        guard !words.isEmpty else { return nil }
        return (number, words.joined(separator: " "))
    }
}
