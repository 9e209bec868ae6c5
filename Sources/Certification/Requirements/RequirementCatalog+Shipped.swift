import Support

extension RequirementCatalog {
    /// The catalog built into the program: `Scenarios/requirements.yaml`, embedded when the program is built
    /// (the target's `requirements.yaml` is a symbolic link to it), so checks read their seed text from the
    /// one catalog without the repository at hand.
    ///
    /// The text is read at first use. A catalog that does not read leaves every quote empty; a test reads it.
    static let shipped: RequirementCatalog = (try? shippedResult.get()) ?? RequirementCatalog(file: fileName)

    /// The built-in catalog, or why it does not read.
    static let shippedResult = Result { () throws(InputError) in
        try RequirementCatalog.read(String(decoding: PackageResources.requirements_yaml, as: UTF8.self), file: fileName)
    }
}
