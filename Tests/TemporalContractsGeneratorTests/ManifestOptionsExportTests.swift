import Foundation
import Testing

@testable import TemporalContractsGenerator

/// The start and schedule options a peer in another language needs, in the manifest: search
/// attribute declarations and mappings, memo, eager start, versioning, child options, priority,
/// user metadata and update defaults; and a manifest that carries them passes the manifest schema.
struct ManifestOptionsExportTests {
    static let contract = """
        contract: 1
        name: Depot
        taskQueue: depot
        searchAttributes:
          DepotCustomer: keyword
          DepotAmount: int
          DepotNote: text
        types:
          Crate:
            type: object
            required: [customer_id, amount]
            properties:
              customer_id: { type: string }
              amount: { type: integer, format: int64 }
              label: { type: string }
        workflows:
          Pack:
            description: Packs a crate.
            input: Crate
            enableEagerStart: true
            versioningBehavior: pinned
            parentClosePolicy: requestCancel
            waitForCancellation: true
            priority: { priorityKey: 2, fairnessKey: depot, fairnessWeight: 1.5 }
            summary: Packing
            searchAttributes:
              DepotCustomer: customer_id
              DepotAmount: amount
              DepotNote: "${! customer_id.uppercase() }"
            memo:
              label: label
            updates: [{ ref: Relabel, start: true, idConflictPolicy: useExisting }]
          Plain:
            input: string
        updates:
          Relabel:
            input: Crate
            id: "relabel-{customer_id}"
            waitForStage: completed
        activities:
          Weigh:
            input: string
            startToCloseTimeout: 10s
            waitForCancellation: true
            priority: { priorityKey: 5 }
            summary: Weighing
        """

    func manifest() throws -> (models: [ContractModel], json: [String: Any]) {
        let result = try TestSupport.generate(["depot.temporal.yaml": Self.contract])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        let model = try #require(result.models.first)
        let data = ContractExporter.manifest(for: model, in: result.models, options: ExportTests.options)
        return (result.models, try ExportTests.json(data))
    }

    @Test func workflowsCarryTheirStartOptions() throws {
        let manifest = try manifest().json
        let declared = try #require(manifest["searchAttributes"] as? [[String: String]])
        #expect(
            declared == [
                ["name": "DepotCustomer", "type": "keyword"], ["name": "DepotAmount", "type": "int"],
                ["name": "DepotNote", "type": "text"],
            ]
        )
        let workflows = try #require(manifest["workflows"] as? [[String: Any]])
        let pack = workflows[0]
        #expect(pack["enableEagerStart"] as? Bool == true)
        #expect(pack["versioningBehavior"] as? String == "pinned")
        #expect(pack["parentClosePolicy"] as? String == "requestCancel")
        #expect(pack["waitForCancellation"] as? Bool == true)
        let priority = try #require(pack["priority"] as? [String: Any])
        #expect(priority["priorityKey"] as? Int == 2)
        #expect(priority["fairnessKey"] as? String == "depot")
        #expect(priority["fairnessWeight"] as? Double == 1.5)
        #expect(pack["summary"] as? String == "Packing")
        #expect(pack["details"] as? String == "Packs a crate.")
        let attributes = try #require(pack["searchAttributes"] as? [[String: Any]])
        #expect(attributes.map { $0["name"] as? String } == ["DepotCustomer", "DepotAmount", "DepotNote"])
        #expect(attributes[0]["field"] as? [String] == ["customer_id"])
        #expect(attributes[0]["type"] as? String == "keyword")
        #expect(attributes[0]["optional"] as? Bool == false)
        #expect((attributes[1]["fieldType"] as? [String: Any])?["kind"] as? String == "int64")
        #expect(attributes[2]["expression"] as? String == "customer_id.uppercase()")
        #expect(attributes[2]["field"] == nil)
        let memo = try #require(pack["memo"] as? [[String: Any]])
        #expect(memo.count == 1)
        #expect(memo[0]["name"] as? String == "label")
        #expect(memo[0]["field"] as? [String] == ["label"])
        #expect(memo[0]["optional"] as? Bool == true)
        #expect(memo[0]["type"] == nil)
        let use = try #require((pack["updates"] as? [[String: Any]])?.first)
        #expect(use["idConflictPolicy"] as? String == "useExisting")
    }

    @Test func unsetOptionsAreLeftOut() throws {
        let manifest = try manifest().json
        let plain = try #require((manifest["workflows"] as? [[String: Any]])?.last)
        for key in ["enableEagerStart", "versioningBehavior", "parentClosePolicy", "waitForCancellation", "priority", "summary", "details"]
        {
            #expect(plain[key] == nil, "\(key) is set")
        }
        #expect((plain["searchAttributes"] as? [Any])?.isEmpty == true)
        #expect((plain["memo"] as? [Any])?.isEmpty == true)
    }

    @Test func activitiesAndUpdatesCarryTheirDefaults() throws {
        let manifest = try manifest().json
        let weigh = try #require((manifest["activities"] as? [[String: Any]])?.first)
        #expect(weigh["waitForCancellation"] as? Bool == true)
        #expect((weigh["priority"] as? [String: Any])?["priorityKey"] as? Int == 5)
        #expect(weigh["summary"] as? String == "Weighing")
        let relabel = try #require((manifest["updates"] as? [[String: Any]])?.first)
        #expect(relabel["waitForStage"] as? String == "completed")
        let template = try #require(relabel["idTemplate"] as? [String: Any])
        #expect(template["source"] as? String == "relabel-{customer_id}")
    }

    /// Python's `jsonschema` accepts the manifest, so the schema describes every new member.
    @Test func theManifestSchemaAcceptsTheOptions() throws {
        let (models, manifest) = try manifest()
        let model = try #require(models.first)
        let bundle: [String: [String: Any]] = [
            "schemas": ["Depot": try ExportTests.json(ContractExporter.jsonSchema(for: model, in: models))],
            "manifests": ["Depot": manifest],
        ]
        let run = try PythonScript.run("Tests/SchemaTests/check_exports.py", input: try JSONSerialization.data(withJSONObject: bundle))
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        #expect(try ExportTests.json(Data(run.output.utf8))["problems"] as? [String] == [])
    }
}
