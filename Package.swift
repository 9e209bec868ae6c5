// swift-tools-version:6.2
import PackageDescription

/// Release builds on Linux link the Swift runtime and Foundation statically: `bifrost` then starts
/// in about half the time, without binding thousands of symbols of the Swift libraries at each
/// start (docs/performance.md). The compiler needs the flag too, for the static libraries' link entries.
let staticStdlib = ["-static-stdlib"]

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .unsafeFlags(staticStdlib, .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "Bifrost",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bifrost", targets: ["bifrost"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    ],
    targets: [
        // libcurl through dlopen, at first use (Sources/CCurl/include/bifrost_curl.h); its headers come
        // from libcurl4-openssl-dev, which ci/setup installs.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // The commit `bifrost --version` prints, stamped by ci/package into the shipped binary after the build.
        .target(name: "CBuildStamp"),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "Wire", dependencies: ["CLibXML2"], swiftSettings: swiftSettings),
        // XML signatures (SAML assertions): libxml2's companion xmlsec1, with its OpenSSL engine.
        .systemLibrary(
            name: "CXMLSec",
            pkgConfig: "xmlsec1",
            providers: [.apt(["libxmlsec1-dev"])]
        ),
        .target(name: "XMLSignature", dependencies: ["CXMLSec"], swiftSettings: swiftSettings),
        .target(
            name: "Transport",
            dependencies: ["CCurl", .product(name: "NIOPosix", package: "swift-nio")],
            swiftSettings: swiftSettings
        ),
        // Programs and services under test, and the SFTP stand-in's sshd: swift-subprocess with process groups.
        .target(
            name: "ChildProcesses",
            dependencies: [
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Partners",
            dependencies: [
                "Wire", "Transport", "ChildProcesses", "XMLSignature",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // TLS for the stand-in partners: the one module that links swift-nio-ssl (BoringSSL), so the
        // others build without it.
        .target(
            name: "MockTLS",
            dependencies: [
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "Flows", dependencies: ["Wire", "Transport"], swiftSettings: swiftSettings),
        // What Harness and Certification both use: YAML read with positions and input errors, report files
        // and HTML, secret scrubbing, the requirement catalog.
        .target(
            name: "Support",
            dependencies: ["Wire", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // The catalog a check's quote comes from is Scenarios/requirements.yaml, through a symbolic link in
        // the target's folder: embedded in the binary, so a report reads the same outside the checkout.
        .target(
            name: "Certification",
            dependencies: [
                "Support", "Flows", "Partners", "Wire", "Transport",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.embedInCode("Requirements/requirements.yaml")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Harness",
            dependencies: [
                "Support", "Flows", "Partners", "Wire", "Transport", "ChildProcesses", "MockTLS",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        // Test helpers only (mocks in process, sample states, fixtures): no product ships it.
        .target(
            name: "BifrostTesting",
            dependencies: [
                "Harness", "Partners", "Flows", "Transport", "Wire", "ChildProcesses", .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "bifrost",
            dependencies: [
                "Harness", "Certification", "Support", "Partners", "Transport", "Wire", "ChildProcesses", "CBuildStamp",
                "MockTLS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings,
            linkerSettings: [.unsafeFlags(staticStdlib + ["-use-ld=lld"], .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(name: "WireTests", dependencies: ["Wire"], swiftSettings: swiftSettings),
        .testTarget(name: "ChildProcessesTests", dependencies: ["ChildProcesses"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PartnersTests",
            dependencies: ["Partners", "Wire", "ChildProcesses", .product(name: "NIOPosix", package: "swift-nio")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TransportTests", dependencies: ["Transport", "Partners", "Wire", "ChildProcesses", "BifrostTesting"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FlowsTests", dependencies: ["Flows", "Partners", "Wire", "Transport", "BifrostTesting"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "HarnessTests",
            dependencies: [
                "Harness", "Support", "Flows", "Wire", "Partners", "Transport", "BifrostTesting",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CertificationTests",
            dependencies: ["Certification", "Harness", "Support", "Flows", "Wire", "Partners", "Transport", "BifrostTesting"],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
