// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Commissioner",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "commissioner", targets: ["commissioner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // The domain: plain Swift values and rules. Foundation only. It carries the OCDS release schema
        // whose merge rules `commissioner ocds compile` applies by default.
        .target(name: "CommissionerDomain", resources: [.copy("OpenData/Schemas")]),
        // Database models, migrations and queries, for SQLite and PostgreSQL.
        .target(
            name: "CommissionerPersistence",
            dependencies: [
                "CommissionerDomain",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        // Routes, pages, sessions, authorisation, the JSON API and the command line's commands.
        // ZIPFoundation packs the Word (.docx) downloads.
        .target(
            name: "CommissionerWeb",
            dependencies: [
                "CommissionerDomain",
                "CommissionerPersistence",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "commissioner",
            dependencies: ["CommissionerWeb", .product(name: "Vapor", package: "vapor")]
        ),
        .testTarget(
            name: "CommissionerDomainTests",
            dependencies: ["CommissionerDomain", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "CommissionerWebTests",
            dependencies: [
                "CommissionerWeb",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
