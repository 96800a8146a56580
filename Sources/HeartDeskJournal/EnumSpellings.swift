import Foundation

/// The journal's spellings of a `String`-backed enum's cases, matched against a record's bytes as they are.
///
/// A status or disposition read as a `String` and then matched by `init(rawValue:)` cost about 590 instructions,
/// most of a status change's decoding; comparing the bytes with a handful of spellings costs 150 to 220, reading the
/// bytes included (callgrind, docs/benchmarks.md).
struct EnumSpellings<Value: CaseIterable & RawRepresentable> where Value.RawValue == String {
    private let spellings: [(bytes: [UInt8], value: Value)]

    init() {
        spellings = Value.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    /// The case spelled exactly by `span`; nil for any other bytes.
    func value(_ span: UnsafeRawBufferPointer) -> Value? {
        for spelling in spellings where spelling.bytes.count == span.count {
            let same = spelling.bytes.withUnsafeBytes { bytes in
                span.isEmpty || memcmp(bytes.baseAddress!, span.baseAddress!, span.count) == 0
            }
            if same { return spelling.value }
        }
        return nil
    }
}
