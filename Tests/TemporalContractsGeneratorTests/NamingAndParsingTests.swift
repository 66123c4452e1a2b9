import Testing

@testable import TemporalContractsGenerator

struct NamingAndParsingTests {
    @Test(arguments: [
        ("order_id", "orderID"), ("placed_at", "placedAt"), ("URL", "url"), ("userIDs", "userIDs"),
        ("HTTPServerError", "httpServerError"), ("3ds", "_3ds"), ("default", "`default`"), ("self", "self_"),
        ("in-progress", "inProgress"), ("api_key", "apiKey"), ("tracking_uuid", "trackingUUID"), ("x", "x"),
    ])
    func memberNames(_ wire: String, _ swift: String) {
        #expect(SwiftNaming.memberName(wire) == swift)
    }

    @Test(arguments: [
        ("order_status", "OrderStatus"), ("line-item", "LineItem"), ("http_request", "HTTPRequest"),
        ("Type", "Type_"), ("2fa", "_2fa"), ("IDList", "IDList"), ("getUrl", "GetURL"),
    ])
    func typeNames(_ wire: String, _ swift: String) {
        #expect(SwiftNaming.typeName(wire) == swift)
    }

    @Test func stringLiteralsEscape() {
        #expect(SwiftNaming.stringLiteral("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"")
    }

    @Test(arguments: [
        ("250ms", Duration.milliseconds(250)), ("30s", .seconds(30)), ("5m", .seconds(300)), ("1h30m", .seconds(5400)),
        ("2d", .seconds(172_800)), ("1.5s", .milliseconds(1500)), ("500us", .microseconds(500)), ("10ns", .nanoseconds(10)),
    ])
    func durations(_ text: String, _ expected: Duration) {
        #expect(DurationParser.parse(text) == expected)
    }

    @Test(arguments: ["", "30", "s", "30 seconds", "-5s", "0s", "1x", "1h 30m", "1.2.3s"])
    func badDurations(_ text: String) {
        #expect(DurationParser.parse(text) == nil)
    }

    @Test func idTemplates() throws {
        let segments = try IDTemplateParser.parse("order-{customer.id}/{{literal}}").get()
        #expect(segments == [.literal("order-"), .field(["customer", "id"]), .literal("/{literal}")])
        #expect(throws: IDTemplateParser.Failure.unclosedPlaceholder(offset: 3)) { try IDTemplateParser.parse("ab-{x").get() }
        #expect(throws: IDTemplateParser.Failure.emptyPlaceholder(offset: 0)) { try IDTemplateParser.parse("{}").get() }
        #expect(throws: IDTemplateParser.Failure.strayClosingBrace(offset: 1)) { try IDTemplateParser.parse("a}").get() }
    }
}
