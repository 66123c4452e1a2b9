/// A documentation view model as swift-mustache reads it: a dictionary of its fields, nil ones
/// left out as `TemplateContext` leaves them out, built directly. Reflecting through `Mirror` on
/// the tens of thousands of small values of a large contract's page took as long as rendering it.
/// A test renders every page both ways and compares.
protocol DocumentationTemplateValue {
    var templateValue: [String: Any] { get }
}

extension DocumentationIndexViewModel: DocumentationTemplateValue {
    var templateValue: [String: Any] {
        [
            "generatorVersion": generatorVersion,
            "contracts": contracts.map(\.templateValue),
            "names": names.map(\.templateValue),
            "hasNames": hasNames,
            "nameCount": nameCount,
        ]
    }
}

extension ContractLinkViewModel: DocumentationTemplateValue {
    var templateValue: [String: Any] {
        ["name": name, "href": href, "file": file, "summary": summary, "counts": counts]
    }
}

extension NameViewModel: DocumentationTemplateValue {
    var templateValue: [String: Any] {
        ["name": name, "kind": kind, "contract": contract, "href": href, "search": search]
    }
}

extension ContractPageViewModel: DocumentationTemplateValue {
    var templateValue: [String: Any] {
        [
            "name": name,
            "generatorVersion": generatorVersion,
            "indexHref": indexHref,
            "description": description,
            "hasDescription": hasDescription,
            "facts": facts.map(\.templateValue),
            "contents": contents.map(\.templateValue),
            "sections": sections.map(\.templateValue),
            "typeSections": typeSections.map(\.templateValue),
        ]
    }
}

extension SectionLinkViewModel: DocumentationTemplateValue {
    var templateValue: [String: Any] {
        ["title": title, "href": href, "count": count, "isFirst": isFirst]
    }
}

extension EntrySectionViewModel: DocumentationTemplateValue {
    var templateValue: [String: Any] {
        ["id": id, "title": title, "entries": entries.map(\.templateValue)]
    }
}

extension EntryViewModel: DocumentationTemplateValue {
    var templateValue: [String: Any] {
        [
            "anchor": anchor,
            "name": name,
            "kind": kind,
            "description": description,
            "hasDescription": hasDescription,
            "facts": facts.map(\.templateValue),
            "parameters": parameters.map(\.templateValue),
            "hasParameters": hasParameters,
        ]
    }
}

extension FactViewModel: DocumentationTemplateValue {
    var templateValue: [String: Any] {
        ["label": label, "runs": runs.map(\.templateValue)]
    }
}

extension TextRunViewModel: DocumentationTemplateValue {
    var templateValue: [String: Any] {
        var value: [String: Any] = ["separator": separator, "text": text, "isCode": isCode, "hasLink": hasLink]
        if let href { value["href"] = href }
        return value
    }
}

extension ParameterViewModel: DocumentationTemplateValue {
    var templateValue: [String: Any] {
        var value: [String: Any] = ["position": position, "name": name, "swift": swift, "type": type.map(\.templateValue)]
        if let format { value["format"] = format }
        return value
    }
}

extension TypeSectionViewModel: DocumentationTemplateValue {
    var templateValue: [String: Any] {
        ["id": id, "title": title, "types": types.map(\.templateValue)]
    }
}

extension TypeViewModel: DocumentationTemplateValue {
    var templateValue: [String: Any] {
        [
            "anchor": anchor,
            "name": name,
            "description": description,
            "hasDescription": hasDescription,
            "facts": facts.map(\.templateValue),
            "fields": fields.map(\.templateValue),
            "hasFields": hasFields,
            "values": values.map(\.templateValue),
            "hasValues": hasValues,
            "valueDetailHeading": valueDetailHeading,
            "example": example,
            "fence": fence,
        ]
    }
}

extension FieldViewModel: DocumentationTemplateValue {
    var templateValue: [String: Any] {
        var value: [String: Any] = [
            "name": name, "type": type.map(\.templateValue), "required": required, "description": description,
        ]
        if let swift { value["swift"] = swift }
        if let format { value["format"] = format }
        return value
    }
}

extension EnumValueViewModel: DocumentationTemplateValue {
    var templateValue: [String: Any] {
        ["value": value, "detail": detail]
    }
}
