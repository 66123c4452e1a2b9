import Mustache

// swift-mustache looks keys up through `MustacheParent` before falling back to `Mirror`, which it
// creates on every lookup; with Mirror, rendering took 70% of the time of generating the
// 1,000-type benchmark contract. `ViewModelLookupTests` checks each switch names every property.

extension FileViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "sourceFile": sourceFile
        case "generatorVersion": generatorVersion
        case "imports": imports
        case "namespace": namespace
        case "access": access
        case "namespaceDoc": namespaceDoc
        case "declaresNamespace": declaresNamespace
        default: nil
        }
    }
}

extension TypesViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "file": file
        case "declarations": declarations
        case "hasDeclarations": hasDeclarations
        case "protobufConformances": protobufConformances
        case "hasProtobufConformances": hasProtobufConformances
        default: nil
        }
    }
}

extension DeclarationViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "isFirst": isFirst
        case "structType": structType
        case "enumType": enumType
        case "alias": alias
        case "arguments": arguments
        default: nil
        }
    }
}

extension StructViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "doc": doc
        case "name": name
        case "access": access
        case "properties": properties
        case "hasProperties": hasProperties
        case "initializerLines": initializerLines
        default: nil
        }
    }
}

extension PropertyViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "doc": doc
        case "name": name
        case "type": type
        case "wireName": wireName
        case "codingKeyCase": codingKeyCase
        case "encodeStatement": encodeStatement
        default: nil
        }
    }
}

extension EnumViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "doc": doc
        case "name": name
        case "access": access
        case "rawType": rawType
        case "cases": cases
        default: nil
        }
    }
}

extension EnumCaseViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "declaration": declaration
        default: nil
        }
    }
}

extension AliasViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "doc": doc
        case "name": name
        case "access": access
        case "type": type
        default: nil
        }
    }
}

extension ArgumentsViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "doc": doc
        case "name": name
        case "access": access
        case "parameters": parameters
        case "initializerLines": initializerLines
        default: nil
        }
    }
}

extension ArgumentViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "type": type
        case "wireName": wireName
        default: nil
        }
    }
}

extension ProtobufConformanceViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "typeName": typeName
        case "conformance": conformance
        default: nil
        }
    }
}

extension DefinitionsViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "file": file
        case "groups": groups
        default: nil
        }
    }
}

extension DefinitionGroupViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "isFirst": isFirst
        case "doc": doc
        case "name": name
        case "access": access
        case "definitions": definitions
        default: nil
        }
    }
}

extension DefinitionViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "isFirst": isFirst
        case "doc": doc
        case "name": name
        case "access": access
        case "type": type
        case "arguments": arguments
        default: nil
        }
    }
}

extension DefinitionArgumentViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "lines": lines
        default: nil
        }
    }
}

extension CallableViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "doc": doc
        case "name": name
        case "typeName": typeName
        case "wireName": wireName
        case "definition": definition
        case "parameters": parameters
        case "parametersThen": parametersThen
        case "parameterList": parameterList
        case "inputExpression": inputExpression
        case "forwardArguments": forwardArguments
        case "forwardArgumentsThen": forwardArgumentsThen
        case "unpackedArguments": unpackedArguments
        case "unpackedArgumentsThen": unpackedArgumentsThen
        case "qualifiedDefinition": qualifiedDefinition
        case "inputBinding": inputBinding
        case "inputType": inputType
        case "outputType": outputType
        case "returnClause": returnClause
        case "hasValidator": hasValidator
        case "validatorName": validatorName
        case "qualifiedParameters": qualifiedParameters
        case "qualifiedParametersThen": qualifiedParametersThen
        case "qualifiedInputType": qualifiedInputType
        case "qualifiedOutputType": qualifiedOutputType
        case "qualifiedReturnClause": qualifiedReturnClause
        case "stubClosureParameters": stubClosureParameters
        case "stubClosure": stubClosure
        default: nil
        }
    }
}

extension WorkflowSurfaceViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "isFirst": isFirst
        case "callable": callable
        case "handleName": handleName
        case "protocolName": protocolName
        case "signals": signals
        case "queries": queries
        case "updates": updates
        case "hasHandlers": hasHandlers
        case "signalsWithStart": signalsWithStart
        case "updatesWithStart": updatesWithStart
        case "startRequirement": startRequirement
        case "executeRequirement": executeRequirement
        case "mockStart": mockStart
        case "mockExecute": mockExecute
        default: nil
        }
    }
}

extension SurfaceViewModel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "file": file
        case "workflows": workflows
        case "hasWorkflows": hasWorkflows
        case "activities": activities
        case "hasActivities": hasActivities
        default: nil
        }
    }
}
