import HeartDeskCore
import Testing

/// A decision's reason lines kept as bytes read back as the lines that were packed, whatever their length or company.
@Suite("Packed lines")
struct PackedLinesTests {
    @Test("lines read back as packed, across one-, two- and three-byte lengths",
          arguments: [[], [""], ["CRT: not eligible — weapon reported"], [String(repeating: "x", count: 127)],
                      [String(repeating: "x", count: 128)], [String(repeating: "y", count: 16_383), "after"],
                      [String(repeating: "y", count: 16_384)],
                      [String(repeating: "z", count: 70_000), "", "CCD: closed — opens 07:00"], ["ñ", "日本語", "🚑 EMS"]] as [[String]])
    func roundTrip(lines: [String]) {
        let packed = PackedLines(lines)
        #expect(packed.lines == lines)
        #expect(packed.count == lines.count)
        #expect(packed.isEmpty == lines.isEmpty)
        #expect(packed.first == lines.first)
    }

    @Test("every list packed stays whole while later ones fill and outgrow small blocks")
    func listsSurviveLaterBlocks() {
        var packer = LinePacker(blockSize: 64)
        var packed: [(PackedLines, [String])] = []
        for n in 0..<500 {
            let lines = (0..<(n % 7)).map { "CRT: beat \(n * 7 + $0) is outside the service area" }
            packer.begin()
            for line in lines { append(line, to: &packer) }
            packed.append((packer.finish(), lines))
        }
        for (list, lines) in packed { #expect(list.lines == lines) }
    }

    @Test("a list begun and not finished is dropped; the lists before it are untouched")
    func abandonedListDropped() {
        var packer = LinePacker(blockSize: 32)
        packer.begin()
        append("kept", to: &packer)
        let kept = packer.finish()
        packer.begin()
        append("from a malformed record, longer than the block", to: &packer)
        packer.begin()
        append("next", to: &packer)
        #expect(packer.finish().lines == ["next"])
        #expect(kept.lines == ["kept"])
    }

    @Test("bytes that are not UTF-8 read as U+FFFD, as any string from a record does")
    func invalidUTF8Repaired() {
        var packer = LinePacker()
        packer.begin()
        [UInt8]([0x43, 0xFF, 0x3A, 0xC3]).withUnsafeBytes { packer.append($0) }
        #expect(packer.finish().lines == ["C\u{FFFD}:\u{FFFD}"])
    }

    @Test("equal lines are equal and hash alike wherever they are kept; lines split differently are not equal")
    func equality() {
        var packer = LinePacker(blockSize: 16)
        packer.begin()
        append("ab", to: &packer)
        append("c", to: &packer)
        let inBlock = packer.finish()
        let alone = PackedLines(["ab", "c"])
        #expect(inBlock == alone)
        #expect(inBlock.hashValue == alone.hashValue)
        #expect(alone != PackedLines(["a", "bc"]))
        #expect(alone != PackedLines(["ab", "c", ""]))
        #expect(PackedLines([]) == [])
        #expect(PackedLines([""]) != [])
    }

    private func append(_ line: String, to packer: inout LinePacker) {
        var line = line
        line.withUTF8 { packer.append(UnsafeRawBufferPointer($0)) }
    }
}
