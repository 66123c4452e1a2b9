extension CompatibilityChecker {
    /// Compares protobuf messages by field number (the binary encoding) and JSON name (protobuf JSON,
    /// which the default converter writes), recursively.
    mutating func compareProtoMessages(_ oldName: String, _ newName: String, _ direction: Direction, _ path: PayloadPath) {
        if oldName != newName, path.isPayloadRoot {
            report(
                CompatibilityFinding(
                    rule: .protoMessageRenamed,
                    severity: .warning,
                    element: path.element,
                    usage: path.usageText,
                    message: "the payload's message type changed, and with it the `messageType` metadata peers may check",
                    location: path.newLocation,
                    oldValue: oldName,
                    newValue: newName
                )
            )
        }
        guard comparedTypes.insert(TypePair(old: oldName, new: newName, direction: direction)).inserted,
            let oldMessage = old.protoMessages[oldName], let newMessage = new.protoMessages[newName]
        else { return }
        var path = path.entering(newName, old: oldMessage.location, new: newMessage.location)
        path.isPayloadRoot = false
        if oldMessage.isEnum || newMessage.isEnum {
            compareProtoEnums(oldMessage, newMessage, direction, path)
            return
        }
        let newByNumber = Dictionary(newMessage.fields.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        for field in oldMessage.fields {
            guard let counterpart = newByNumber[field.number] else {
                report(
                    CompatibilityFinding(
                        rule: .protoFieldRemoved,
                        severity: .warning,
                        element: path.property(field.name).element,
                        usage: path.property(field.name).usageText,
                        message: "field \(field.number) '\(field.name)' was removed; its data is dropped",
                        location: field.location,
                        oldValue: "\(field.name) = \(field.number)",
                        hint: "write `reserved \(field.number); reserved \"\(field.name)\";` so the number is never reused"
                    )
                )
                continue
            }
            let fieldPath = path.property(counterpart.name, old: field.location, new: counterpart.location)
            let oldType = field.typeName.map { "\(field.type) \($0)" } ?? field.type
            let newType = counterpart.typeName.map { "\(counterpart.type) \($0)" } ?? counterpart.type
            if field.type != counterpart.type {
                let reused = field.name != counterpart.name
                report(
                    CompatibilityFinding(
                        rule: reused ? .protoFieldNumberReused : .protoFieldTypeChanged,
                        severity: .error,
                        element: fieldPath.element,
                        usage: fieldPath.usageText,
                        message: reused
                            ? "field number \(field.number) now means a different field; stored payloads are misread"
                            : "the field's type changed; stored payloads are misread",
                        location: counterpart.location,
                        oldValue: "\(oldType) \(field.name) = \(field.number)",
                        newValue: "\(newType) \(counterpart.name) = \(counterpart.number)",
                        hint: "add a new field with a new number, and reserve the old one"
                    )
                )
                continue
            }
            if field.isRepeated != counterpart.isRepeated {
                report(
                    CompatibilityFinding(
                        rule: .protoFieldCardinalityChanged,
                        severity: .error,
                        element: fieldPath.element,
                        usage: fieldPath.usageText,
                        message: counterpart.isRepeated ? "the field became repeated" : "the field is no longer repeated",
                        location: counterpart.location,
                        oldValue: field.isRepeated ? "repeated \(oldType)" : oldType,
                        newValue: counterpart.isRepeated ? "repeated \(newType)" : newType,
                        hint: "add a new field with a new number"
                    )
                )
                continue
            }
            if field.jsonName != counterpart.jsonName {
                report(
                    CompatibilityFinding(
                        rule: .protoJSONNameChanged,
                        severity: .error,
                        element: fieldPath.element,
                        usage: fieldPath.usageText,
                        message: "the field's JSON name changed; JSON payloads written with the old name lose the value",
                        location: counterpart.location,
                        oldValue: field.jsonName,
                        newValue: counterpart.jsonName,
                        hint: "keep the field name, or set `json_name = \"\(field.jsonName)\"`"
                    )
                )
            }
            if let oldType = field.typeName, let newType = counterpart.typeName {
                compareProtoMessages(oldType, newType, direction, fieldPath)
            }
        }
    }

    mutating func compareProtoEnums(_ oldEnum: ProtoMessageModel, _ newEnum: ProtoMessageModel, _ direction: Direction, _ path: PayloadPath)
    {
        for (number, name) in oldEnum.enumValues.sorted(by: { $0.key < $1.key }) where newEnum.enumValues[number] != name {
            report(
                CompatibilityFinding(
                    rule: .protoEnumValueRemoved,
                    severity: .error,
                    element: "\(path.element).\(name)",
                    usage: path.usageText,
                    message: "enum value \(name) = \(number) was removed or renumbered; stored data still holds it",
                    location: newEnum.location,
                    oldValue: "\(name) = \(number)",
                    newValue: newEnum.enumValues[number].map { "\($0) = \(number)" },
                    hint: "keep the value (deprecate it) and reserve nothing that stored data uses"
                )
            )
        }
        for (number, name) in newEnum.enumValues.sorted(by: { $0.key < $1.key }) where oldEnum.enumValues[number] == nil {
            report(
                CompatibilityFinding(
                    rule: .protoEnumValueAdded,
                    severity: direction == .output ? .warning : .info,
                    element: "\(path.element).\(name)",
                    usage: path.usageText,
                    message: "enum value \(name) = \(number) was added"
                        + (direction == .output ? "; old readers see an unknown value" : ""),
                    location: newEnum.location,
                    newValue: "\(name) = \(number)"
                )
            )
        }
    }
}
