extension CompatibilityChecker {
    /// What a payload type looks like in JSON, the level the default converter's readers check.
    enum JSONShape {
        case string(format: String?)
        case stringEnum([String])
        case integer(bits: Int)
        case integerEnum([Int])
        case number(bits: Int)
        case boolean
        case array(TypeReference)
        case map(TypeReference)
        case object([Property])
        case proto(String)

        var description: String {
            switch self {
            case .string(let format?): "string (\(format))"
            case .string(nil): "string"
            case .stringEnum(let values): "enum [\(values.joined(separator: ", "))]"
            case .integer(let bits): bits == 32 ? "integer (int32)" : "integer"
            case .integerEnum(let values): "integer enum [\(values.map(String.init).joined(separator: ", "))]"
            case .number(let bits): bits == 32 ? "number (float)" : "number"
            case .boolean: "boolean"
            case .array: "array"
            case .map: "map"
            case .object: "object"
            case .proto(let name): "message \(name)"
            }
        }
    }

    /// The error verdict when the payload travels the way that breaks, info otherwise.
    static func severity(breaking: Direction, _ direction: Direction) -> CompatibilityFinding.Severity {
        direction == breaking ? .error : .info
    }

    /// A named type's qualified name and declaration after following named aliases of containers and scalars.
    func unwrap(_ type: TypeReference, in version: Version) -> (type: TypeReference, named: (QualifiedTypeName, NamedType)?) {
        var current = type
        var named: (QualifiedTypeName, NamedType)?
        var seen = Set<QualifiedTypeName>()
        while case .named(let name) = current, let declaration = version.types[name], seen.insert(name).inserted {
            named = (name, declaration)
            guard case .alias(let target) = declaration.kind else { break }
            current = target
        }
        return (current, named)
    }

    func shape(of type: TypeReference, in version: Version) -> JSONShape {
        switch type {
        case .string: .string(format: nil)
        case .dateTime: .string(format: "date-time")
        case .uuid: .string(format: "uuid")
        case .bytes: .string(format: "byte")
        case .integer, .int64: .integer(bits: 64)
        case .int32: .integer(bits: 32)
        case .double: .number(bits: 64)
        case .float: .number(bits: 32)
        case .boolean: .boolean
        case .array(let element): .array(element)
        case .map(let value): .map(value)
        case .protoMessage(let fullName, _): .proto(fullName)
        case .named(let name):
            switch version.types[name]?.kind {
            case .object(let properties): .object(properties)
            case .stringEnum(let values): .stringEnum(values)
            case .integerEnum(let cases): .integerEnum(cases.map(\.value))
            case .alias(let target): shape(of: target, in: version)
            case nil: .object([])
            }
        }
    }

    func describe(_ type: TypeReference, in version: Version) -> String {
        if case .named(let name) = type { return name.name }
        return shape(of: type, in: version).description
    }

    /// Compares one payload type across versions, following named types recursively.
    mutating func compareTypes(_ oldType: TypeReference, _ newType: TypeReference, _ direction: Direction, _ path: PayloadPath) {
        let (oldResolved, oldNamed) = unwrap(oldType, in: old)
        let (newResolved, newNamed) = unwrap(newType, in: new)
        var path = path
        if let (oldName, oldDeclaration) = oldNamed, let (newName, newDeclaration) = newNamed {
            let pair = TypePair(
                old: "\(oldName.contract).\(oldName.name)",
                new: "\(newName.contract).\(newName.name)",
                direction: direction
            )
            guard comparedTypes.insert(pair).inserted else { return }
            path = path.entering(pair.new, old: oldDeclaration.location, new: newDeclaration.location)
        }
        let oldShape = shape(of: oldResolved, in: old)
        let newShape = shape(of: newResolved, in: new)
        compareShapes(oldShape, newShape, direction, path)
    }

