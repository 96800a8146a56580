import HeartDeskConsole
import Testing

/// Columns line up by display width: accents stack, CJK and emoji take two, controls none.
@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("Peña", 4),
        ("Nguyễn", 6),
        ("Nguye\u{0302}\u{0303}n", 6),  // the same name with combining accents
        ("東京", 4),
        ("🚑", 2),
        ("a\u{0007}b", 2),
        ("C-0001", 6),  // plain ASCII, short (stored inline) and long (on the heap), takes the byte-count path
        ("Non-urgent Welfare Check, beat 511", 34),
        ("tab\there", 7),  // a control byte sends plain ASCII down the character walk: it takes no column
        ("", 0),
    ])
    func widthIsCountedInTerminalColumns(text: String, width: Int) {
        #expect(text.displayWidth == width)
    }

    @Test func cutTextEndsInAnEllipsisAndKeepsItsWidth() {
        #expect("Nguyễn Thị Minh Khai".fitted(to: 8) == "Nguyễn …")
        #expect("東京東京".fitted(to: 5) == "東京…")
        #expect("Peña".padded(to: 6).displayWidth == 6)
        #expect("Mental Health Crisis".fitted(to: 8) == "Mental …")
        #expect("Trespass".fitted(to: 8) == "Trespass")
        #expect("C-0001".padded(to: 8) == "C-0001  ")
    }

    @Test func plainTextIsClippedAtTheGridEdgeAndAtItsLimit() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put("CRT-1 en route", x: 2, y: 0, role: .text)
        #expect(grid.text(ofRow: 0) == "  CRT-")
        grid.put("ABCDEF", x: -2, y: 0, limit: 5, role: .text)
        #expect(grid.text(ofRow: 0) == "CDERT-", "columns left of the grid are skipped, not wrapped")
    }

    @Test func aWideCharacterThatDoesNotFitIsLeftOutNotSplit() {
        var grid = CellGrid(width: 5, height: 1)
        grid.put("ab東京", x: 0, y: 0, role: .text)
        #expect(grid.text(ofRow: 0) == "ab東 ")
        #expect(grid[3, 0].isContinuation)
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        var grid = CellGrid(width: 10, height: 1)
        grid.put("a\u{1B}[2Jb", x: 0, y: 0, role: .text)
        #expect(grid.text(ofRow: 0) == "a [2Jb    ")
    }

    @Test func charactersOfSeveralScalarsAreDrawnWhole() {
        // A name with combining accents, a flag and a family emoji: each one character of several scalars.
        var grid = CellGrid(width: 12, height: 1)
        grid.put("Nguye\u{0302}\u{0303}n 🇺🇸 👩‍👩‍👧", x: 0, y: 0, role: .text)
        #expect(grid.text(ofRow: 0) == "Nguyễn 🇺🇸 👩‍👩‍👧")
        #expect(grid.character(x: 4, y: 0) == "e\u{0302}\u{0303}")
    }

    @Test func cellsOfTwoFramesMatchByWhatTheyDrawNotWhereTheirGridKeepsIt() {
        // The terminal redraws only cells that changed since the last frame: a cluster drawn in both frames is
        // unchanged even when each frame keeps it in a different place, and a different one at the same place is not.
        var last = CellGrid(width: 4, height: 1), next = CellGrid(width: 4, height: 1)
        last.put("🇺🇸🇨🇦", x: 0, y: 0, role: .text)
        next.put("🇨🇦", x: 2, y: 0, role: .text)
        #expect(next.cell(x: 2, y: 0, matches: last), "the same flag, second in one frame and first in the other")
        next.put("🇲🇽", x: 0, y: 0, role: .text)
        #expect(!next.cell(x: 0, y: 0, matches: last), "another flag where the first one was")
        #expect(next.cell(x: 1, y: 0, matches: last), "both right halves of a two-column character")
        next.put("🇺🇸", x: 0, y: 0, role: .dim)
        #expect(!next.cell(x: 0, y: 0, matches: last), "the same flag in another colour")
    }
}
