// swift-tools-version:6.0
import PackageDescription

// The benchmark's baseline: the plainest Hummingbird 2 route serving fixed bytes.
// A separate package, so the benchmark measures Hummingbird alone, without Bifrost's modules.
let package = Package(
    name: "BareRoute",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1")
    ],
    targets: [
        .executableTarget(
            name: "bare-route",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Sources/BareRoute"
        )
    ],
    swiftLanguageModes: [.v6]
)
