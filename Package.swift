// swift-tools-version:6.2
import PackageDescription

// Layout: a pure core (no I/O) with the edges around it. The executable only wires them together.
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "Hoebi",
    platforms: [.macOS(.v14)],
    products: [.executable(name: "hoebi", targets: ["hoebi"])],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // SHA-512 and AES-CBC for password-protected statements (and RSA for bank APIs later).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // HTTP client for the bank adapters, and the server for the local bank sandbox.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // The service: bcrypt for treasurers' passwords, Prometheus metrics, graceful shutdown, logs.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // The API's types and server protocol, generated from api/openapi.json (scripts/generate-api).
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        // The hosted engine: PostgreSQL's wire protocol, a connection pool and COPY FROM STDIN.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.25.0")
    ],
    targets: [
        // Domain, matcher, allocation, report model. Foundation only; no files, no database, no network.
        .target(name: "HoebiCore", swiftSettings: strict),
        // The ledger's engines: SQLite through GRDB (the embedded default) and PostgreSQL through
        // postgres-nio (hosting); the schema is migrations/*.sql and migrations/postgres/*.sql.
        .target(
            name: "HoebiStore",
            dependencies: [
                "HoebiCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log")
            ],
            // The schema is migrations/*.sql at the top, embedded at build time (EmbedFiles).
            swiftSettings: strict, plugins: ["EmbedFiles"]),
        // Statement files (xlsx, csv) → normalised transactions.
        .target(
            name: "HoebiImport",
            dependencies: [
                "HoebiCore", "HoebiOffice", "ZIPFoundation",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto")
            ],
            swiftSettings: strict),
        // Generated data, never the domain: labelled histories and the matcher's scorer (tests,
        // `hoebi evaluate`), the demo's sample club and statement (`hoebi demo`), the benchmark's
        // generated members. Only the executable, the wiring's benchmark and tests link it.
        .target(name: "HoebiFixtures", dependencies: ["HoebiCore", "HoebiImport", "HoebiOffice"], swiftSettings: strict),
        // Office files, read and written: the zip parts of an xlsx (read safely) and the xlsx writer,
        // shared by the importer and the report workbook.
        .target(name: "HoebiOffice", dependencies: ["ZIPFoundation"], swiftSettings: strict),
        // Terminal table, CSV, JSON, HTML, the xlsx workbook and the Korean notice.
        .target(
            name: "HoebiRender", dependencies: ["HoebiAPI", "HoebiCore", "HoebiOffice", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strict),
        // Bank APIs: response codecs (pure) and HTTP adapters.
        .target(
            name: "HoebiSources",
            dependencies: [
                "HoebiCore", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "CryptoExtras", package: "swift-crypto")
            ],
            swiftSettings: strict),
        // The local bank sandbox: all four APIs over a generated history, with fault injection.
        .target(
            name: "HoebiSandbox",
            dependencies: [
                "HoebiCore", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "CryptoExtras", package: "swift-crypto")
            ],
            swiftSettings: strict),
        // The API's contract, generated from api/openapi.json by scripts/generate-api and committed:
        // the documents' Codable types (also the command line's --format json) and the server
        // protocol whose every operation the service must implement.
        // Its warnings (imports the 6.3 compiler calls unused, silenced by the generator only from
        // 6.4 on) are the generator's, not ours: silenced here so that ours stay at zero.
        .target(
            name: "HoebiAPI", dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
            swiftSettings: [.unsafeFlags(["-suppress-warnings"])]),
        // Use cases that combine the edges (import a file, re-match, build a report); no argument parsing.
        .target(
            name: "HoebiApp", dependencies: ["HoebiAPI", "HoebiCore", "HoebiImport", "HoebiOffice", "HoebiRender", "HoebiSources"],
            swiftSettings: strict),
        // The composition root: opens the SQLite engine and the file-based sync lock behind the
        // use cases' protocols (Workspace), and the benchmark that times that engine. Only the
        // executable and the tests that need a real store depend on it; HoebiApp and HoebiServer do not.
        .target(
            name: "HoebiWiring", dependencies: ["HoebiApp", "HoebiCore", "HoebiFixtures", "HoebiStore", "HoebiImport", "HoebiOffice"], swiftSettings: strict),
        // `hoebi serve`: dashboard, members' pages, JSON API, scheduled syncs (Hummingbird).
        .target(
            name: "HoebiServer",
            dependencies: [
                "HoebiAPI", "HoebiApp", "HoebiCore", "HoebiRender", "HoebiImport", "HoebiSources",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto")
            ],
            // The views are files (Views/*.mustache, dashboard.css, app.js), embedded at build time.
            exclude: ["Views"],
            swiftSettings: strict, plugins: ["EmbedFiles"]),
        // The build-time half of the EmbedFiles plugin: files → one Swift file of their texts.
        .executableTarget(name: "EmbedFilesTool", swiftSettings: strict),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedFilesTool"]),
        .executableTarget(
            name: "hoebi",
            dependencies: [
                "HoebiApp", "HoebiFixtures", "HoebiWiring", "HoebiStore", "HoebiSources", "HoebiSandbox", "HoebiServer", "ZIPFoundation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client")
            ],
            swiftSettings: strict),
        // What several test targets share: a throwaway PostgreSQL cluster (initdb on a Unix socket).
        .target(name: "HoebiTestSupport", path: "Tests/Support"),
        .testTarget(name: "HoebiCoreTests", dependencies: ["HoebiCore", "HoebiFixtures"]),
        .testTarget(
            name: "HoebiStoreTests", dependencies: ["HoebiStore", "HoebiApp", "HoebiWiring", "HoebiImport", "HoebiRender", "HoebiTestSupport", "ZIPFoundation"]),
        .testTarget(name: "HoebiImportTests", dependencies: ["HoebiImport", "HoebiOffice"], resources: [.copy("Fixtures")]),
        .testTarget(name: "HoebiRenderTests", dependencies: ["HoebiRender"]),
        .testTarget(name: "HoebiSourcesTests", dependencies: ["HoebiSources"], resources: [.copy("Fixtures")]),
        // The fuzz target: seeded mutations of every reader's real inputs, for a bounded time.
        // Regressions/ is read from the source tree (by #filePath), not bundled: excluded, so that
        // SwiftPM does not warn about files it does not know what to do with.
        .testTarget(
            name: "HoebiFuzzTests", dependencies: ["HoebiCore", "HoebiImport", "HoebiSources", "HoebiServer", "HoebiStore", "ZIPFoundation"],
            exclude: ["Regressions"]),
        .testTarget(
            name: "HoebiServerTests",
            dependencies: [
                "HoebiServer", "HoebiApp", "HoebiCore", "HoebiWiring", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log")
            ]),
        .testTarget(name: "HoebiSyncTests", dependencies: ["HoebiApp", "HoebiWiring", "HoebiSandbox", "HoebiSources", "HoebiStore"]),
        // Drives the built `hoebi` binary; depending on it makes `swift test` build it first.
        .testTarget(name: "HoebiEndToEndTests", dependencies: ["hoebi", "HoebiTestSupport"])
    ]
)
