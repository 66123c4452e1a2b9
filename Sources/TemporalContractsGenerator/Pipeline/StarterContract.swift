/// The contract `temporal-contracts init` writes: small, valid, and showing each section once.
public enum StarterContract {
    /// The JSON Schema file `init` writes beside the contract, for editors.
    public static let schemaFileName = "temporal-contract.schema.json"

    public static func text(name: String) -> String {
        let queue = SwiftNaming.memberName(name).lowercased()
        return """
            # yaml-language-server: $schema=\(schemaFileName)
            contract: 1
            name: \(name)
            taskQueue: \(queue)

            types:
              GreetingRequest:
                type: object
                description: Who to greet, and how.
                required: [name]
                properties:
                  name: { type: string }
                  language: { $ref: Language }
              Language:
                type: string
                enum: [en, fr, de]
              Greeting:
                type: object
                required: [text, greeted_at]
                properties:
                  text: { type: string }
                  greeted_at: { type: string, format: date-time }

            workflows:
              Greet:
                description: Greets someone, politely.
                input: GreetingRequest
                output: Greeting
                id: "greet-{name}"
                executionTimeout: 1h
                signals: [Hurry]
                queries: [Progress]

            signals:
              Hurry: {}

            queries:
              Progress:
                output: string

            activities:
              ComposeGreeting:
                input: GreetingRequest
                output: string
                startToCloseTimeout: 10s
                retryPolicy: { maximumAttempts: 3 }

            """
    }
}
