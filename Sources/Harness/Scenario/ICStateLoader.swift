import Partners
import Wire
import Yams

/// Reads a scenario's `ic:` block: the billers the mock IC serves.
///
/// ```yaml
/// ic:
///   billers:
///     - {guid: 6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b, key: 0b9d5c3e-…, profile: imt-mips-apps}
/// ```
struct ICStateLoader {
    let reader: YAMLReader

    func load(_ node: Node) throws(InputError) -> ICState {
        let members = try reader.mapping(node, what: "ic", allowed: ["billers"], required: ["billers"])
        var state = ICState()
        for element in try reader.sequence(members["billers"]!, what: "ic.billers") {
            let fields = try reader.mapping(
                element, what: "a biller", allowed: ["guid", "key", "profile"], required: ["guid", "key", "profile"])
            state.billers.append(
                ICState.Biller(
                    guid: try reader.nonEmptyText(fields["guid"]!, what: "guid"),
                    webServiceKey: try reader.nonEmptyText(fields["key"]!, what: "key"),
                    profile: try reader.choice(fields["profile"]!, what: "BIF profile", of: BIFProfile.self)))
        }
        return state
    }
}
