import HeartDeskCore
import Testing

/// Text from people and files made safe for each output, one table per output.
@Suite struct SafeTextTests {
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J<script>x</script>"

    @Test(arguments: [
        (hostile, "\\e]0;pwned\\a\\e[2J<script>x</script>"),
        ("a\u{0}b\tc\nd\re\u{7F}", "a\\0b\\tc\\nd\\re\\x7F"),
        ("\u{9B}31m", "\\x9B31m"),                       // the 8-bit CSI
        ("admin\u{202E}txt.exe", "admin\\u{202E}txt.exe"),  // right-to-left override
        ("Nguyễn Văn An · 919-555-0101", "Nguyễn Văn An · 919-555-0101"),
    ])
    func terminal(_ text: String, expected: String) {
        #expect(SafeText.terminal(text) == expected)
    }

    @Test(arguments: [
        (hostile, "\\\\e\\]0;pwned\\\\a\\\\e\\[2J\\<script\\>x\\</script\\>"),
        ("**bold** [link](javascript:x) `code` a|b ~~s~~ &amp;", "\\*\\*bold\\*\\* \\[link\\](javascript:x) \\`code\\` a\\|b \\~\\~s\\~\\~ \\&amp;"),
        ("CRT-1 (no officer on the crew)", "CRT-1 (no officer on the crew)"),
    ])
    func markdown(_ text: String, expected: String) {
        #expect(SafeText.markdown(text) == expected)
    }

    @Test func html() {
        #expect(SafeText.html(Self.hostile) == "\\e]0;pwned\\a\\e[2J&lt;script&gt;x&lt;/script&gt;")
        #expect(SafeText.html("\"'&") == "&quot;&#39;&amp;")
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("+1 555", "'+1 555"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("\u{1B}[2J", "\\e[2J"),
    ])
    func csv(_ text: String, expected: String) {
        #expect(SafeText.csv(text) == expected)
    }
}
