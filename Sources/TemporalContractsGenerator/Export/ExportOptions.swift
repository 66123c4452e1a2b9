/// Settings of ``ContractExporter`` that are not part of the contract.
public struct ExportOptions: Hashable, Sendable {
    /// The start of each JSON Schema's `$id`: with `https://schemas.example.com/temporal/`, the
    /// `Orders` contract's schema is `https://schemas.example.com/temporal/Orders.schema.json`.
    /// Without it the `$id` is `urn:temporal-contracts:Orders`, stable but not resolvable.
    public var schemaIDBase: String?
    /// The folder manifests state contract files relative to (the CLI's working directory), so
    /// that a manifest reads the same on every machine; files elsewhere keep their path as given.
    public var baseDirectory: String?

    /// Creates export options.
    /// - Parameters:
    ///   - schemaIDBase: the start of each JSON Schema's `$id`; see ``schemaIDBase``.
    ///   - baseDirectory: the folder manifests state contract files relative to.
    public init(schemaIDBase: String? = nil, baseDirectory: String? = nil) {
        self.schemaIDBase = schemaIDBase
        self.baseDirectory = baseDirectory
    }
}
