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
    ],
    targets: [
        // The domain: call types, beats, policy, time, routing. No terminal, no clock reads.
        .target(
            name: "HeartDeskCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/Policies")],
            swiftSettings: strictness
        ),
        // The `heartdesk` command line: parses arguments, drives the core, prints.
        .target(
            name: "HeartDeskCommandLine",
            dependencies: [
                "HeartDeskCore",
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
            dependencies: ["HeartDeskCore"],
            swiftSettings: strictness
        ),
        .target(
            name: "TestSupport",
            dependencies: ["HeartDeskCore"],
            path: "Tests/TestSupport",
            swiftSettings: strictness
        ),
        .testTarget(
            name: "HeartDeskCoreTests",
            dependencies: ["HeartDeskCore", "TestSupport"],
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
