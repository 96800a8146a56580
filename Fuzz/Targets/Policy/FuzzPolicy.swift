import HeartDeskCore

/// libFuzzer entry: any bytes as a policy file. A crash or hang is a bug; a refusal is the right answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicy(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? PolicyLoader.load(yaml: text, source: "fuzz.yaml")
    return 0
}
