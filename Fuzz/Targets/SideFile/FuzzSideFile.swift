import Foundation
import HeartDeskAnalysis
import HeartDeskCore

/// The shipped Durham policy and its beat polygons, loaded once: every side file is checked against them.
private let durham: Policy? = try? PolicyLoader.bundledDurham()
private let durhamLocator: BeatLocator? = try? durham?.loadBeatLocator()

/// One file, written again for each input: the side-file readers take a path, as a policy names them.
private let path = FileManager.default.temporaryDirectory.appendingPathComponent("heartdesk-fuzz-sidefile-\(getpid())").path

/// libFuzzer entry: the first byte picks a reader of the files a policy or an analysis names beside it (Fuzz/README.md),
/// the rest is the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSideFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let durham, let durhamLocator else { fatalError("the built-in Durham policy or its beats do not load") }
    guard size > 0 else { return 0 }
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes: data + 1, count: size - 1)) else {
        fatalError("cannot write \(path)")
    }
    // '0'…'4' in the seeds; any other byte picks one too.
    switch Int(data[0] &- UInt8(ascii: "0")) % 5 {
    case 0: _ = try? VocabularyReader.load(path: path, displayName: "fuzz", policy: durham)
    case 1: _ = try? PlacesReader.load(path: path, displayName: "fuzz", policy: durham, locator: durhamLocator, streets: nil)
    case 2: _ = try? StreetGuideReader.load(path: path, displayName: "fuzz", policy: durham)
    case 3: _ = try? BeatLocator.load(path: path, displayName: "fuzz", property: "beat", policy: durham)
    default: _ = try? CallsMapping.load(path: path, policy: durham)
    }
    return 0
}
