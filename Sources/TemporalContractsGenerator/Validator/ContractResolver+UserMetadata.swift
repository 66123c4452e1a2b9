/// `summary`: one line, as the web UI shows it in a table cell.
extension ContractResolver {
    mutating func summary(_ text: Located<String>) -> String? {
        if text.value.contains(where: \.isNewline) {
            diagnostics.error(
                "'summary' spans more than one line",
                at: text.location,
                hint: "the web UI shows the summary as one line; put longer text under 'details'"
            )
            return nil
        }
        return text.value.isEmpty ? nil : text.value
    }
}
