// swift-tools-version: 6.0
import PackageDescription

// Swift 6 language mode already checks concurrency strictly; these add the rest.
let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "HeartDesk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "heartdesk", targets: ["heartdesk"]),
        .executable(name: "heartdesk-bench", targets: ["HeartDeskBenchmark"]),
        .library(name: "HeartDeskCore", targets: ["HeartDeskCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The domain: call types, beats, policy, time, routing. No terminal, no clock reads.
        .target(
            name: "HeartDeskCore",
            dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/Policies")],
            swiftSettings: strictness
        ),
        // The shift journal: events in an append-only, hash-chained, fsync'd file.
        .target(
            name: "HeartDeskJournal",
            dependencies: ["HeartDeskCore", "CLibCrypto"],
            swiftSettings: strictness
        ),
        // OpenSSL's libcrypto: the journal's SHA-256 per record without a heap allocation each (Sources/CLibCrypto/shim.h).
        .systemLibrary(name: "CLibCrypto", path: "Sources/CLibCrypto", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),
        // The shift journal in PostgreSQL, for positions on many machines: the same events, codec and hash chain.
        .target(
            name: "HeartDeskPostgres",
            dependencies: ["HeartDeskCore", "HeartDeskJournal", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                           .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictness
        ),
        // Colour themes, shipped as text files in Themes/.
        .target(
            name: "HeartDeskThemes",
            path: "Themes",
            exclude: ["README.md"],
            resources: [.copy("default.theme"), .copy("high-contrast.theme"), .copy("monochrome.theme")],
            swiftSettings: strictness
        ),
        // The console as plain Swift: state, key handling, views drawing into a cell grid. No curses.
        .target(
            name: "HeartDeskConsole",
            dependencies: ["HeartDeskCore", "HeartDeskJournal", "HeartDeskThemes"],
            swiftSettings: strictness
        ),
        // ncursesw, wide-character build; the shim defines what Swift cannot import (macros, globals).
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses", pkgConfig: "ncursesw",
                       providers: [.apt(["libncursesw5-dev"])]),
        // The thin terminal layer: every curses call, on one thread; draws only changed cells.
        .target(
            name: "HeartDeskTerminal",
            dependencies: ["HeartDeskConsole", "CNCurses"],
            swiftSettings: strictness
        ),
        // Tabletop exercises: scenario files, the simulated clock, the scripted callers and units, the perfect trainee.
        .target(
            name: "HeartDeskExercise",
            dependencies: ["HeartDeskCore", "HeartDeskJournal", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/Scenarios")],
            swiftSettings: strictness
        ),
        // The after-action report of a shift's journal, live or exercise: per call, per unit, summary, score.
        .target(
            name: "HeartDeskReport",
            dependencies: ["HeartDeskCore"],
            swiftSettings: strictness
        ),
        // Program planning on history: a city's calls-for-service export run through the policy (`heartdesk analyze`).
        .target(
            name: "HeartDeskAnalysis",
            dependencies: ["HeartDeskCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictness
        ),
        // SQLite, for the benchmark's side-by-side durable-append comparison only.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        // glibc's allocator statistics, for the soak benchmark's heap figures only.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // The `heartdesk` command line: parses arguments, drives the core, prints.
        .target(
            name: "HeartDeskCommandLine",
            dependencies: [
                "HeartDeskCore",
                "HeartDeskJournal",
                "HeartDeskPostgres",
                "HeartDeskConsole",
                "HeartDeskTerminal",
                "HeartDeskExercise",
                "HeartDeskReport",
                "HeartDeskAnalysis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "heartdesk",
            dependencies: ["HeartDeskCommandLine"],
            swiftSettings: strictness
        ),
        // Release-mode throughput figures; run with `swift run -c release heartdesk-bench`.
        .executableTarget(
            name: "HeartDeskBenchmark",
            dependencies: ["HeartDeskCore", "HeartDeskJournal", "HeartDeskPostgres", "HeartDeskConsole", "HeartDeskAnalysis", "CSQLite",
                           "CMalloc"],
            swiftSettings: strictness
        ),
        // Appends notes in a loop, printing each one once it is durable: the crash and two-writer tests kill and race it.
        .executableTarget(
            name: "heartdesk-journal-stress",
            dependencies: ["HeartDeskCore", "HeartDeskJournal", "HeartDeskPostgres"],
            path: "Sources/JournalStress",
            swiftSettings: strictness
        ),
        .target(
            name: "TestSupport",
            dependencies: ["HeartDeskCore", "HeartDeskJournal", "HeartDeskConsole", "HeartDeskExercise", "HeartDeskReport"],
            path: "Tests/TestSupport",
            swiftSettings: strictness
        ),
        .testTarget(
            name: "HeartDeskCoreTests",
            dependencies: ["HeartDeskCore", "TestSupport"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "HeartDeskJournalTests",
            dependencies: ["HeartDeskCore", "HeartDeskJournal", "TestSupport", "heartdesk-journal-stress", "heartdesk"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "HeartDeskConsoleTests",
            dependencies: ["HeartDeskConsole", "HeartDeskCore", "HeartDeskJournal", "TestSupport", "heartdesk"],
            exclude: ["__Snapshots__"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "HeartDeskExerciseTests",
            dependencies: ["HeartDeskExercise", "HeartDeskReport", "HeartDeskCore", "HeartDeskJournal", "HeartDeskConsole",
                           "HeartDeskAnalysis", "TestSupport", "heartdesk"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "HeartDeskAnalysisTests",
            dependencies: ["HeartDeskAnalysis", "HeartDeskCore", "TestSupport", "heartdesk"],
            swiftSettings: strictness
        ),
        // Needs a PostgreSQL server: each suite starts a private one (Tests/TestSupport/PostgresServer.swift).
        .testTarget(
            name: "HeartDeskPostgresTests",
            dependencies: ["HeartDeskPostgres", "HeartDeskJournal", "HeartDeskCore", "TestSupport", "heartdesk", "heartdesk-journal-stress"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "HeartDeskCommandLineTests",
            dependencies: ["heartdesk", "HeartDeskCore", "TestSupport"],
            swiftSettings: strictness
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets, built only by Fuzz/run (HEARTDESK_FUZZ=1, with -sanitize=fuzzer,address): they have no
// main of their own (libFuzzer's is linked), so an ordinary `swift build` must not see them.
if Context.environment["HEARTDESK_FUZZ"] != nil {
    let fuzzTargets: [(name: String, folder: String, module: Target.Dependency)] = [
        ("fuzz-policy", "Policy", "HeartDeskCore"), ("fuzz-scenario", "Scenario", "HeartDeskExercise"),
        ("fuzz-theme", "Theme", "HeartDeskConsole"), ("fuzz-roster", "Roster", "HeartDeskCore"),
        ("fuzz-journal", "Journal", "HeartDeskJournal"), ("fuzz-export", "Export", "HeartDeskAnalysis"),
        ("fuzz-sidefile", "SideFile", "HeartDeskAnalysis"),
    ]
    for target in fuzzTargets {
        package.targets.append(.executableTarget(name: target.name, dependencies: [target.module],
                                                 path: "Fuzz/Targets/\(target.folder)", swiftSettings: strictness))
    }
}
