import Testing

@testable import TemporalContractsGenerator

/// View models reach templates as dictionaries of their stored properties, made once.
struct TemplateContextTests {
    struct Inner {
        var name: String
        var lines: [String]
    }

    struct Outer {
        var flag: Bool
        var inner: Inner?
        var missing: Inner?
        var items: [Inner]
    }

    @Test func storedPropertiesBecomeNestedDictionariesAndNilOnesAreLeftOut() throws {
        let value = Outer(flag: true, inner: Inner(name: "a", lines: ["x"]), missing: nil, items: [Inner(name: "b", lines: [])])
        let context = try #require(TemplateContext.make(value) as? [String: Any])
        #expect(Set(context.keys) == ["flag", "inner", "items"])
        #expect(context["flag"] as? Bool == true)
        let inner = try #require(context["inner"] as? [String: Any])
        #expect(inner["name"] as? String == "a")
        #expect(inner["lines"] as? [String] == ["x"])
        let items = try #require(context["items"] as? [Any])
        #expect((items.first as? [String: Any])?["name"] as? String == "b")
    }

    @Test func aTemplateReadsTheViewModelThroughIt() throws {
        let renderer = try TemplateRenderer()
        let file = FileViewModel(
            sourceFile: "a.temporal.yaml",
            generatorVersion: "1",
            imports: [ImportViewModel(module: "Foundation", spi: false), ImportViewModel(module: "TemporalContracts", spi: true)],
            namespace: "A",
            access: "",
            namespaceDoc: [],
            declaresNamespace: false
        )
        let text = try renderer.render(file, template: "Header")
        #expect(text.contains("from a.temporal.yaml."))
        #expect(text.contains("\nimport Foundation\n@_spi(Generated) import TemporalContracts\n"))
    }
}
