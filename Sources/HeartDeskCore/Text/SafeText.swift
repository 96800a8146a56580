/// The one place text from people and files (notes, names, reasons, scenario lines, policy names) is made
/// safe for the output it goes to. Such text is untrusted: it may carry terminal escapes, markup or formulas.
public enum SafeText {
    /// For a terminal: control characters shown visibly (`\e`, `\a`, `\x07`…) instead of acted on, and the
    /// bidirectional overrides that can make text read other than it is shown as `\u{202E}`.
    ///
    /// `keepingNewlines` leaves line breaks for multi-line output that the caller itself laid out.
    public static func terminal(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingNewlines: keepingNewlines) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepingNewlines: keepingNewlines) else { out.unicodeScalars.append(scalar); continue }
            switch scalar.value {
            case 0x1B: out += "\\e"
            case 0x07: out += "\\a"
            case 0x00: out += "\\0"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x08: out += "\\b"
            case let value where value < 0x100: out += "\\x" + hex(value, digits: 2)
            case let value: out += "\\u{" + hex(value, digits: 4) + "}"
            }
        }
        return out
    }

    /// For Markdown (read raw in a terminal, or rendered): terminal-safe, on one line, and every character
    /// that Markdown or the HTML it may become would act on escaped with a backslash (`\<script\>`).
    public static func markdown(_ text: String) -> String {
        var out = ""
        for character in terminal(text) {
            if markdownSpecials.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// For HTML text and attribute values: the five markup characters as entities, controls visible.
    public static func html(_ text: String) -> String {
        var out = ""
        for character in terminal(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// For a CSV field (RFC 4180): a leading `=`, `+`, `-`, `@` (or tab, carriage return) that a spreadsheet
    /// would run as a formula is prefixed with `'`; a field with a comma, quote or line break is quoted,
    /// its quotes doubled; other control characters are shown visibly.
    public static func csv(_ text: String) -> String {
        var value = terminal(text, keepingNewlines: true)
        if let first = text.first, formulaStarts.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// What Markdown (or the HTML it renders to) acts on mid-line: emphasis, code, links and images
    /// (through `[`), raw HTML, table cells, strikethrough, entities. Line-start markers cannot occur:
    /// untrusted text is always placed after HeartDesk's own words on a line.
    private static let markdownSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&"]
    private static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    private static func needsEscape(_ scalar: Unicode.Scalar, keepingNewlines: Bool) -> Bool {
        let value = scalar.value
        if keepingNewlines && value == 0x0A { return false }
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value)
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
