import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses markup with Foundation's XMLParser and counts elements (and `class` attributes), so
/// tests check the SVG is well-formed XML rather than matching strings.
final class SVGParsing: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]
    var classes: [String: Int] = [:]
    var dataPoints: [Int] = []
    var dataNames: [String] = []
    var text = ""

    /// nil when the document is not well-formed.
    static func parse(_ markup: String) -> SVGParsing? {
        let parser = XMLParser(data: Data(markup.utf8))
        let delegate = SVGParsing()
        parser.delegate = delegate
        return parser.parse() ? delegate : nil
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        elements[elementName, default: 0] += 1
        if let c = attributes["class"] { classes[c, default: 0] += 1 }
        if let p = attributes["data-points"], let n = Int(p) { dataPoints.append(n) }
        if let name = attributes["data-name"] { dataNames.append(name) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
