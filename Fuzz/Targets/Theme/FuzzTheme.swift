import HeartDeskConsole

/// libFuzzer entry: any bytes as a theme file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTheme(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? Theme.parse(text, name: "fuzz", source: "fuzz.theme")
    return 0
}