    mutating func compareShapes(_ oldShape: JSONShape, _ newShape: JSONShape, _ direction: Direction, _ path: PayloadPath) {
        switch (oldShape, newShape) {
        case (.boolean, .boolean): break
        case (.string(let oldFormat), .string(let newFormat)):
            guard oldFormat != newFormat else { return }
            let (writer, reader) = direction == .input ? (oldFormat, newFormat) : (newFormat, oldFormat)
            let breaks = reader != nil && reader != writer
            reportPayload(
                .formatChanged,
                breaks ? .error : .info,
                path,
                "the string format changed" + (breaks ? "; readers expecting \(reader ?? "") reject other text" : ""),
                oldShape,
                newShape,
                hint: breaks ? "add a new field with the new format and keep the old one" : nil
            )
        case (.stringEnum(let oldValues), .stringEnum(let newValues)):
            compareEnumValues(oldValues, newValues, direction, path)
        case (.integerEnum(let oldValues), .integerEnum(let newValues)):
            compareEnumValues(oldValues.map(String.init), newValues.map(String.init), direction, path)
        case (.string(nil), .stringEnum), (.integer, .integerEnum):
            reportPayload(
                .stringToEnum,
                Self.severity(breaking: .input, direction),
                path,
                "a free value became an enumeration; values outside it are rejected",
                oldShape,
                newShape,
                hint: "keep the free value and validate it in code"
            )
        case (.stringEnum, .string(nil)), (.integerEnum, .integer):
            reportPayload(
                .enumToString,
                Self.severity(breaking: .output, direction),
                path,
                "an enumeration became a free value; old readers reject values outside the enumeration",
                oldShape,
                newShape,
                hint: "keep the enumeration and add values once readers know them"
            )
        case (.integerEnum, _):
            compareShapes(.integer(bits: 64), newShape, direction, path)
        case (_, .integerEnum):
            compareShapes(oldShape, .integer(bits: 64), direction, path)
        case (.integer(let oldBits), .integer(let newBits)):
            if newBits < oldBits {
                reportPayload(
                    .integerNarrowed,
                    Self.severity(breaking: .input, direction),
                    path,
                    "the integer became narrower; larger values no longer decode",
                    oldShape,
                    newShape,
                    hint: "keep the wider integer"
                )
            } else if newBits > oldBits {
                reportPayload(
                    .integerWidened,
                    Self.severity(breaking: .output, direction),
                    path,
                    "the integer became wider; old readers cannot hold the larger values",
                    oldShape,
                    newShape,
                    hint: "add a wider field beside the old one"
                )
            }
        case (.integer, .number):
            reportPayload(
                .integerToNumber,
                Self.severity(breaking: .output, direction),
                path,
                "an integer became a number; old readers reject fractions",
                oldShape,
                newShape,
                hint: "keep the integer, or add a number field beside it"
            )
        case (.number, .integer):
            reportPayload(
                .numberToInteger,
                Self.severity(breaking: .input, direction),
                path,
                "a number became an integer; values with fractions no longer decode",
                oldShape,
                newShape,
                hint: "keep the number, or add an integer field beside it"
            )
        case (.number(let oldBits), .number(let newBits)):
            guard oldBits != newBits else { return }
            let readerNarrower = direction == .input ? newBits < oldBits : oldBits < newBits
            reportPayload(
                .numberPrecisionChanged,
                readerNarrower ? .warning : .info,
                path,
                "the number's precision changed" + (readerNarrower ? "; readers round values to a float" : ""),
                oldShape,
                newShape
            )
        case (.array(let oldElement), .array(let newElement)):
            compareTypes(oldElement, newElement, direction, path.container("[]"))
        case (.map(let oldValue), .map(let newValue)):
            compareTypes(oldValue, newValue, direction, path.container("{}"))
        case (.object(let oldProperties), .object(let newProperties)):
            compareProperties(oldProperties, newProperties, direction, path)
        case (.proto(let oldMessage), .proto(let newMessage)):
            compareProtoMessages(oldMessage, newMessage, direction, path)
        default:
            reportPayload(
                .typeChanged,
                .error,
                path,
                "the JSON type changed; neither version reads the other's payloads",
                oldShape,
                newShape,
                hint: "keep the type; add a new field (or a new handler) with the new type"
            )
        }
    }

    mutating func compareEnumValues(_ oldValues: [String], _ newValues: [String], _ direction: Direction, _ path: PayloadPath) {
        for value in oldValues where !newValues.contains(value) {
            report(
                CompatibilityFinding(
                    rule: .enumValueRemoved,
                    severity: .error,
                    element: "\(path.element).\(value)",
                    usage: path.usageText,
                    message: "enum value '\(value)' was removed; stored data and old writers still hold it",
                    location: path.newLocation,
                    oldValue: value,
                    hint: "keep the value and stop producing it"
                )
            )
        }
        for value in newValues where !oldValues.contains(value) {
            report(
                CompatibilityFinding(
                    rule: .enumValueAdded,
                    severity: direction == .output ? .warning : .info,
                    element: "\(path.element).\(value)",
                    usage: path.usageText,
                    message: "enum value '\(value)' was added" + (direction == .output ? "; old readers reject it" : ""),
                    location: path.newLocation,
                    newValue: value,
                    hint: direction == .output ? "deploy readers that know the value before writers produce it" : nil
                )
            )
        }
    }

