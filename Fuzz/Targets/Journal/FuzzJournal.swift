import HeartDeskJournal

/// libFuzzer entry: the journal reader, on the input convention of ``JournalImage/image(fromFuzzInput:)``
/// (a whole file, or record payloads framed with valid hashes so mutations reach the event decoder).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? JournalImage.replay(JournalImage.image(fromFuzzInput: Array(UnsafeBufferPointer(start: data, count: size))))
    return 0
}
