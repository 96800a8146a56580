import Foundation
@testable import HeartDeskCore
import Testing
import TestSupport

/// The compiled-policy cache: a policy loaded from it is the policy the YAML makes, and a damaged cache is only a miss.
@Suite("Compiled policy cache")
struct PolicyCacheTests {
    let directory = TemporaryDirectory()
    /// Two levels down, as ~/.cache/heartdesk is on a machine that has no ~/.cache yet.
    var cache: PolicyCache { PolicyCache(directory: directory.path("cache/heartdesk")) }

    /// Where the cache keeps a policy loaded from text (no folder).
    func cachePath(_ policy: Policy) -> String {
        cache.path(for: PolicyLoader.cacheKey(contentHash: policy.contentHash, directory: nil, builtIn: false))
    }

    static var durhamText: String {
        get throws {
            try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../Sources/HeartDeskCore/Resources/Policies/durham.yaml"), encoding: .utf8)
        }
    }

    /// Everything a policy holds, as text: two policies with the same description route, explain and show alike.
    static func describe(_ p: Policy) -> String {
        var out = [p.name, p.programName, p.contentHash, p.timeZone.identifier]
        out += [Int64(0), 1_710_054_000, 1_730_613_600, 1_800_000_000, 4_000_000_000].map { "\(p.timeZone.utcOffset(atUTC: $0))" }
        out += p.safetyFlags.map { "\($0)" } + p.callTypes.map { "\($0)" } + p.beats.map { "\($0)" }
        for r in p.responses {
            let covered = p.beats.filter { r.area.covers($0.index) }.map(\.id)
            out.append("\(r.index) \(r.id) \(r.name) \(r.kind) \(r.area.name) \(r.area.isCitywide) \(covered) \(r.hours) \(r.eligibility)")
        }
        let timers = p.timers.unitStatus.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key) \($0.value)" }
        out += ["\(p.dispatchPreference)", "\(String(describing: p.timers.pendingCall))", "\(timers)", "\(p.targets)", "\(p.priorities)",
                "\(p.crewRoles)", "\(String(describing: p.beatGeometry))", "\(String(describing: p.vocabulary))",
                "\(String(describing: p.places))", "\(String(describing: p.streets))", "\(String(describing: p.interpreterLine))"]
        return out.joined(separator: "\n")
    }

    /// Every call type in every beat and none, with no flags and each flag, at a weekday noon and a weekend night.
    static func decisions(_ p: Policy) -> [Decision] {
        let router = Router(policy: p)
        var result: [Decision] = []
        for type in p.callTypes {
            for beat in p.beats.map(\.index) + [nil] {
                for flags in [SafetyFlagSet()] + p.safetyFlags.map({ SafetyFlagSet(index: $0.index) }) {
                    for at in [1_795_370_400.0, 1_795_838_400.0] {  // Mon 2026-11-23 12:00 and Sun 2026-11-29 01:00 in Durham
                        result.append(router.route(CallFacts(callType: type.index, beat: beat, flags: flags), at: Date(timeIntervalSince1970: at)))
                    }
                }
            }
        }
        return result
    }

    @Test("loaded from the cache, a policy is the one its YAML makes, and decides every call the same", arguments: ["durham", "durham with places", "bayview", "minimal"])
    func sameAsParsed(which: String) throws {
        let places = "\nplaces: places.yaml\nstreets: streets.yaml\ninterpreterLine: \"\(IntakeFiles.interpreterLine)\"\n"
        let text = which == "durham" ? try Self.durhamText : which == "durham with places" ? try Self.durhamText + places
            : which == "bayview" ? PolicyText.otherCity : PolicyText.minimal
        let parsed = try PolicyLoader.load(yaml: text, source: "p.yaml")
        let first = try PolicyLoader.load(yaml: text, source: "p.yaml", cache: cache)
        #expect(FileManager.default.fileExists(atPath: cachePath(parsed)))
        let key = PolicyLoader.cacheKey(contentHash: parsed.contentHash, directory: nil, builtIn: false)
        let cached = try #require(cache.policy(key: key, contentHash: parsed.contentHash, source: "p.yaml"))
        let again = try PolicyLoader.load(yaml: text, source: "p.yaml", cache: cache)
        #expect(Self.describe(first) == Self.describe(parsed))
        #expect(Self.describe(cached) == Self.describe(parsed))
        #expect(Self.describe(again) == Self.describe(parsed))
        #expect(Self.decisions(cached) == Self.decisions(parsed))
        #expect(again.source == "p.yaml")
    }

    @Test("the cache is what is read: a compiled policy stored under a file's hash is what that file loads as")
    func cacheIsUsed() throws {
        let text = try Self.durhamText
        let real = try PolicyLoader.load(yaml: text, source: "d.yaml", cache: cache)
        let other = try PolicyLoader.load(yaml: text.replacingOccurrences(of: "name: Durham HEART", with: "name: Cached Durham"), source: "x")
        // The other policy's compiled bytes, re-stamped with the real file's hash and checksummed as the cache does.
        let impostor = Policy(name: other.name, source: "x", timeZone: other.timeZone, safetyFlags: other.safetyFlags,
                              callTypes: other.callTypes, beats: other.beats, responses: other.responses,
                              dispatchPreference: other.dispatchPreference, timers: other.timers, targets: other.targets,
                              programName: other.programName, priorities: other.priorities, crewRoles: other.crewRoles,
                              contentHash: real.contentHash)
        try FileManager.default.removeItem(atPath: cachePath(real))
        cache.store(impostor, key: PolicyLoader.cacheKey(contentHash: real.contentHash, directory: nil, builtIn: false))
        #expect(try PolicyLoader.load(yaml: text, source: "d.yaml", cache: cache).name == "Cached Durham")
        // The same text read from a folder is another entry: files named beside it are that folder's.
        let elsewhere = try PolicyLoader.load(yaml: text, source: "d.yaml", cache: cache, directory: directory.path("elsewhere"))
        #expect(elsewhere.name == "Durham HEART" && elsewhere.vocabulary?.path == directory.path("elsewhere") + "/durham-vocabulary.yaml")
        // An edited file has another hash: the stale entry is never its answer.
        let edited = try PolicyLoader.load(yaml: text + "\n# edited\n", source: "d.yaml", cache: cache)
        #expect(edited.name == "Durham HEART")
    }

    @Test("a damaged cache file — cut short, a byte changed, garbage — is a miss: the YAML is read and the policy is right")
    func damagedIsAMiss() throws {
        let text = try Self.durhamText
        let parsed = try PolicyLoader.load(yaml: text, source: "d.yaml", cache: cache)
        let path = cachePath(parsed)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        var damaged: [Data] = [Data(), Data("HEARTDESK-POLICY".utf8), good.prefix(good.count / 2), good.dropLast(1), Data(repeating: 0xFF, count: 4096)]
        for position in stride(from: 0, to: good.count, by: max(1, good.count / 40)) {
            var flipped = good
            flipped[position] ^= 0x41
            damaged.append(flipped)
        }
        for bytes in damaged {
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(Self.describe(try PolicyLoader.load(yaml: text, source: "d.yaml", cache: cache)) == Self.describe(parsed))
        }
        // A FIFO in its place would block a reader for ever: it is passed over.
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o600) == 0)
        #expect(Self.describe(try PolicyLoader.load(yaml: text, source: "d.yaml", cache: cache)) == Self.describe(parsed))
    }

    @Test("where the command line keeps it, and how to turn it off", arguments: [
        (["HEARTDESK_CACHE_DIR": "/tmp/hd"], "/tmp/hd"), (["HEARTDESK_CACHE_DIR": "off", "HOME": "/home/ana"], nil),
        (["XDG_CACHE_HOME": "/var/cache/ana", "HOME": "/home/ana"], "/var/cache/ana/heartdesk"),
        (["HOME": "/home/ana"], "/home/ana/.cache/heartdesk"), ([:], nil),
    ])
    func standardPlace(environment: [String: String], expected: String?) {
        #expect(PolicyCache.standard(environment: environment)?.directory == expected)
    }
}
