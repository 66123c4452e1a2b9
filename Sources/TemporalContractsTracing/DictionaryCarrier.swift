import Instrumentation

/// Writes a propagator's fields into the header's text-map carrier.
struct DictionaryInjector: Injector {
    func inject(_ value: String, forKey key: String, into carrier: inout [String: String]) {
        carrier[key] = value
    }
}

/// Reads a propagator's fields from the header's text-map carrier; W3C field names are
/// case-insensitive, so a differently cased key still matches.
struct DictionaryExtractor: Extractor {
    func extract(key: String, from carrier: [String: String]) -> String? {
        if let value = carrier[key] { return value }
        return carrier.first { $0.key.lowercased() == key.lowercased() }?.value
    }
}
