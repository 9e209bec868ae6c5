/// What a check concluded.
///
/// `fail` of a recommended check is reported as `warn`: `CheckResult` decides, from the check's severity.
public enum CheckVerdict: String, Sendable, Hashable, CaseIterable {
    case pass = "PASS"
    case fail = "FAIL"
    case warn = "WARN"
    case skip = "SKIP"
}
