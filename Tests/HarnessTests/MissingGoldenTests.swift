import BifrostTesting
import Foundation
import Testing

/// A scenario without golden files shows on the console what each step did, not only that a file is missing.
@Suite struct MissingGoldenTests {
    @Test func `each step's status and error are printed: a program's exit and its output, a setting not set`()
        async throws
    {
        let folder = try TemporaryFolder("missing-golden")
        defer { folder.remove() }
        try folder.write(
            """
            name: A first run without golden files
            profile: imt-mips-apps
            clock: 2024-11-18T17:05:28Z
            settings:
              88: "{imt.auth}/sessions/"
              8: "{imt.api}/"
              9: icuser
              10: s3cr3t-pass
            imt:
              users: {icuser: s3cr3t-pass}
            steps:
              - run:
                  command: sh
                  args: [-c, "echo posting; echo 'HTTP 422 {\\"errors\\": [{\\"detail\\": \\"Amount must be positive\\"}]}' >&2; exit 1"]
              - run: {command: no-such-program-anywhere}
              - imt-ping: {service: rtdr}
              - imt-ping: {service: payments}
            expect:
              golden: [result]

            """, to: "Scenarios/first.yaml")
        let run = try await BifrostExecutable.run(["run", "Scenarios"], environment: ["CI": "true"], in: folder.path)
        #expect(run.status == 1)
        let lines = run.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0.hasPrefix("missing golden file") })
        #expect(lines.contains("steps (no golden file to compare them with):"))
        #expect(lines.contains("1 run: failed: exited with status 1"))
        #expect(lines.contains(#"stderr: HTTP 422 {"errors": [{"detail": "Amount must be positive"}]}"#))
        #expect(lines.contains("stdout: posting"))
        #expect(lines.contains { $0.hasPrefix("2 run: failed: ") && $0.contains("no-such-program-anywhere") }, "\(lines)")
        #expect(lines.contains("3 imt-ping: succeeded"))
        #expect(lines.contains("4 imt-ping: failed: advanced setting 11 (the DataPump Payments URL) is not set"))
        #expect(!run.output.contains("s3cr3t-pass"))
    }
}
