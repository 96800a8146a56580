import HeartDeskExercise

/// libFuzzer entry: any bytes as a scenario file (on the built-in Durham policy).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ScenarioLoader.load(yaml: text, source: "fuzz.yaml", name: "fuzz")
    return 0
}
