import HeartDeskCore
import Testing

/// The shift's calls live in a chunked list: it must behave exactly as an array does, copies included.
@Suite("Chunked list of calls")
struct ChunkedArrayTests {
    @Test("holds what an array holds, across chunk boundaries", arguments: [0, 1, 63, 64, 65, 200])
    func sameAsAnArray(count: Int) {
        var chunked = ChunkedArray<String>()
        chunked.reserveCapacity(count)
        var array: [String] = []
        for index in 0..<count {
            chunked.append("C-\(index)")
            array.append("C-\(index)")
        }
        #expect(chunked.count == count && Array(chunked) == array)
        #expect(chunked == ChunkedArray(arrayLiteralOf: array))
        if count > 0 { #expect(chunked[count - 1] == array[count - 1] && chunked.last == array.last) }
    }

    @Test("a copy changed, or appended to, leaves the original as it was (a console's shift while the journal folds)")
    func copiesAreIndependent() {
        var original = ChunkedArray<[Int]>()
        for index in 0..<130 { original.append([index]) }
        var copy = original
        copy[5].append(99)
        copy[129] = []
        copy.append([130])
        #expect(original[5] == [5] && original[129] == [129] && original.count == 130)
        #expect(copy[5] == [5, 99] && copy[129] == [] && copy.count == 131)
        #expect(copy != original)
        copy[5] = [5]
        copy[129] = [129]
        #expect(Array(copy.prefix(130)) == Array(original))
    }

    @Test("every element is released once no list holds it, copies and replaced elements included")
    func elementsAreReleased() {
        final class Box { let value: Int; init(_ value: Int) { self.value = value } }
        var watched: [() -> Box?] = []
        do {
            var original = ChunkedArray<Box>()
            for index in 0..<100 {
                let box = Box(index)
                weak var weakBox = box
                watched.append { weakBox }
                original.append(box)
            }
            var copy = original
            let replacement = Box(-1)
            weak var weakReplacement = replacement
            watched.append { weakReplacement }
            copy[70] = replacement
            #expect(original[70].value == 70 && copy[70].value == -1 && copy[69] === original[69])
        }
        #expect(watched.allSatisfy { $0() == nil })
    }
}

extension ChunkedArray {
    init(arrayLiteralOf elements: [Element]) {
        self.init()
        for element in elements { append(element) }
    }
}
