// swift-tools-version:6.0
import PackageDescription

// The benchmark's baseline: the plainest Hummingbird 2 route serving fixed bytes.
// A separate package, so the benchmark measures Hummingbird alone, without Bifrost's modules.
// Linked as `bifrost` is in release builds (the Swift runtime statically, with lld), so that
// the two differ only in what they do per request.
let staticStdlib: [String] = ["-static-stdlib"]

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
            path: "Sources/BareRoute",
            swiftSettings: [.unsafeFlags(staticStdlib, .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [.unsafeFlags(staticStdlib + ["-use-ld=lld"], .when(platforms: [.linux], configuration: .release))]
        )
    ],
    swiftLanguageModes: [.v6]
)
