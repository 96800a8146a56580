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
    ])
    func widthIsCountedInTerminalColumns(text: String, width: Int) {
        #expect(text.displayWidth == width)
    }

    @Test func cutTextEndsInAnEllipsisAndKeepsItsWidth() {
        #expect("Nguyễn Thị Minh Khai".fitted(to: 8) == "Nguyễn …")
        #expect("東京東京".fitted(to: 5) == "東京…")
        #expect("Peña".padded(to: 6).displayWidth == 6)
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
}
