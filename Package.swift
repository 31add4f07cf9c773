// swift-tools-version: 6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Capwatch",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "AISDecoding", targets: ["AISDecoding"]),
        .library(name: "CapwatchCore", targets: ["CapwatchCore"]),
        .library(name: "TrackAnalysis", targets: ["TrackAnalysis"]),
        .library(name: "SanctionsScreening", targets: ["SanctionsScreening"]),
        .library(name: "CapwatchStore", targets: ["CapwatchStore"]),
        .executable(name: "capwatch", targets: ["capwatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // NMEA 0183 / ITU-R M.1371 decoding. Depends on nothing.
        .target(name: "AISDecoding", swiftSettings: strictSettings),
        // The domain: identifiers, units, positions, events. No I/O.
        .target(name: "CapwatchCore", swiftSettings: strictSettings),
        // AIS to tracks, detectors. No I/O.
        .target(name: "TrackAnalysis", dependencies: ["AISDecoding", "CapwatchCore", "CSinCos"], swiftSettings: strictSettings),
        // Sanctions lists (UN consolidated XML, OFAC SDN CSV) and the name/identifier matcher. No I/O:
        // list readers take bytes.
        .target(name: "SanctionsScreening", dependencies: ["CapwatchCore"], swiftSettings: strictSettings),
        // Storage: the SQLite database façade (GRDB), migrations, records.
        .target(
            name: "CapwatchStore",
            dependencies: ["CapwatchCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        // zlib, the system library, for reading .gz input as a stream.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // libm's sincos, for the Earth-centred coordinates of the encounter search.
        .systemLibrary(name: "CSinCos", path: "Sources/CSinCos"),
        // The command line: file reading, output writing.
        .executableTarget(
            name: "capwatch",
            dependencies: [
                "AISDecoding", "CapwatchCore", "TrackAnalysis", "SanctionsScreening", "CapwatchStore", "CZlib", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "AISDecodingTests", dependencies: ["AISDecoding"], exclude: ["Fixtures"], swiftSettings: strictSettings),
        .testTarget(name: "CapwatchCoreTests", dependencies: ["CapwatchCore"], swiftSettings: strictSettings),
        .testTarget(name: "TrackAnalysisTests", dependencies: ["TrackAnalysis", "AISDecoding", "CapwatchCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "SanctionsScreeningTests", dependencies: ["SanctionsScreening", "CapwatchCore"], exclude: ["Fixtures"], swiftSettings: strictSettings),
        .testTarget(name: "CapwatchStoreTests", dependencies: ["CapwatchStore", "CapwatchCore"], swiftSettings: strictSettings),
        .testTarget(name: "capwatchTests", dependencies: ["capwatch"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
