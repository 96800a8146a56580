import Foundation
import HeartDeskAnalysis
import HeartDeskCore

/// The shipped Durham policy, loaded once: every row is routed with it, as `heartdesk analyze` does.
private let durham: Policy? = try? PolicyLoader.bundledDurham()

/// One file, written again for each input: the reader streams from a file descriptor, as it does a million-row export.
private let path = FileManager.default.temporaryDirectory.appendingPathComponent("heartdesk-fuzz-export-\(getpid()).csv").path

/// libFuzzer entry: any bytes as a city's calls export in the Durham layout, analysed and rendered.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let durham else { fatalError("the built-in Durham policy does not load") }
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size)) else {
        fatalError("cannot write \(path)")
    }
    guard let analysis = try? CallsAnalysis.run(path: path, policies: [durham], mapping: .durham) else { return 0 }
    // One format an input, picked by its length: rendering all of them took two thirds of each run (124 inputs a
    // second against 407 with none), and the mutations vary the length anyway.
    let formats = AnalysisReport.Format.allCases
    _ = AnalysisReport.render(analysis, policies: [durham], format: formats[formats.index(formats.startIndex, offsetBy: size % formats.count)])
    return 0
}
