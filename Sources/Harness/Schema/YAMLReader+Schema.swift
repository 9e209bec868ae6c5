import Support
import Yams

extension YAMLReader {
    /// The members of a mapping, after checking them against the names `schema` allows and requires.
    func mapping(_ node: Node, what: String, schema: MappingSchema) throws(InputError) -> [String: Node] {
        try mapping(node, what: what, allowed: schema.allowed, required: schema.required)
    }
}