    mutating func compareProperties(_ oldProperties: [Property], _ newProperties: [Property], _ direction: Direction, _ path: PayloadPath) {
        let newByName = Dictionary(newProperties.map { ($0.wireName, $0) }, uniquingKeysWith: { first, _ in first })
        let oldByName = Dictionary(oldProperties.map { ($0.wireName, $0) }, uniquingKeysWith: { first, _ in first })
        var renamed: [String: Property] = [:]
        // A removed and an added field at the same position with the same type is a rename of the wire name.
        for (index, property) in oldProperties.enumerated() where newByName[property.wireName] == nil {
            guard index < newProperties.count else { continue }
            let candidate = newProperties[index]
            if oldByName[candidate.wireName] == nil, candidate.type == property.type { renamed[property.wireName] = candidate }
        }
        for property in oldProperties {
            if let counterpart = newByName[property.wireName] {
                let fieldPath = path.property(property.wireName, old: property.location, new: counterpart.location)
                if !property.isRequired, counterpart.isRequired {
                    reportPayload(
                        .fieldMadeRequired,
                        Self.severity(breaking: .input, direction),
                        fieldPath,
                        "the field became required; payloads without it no longer decode",
                        "optional",
                        "required",
                        hint: "keep it optional and treat a missing value in code"
                    )
                } else if property.isRequired, !counterpart.isRequired {
                    reportPayload(
                        .fieldMadeOptional,
                        Self.severity(breaking: .output, direction),
                        fieldPath,
                        "the field became optional; old readers that require it fail when it is missing",
                        "required",
                        "optional",
                        hint: "keep writing it"
                    )
                }
                compareTypes(property.type, counterpart.type, direction, fieldPath)
            } else if let counterpart = renamed[property.wireName] {
                report(
                    CompatibilityFinding(
                        rule: .fieldRenamed,
                        severity: .error,
                        element: path.property(counterpart.wireName).element,
                        usage: path.property(counterpart.wireName).usageText,
                        message: "the field's wire name changed; readers of either version miss the other's key",
                        location: counterpart.location,
                        oldValue: property.wireName,
                        newValue: counterpart.wireName,
                        hint: "keep the wire name (rename only the Swift property), or add the new field beside the old one"
                    )
                )
            } else {
                let readerRequires = direction == .output && property.isRequired
                let fieldPath = path.property(property.wireName, old: property.location, new: path.newLocation)
                report(
                    CompatibilityFinding(
                        rule: .fieldRemoved,
                        severity: readerRequires ? .error : .warning,
                        element: fieldPath.element,
                        usage: fieldPath.usageText,
                        message: readerRequires
                            ? "required field '\(property.wireName)' was removed; old readers fail without it"
                            : "field '\(property.wireName)' was removed; its value is dropped",
                        location: property.location,
                        oldValue: describe(property.type, in: old),
                        hint: "keep the field (optional) and stop using it"
                    )
                )
            }
        }
        let renamedTargets = Set(renamed.values.map(\.wireName))
        for property in newProperties where oldByName[property.wireName] == nil && !renamedTargets.contains(property.wireName) {
            let fieldPath = path.property(property.wireName, new: property.location)
            if property.isRequired {
                reportPayload(
                    .fieldAddedRequired,
                    Self.severity(breaking: .input, direction),
                    fieldPath,
                    "required field '\(property.wireName)' was added; old writers do not send it",
                    nil,
                    describe(property.type, in: new),
                    hint: "add it as an optional field"
                )
            } else {
                reportPayload(
                    .fieldAddedOptional,
                    .info,
                    fieldPath,
                    "optional field '\(property.wireName)' was added",
                    nil,
                    describe(property.type, in: new)
                )
            }
        }
    }

    mutating func reportPayload(
        _ rule: CompatibilityRule,
        _ severity: CompatibilityFinding.Severity,
        _ path: PayloadPath,
        _ message: String,
        _ oldShape: JSONShape,
        _ newShape: JSONShape,
        hint: String? = nil
    ) {
        reportPayload(rule, severity, path, message, oldShape.description, newShape.description, hint: hint)
    }

    mutating func reportPayload(
        _ rule: CompatibilityRule,
        _ severity: CompatibilityFinding.Severity,
        _ path: PayloadPath,
        _ message: String,
        _ oldValue: String?,
        _ newValue: String?,
        hint: String? = nil
    ) {
        // A safe direction keeps only the description of the change, not the failure it would cause.
        let description = severity == .info ? String(message.prefix { $0 != ";" }) : message
        report(
            CompatibilityFinding(
                rule: rule,
                severity: severity,
                element: path.element,
                usage: path.usageText,
                message: description,
                location: path.newLocation,
                oldValue: oldValue,
                newValue: newValue,
                hint: severity == .info ? nil : hint
            )
        )
    }
}
