import HeartDeskCore

/// The shipped Durham policy, loaded once: rosters are checked against it.
private let durham: Policy? = try? PolicyLoader.bundledDurham()

/// libFuzzer entry: any bytes as a roster file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRoster(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let durham else { fatalError("the built-in Durham policy does not load") }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? RosterLoader.load(yaml: text, source: "fuzz.yaml", policy: durham)
    return 0
}
