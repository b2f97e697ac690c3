import Foundation
import Testing

@testable import HoebiImport

/// Writes down what a part tells its reader, text pieces joined, so any way of cutting the bytes
/// into chunks can be compared with reading them whole.
private struct Recorder: XMLPartReader {
    var events: [String] = []
    var text: [UInt8] = []

    mutating func flush() {
        if !text.isEmpty { events.append("text " + String(decoding: text, as: UTF8.self)) }
        text = []
    }
    mutating func open(_ element: XMLElement) throws {
        flush()
        let attributes = element.all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        events.append((["open", element.name.string] + (attributes.isEmpty ? [] : [attributes.joined(separator: ",")])).joined(separator: " "))
    }
    mutating func close(_ name: XMLName) throws {
        flush()
        events.append("close \(name.string)")
    }
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws { text.append(contentsOf: bytes) }
}

private func read(_ chunks: [[UInt8]]) throws -> [String] {
    var stream = XMLStream(Recorder())
    for c in chunks { try c.withUnsafeBytes { try stream.feed($0) } }
    try stream.finish()
    stream.reader.flush()
    return stream.reader.events
}

private func refusal(_ bytes: [UInt8]) -> String? {
    do {
        _ = try read([bytes])
        return nil
    } catch {
        return (error as? XMLPartError)?.problem ?? "\(error)"
    }
}

@Suite struct XMLStreamTests {
    static let sample =
        [0xEF, 0xBB, 0xBF]
        + Array(
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- made by hand -->
            <x:worksheet xmlns:x="urn:s"><x:sheetData>\
            <x:row r="1" spans='1:2'><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve"> 홍길동 &amp; 김솔 </x:t></x:is></x:c>\
            <x:c r="B1" a="x &lt; y" b='say "hi" > bye'><x:v>30000</x:v></x:c><x:c r="C1"/></x:row>\
            <x:row r="2"><x:c r="A2" t="str"><x:v><![CDATA[<b>&amp;</b>]]>&#xAC00;&#44032;</x:v></x:c></x:row>
            </x:sheetData></x:worksheet>

            """.utf8)

    @Test func partsReadAsTheyWereWritten() throws {
        let events = try read([Self.sample])
        #expect(
            events == [
                "open worksheet xmlns:x=urn:s", "open sheetData", "open row r=1,spans=1:2", "open c r=A1,t=inlineStr", "open is", "open t xml:space=preserve",
                "text  홍길동 & 김솔 ", "close t", "close is", "close c", "open c a=x < y,b=say \"hi\" > bye,r=B1", "open v", "text 30000", "close v",
                "close c", "open c r=C1", "close c", "close row", "open row r=2", "open c r=A2,t=str", "open v", "text <b>&amp;</b>가가", "close v",
                "close c", "close row", "text \n", "close sheetData", "close worksheet"
            ])
    }

    /// Chunks end anywhere: inside a tag, a name, an entity, a Hangul syllable, the BOM, the CDATA
    /// opener. Every cut in two, and one byte at a time, reads as the whole does.
    @Test func chunksMayEndAnywhere() throws {
        let whole = try read([Self.sample])
        for cut in 0...Self.sample.count {
            let parts = [Array(Self.sample[..<cut]), Array(Self.sample[cut...])]
            #expect(try read(parts) == whole, "cut at \(cut)")
        }
        #expect(try read(Self.sample.map { [$0] }) == whole)
    }

    /// A value far longer than a chunk, fed a byte at a time, is read once it is whole.
    @Test func aLongValueSpanningManyChunks() throws {
        let long = String(repeating: "가", count: 100_000)
        let xml = Array("<a v=\"\(long)\">\(long)</a>".utf8)
        let events = try read(stride(from: 0, to: xml.count, by: 7).map { Array(xml[$0..<min(xml.count, $0 + 7)]) })
        #expect(events == ["open a v=\(long)", "text \(long)", "close a"])
    }

    @Test(arguments: [
        ("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "document type declaration"),
        ("<a><?php run ?></a>", "processing instruction"),
        ("<a>&nbsp;</a>", "unknown entity"),
        ("<a>&#0;</a>", "unknown entity"),
        ("<a>&#xD800;</a>", "unknown entity"),
        ("<a><b></a></b>", "closed by a tag of another name"),
        ("<a><b>", "never closed"),
        ("</a>", "closes nothing"),
        ("<a/>text", "outside the root"),
        ("<a/><b/>", "outside the root"),
        ("<a><b c=\"1\"", "ends in the middle of a tag"),
        ("<a b=1/>", "a tag is malformed"),
        ("<a b=\"1\" b2/>", "a tag is malformed"),
        ("<1a/>", "a tag is malformed"),
        ("<a <b/>", "a tag is malformed"),
        ("", "holds no element"),
        ("<!-- only a comment -->", "holds no element"),
        (String(repeating: "<a>", count: 65) + String(repeating: "</a>", count: 65), "nested deeper than 64")
    ])
    func refusals(xml: String, says: String) {
        let problem = refusal(Array(xml.utf8))
        #expect(problem?.contains(says) == true, "\(xml.prefix(40)): \(problem ?? "read")")
    }

    @Test func invalidUTF8AnywhereIsRefused() {
        for bytes: [UInt8] in [[0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xEA, 0xB0]] {
            for at in ["<a>X</a>", "<a b=\"X\"/>", "<aX/>", "<a><!--X--></a>"] {
                let parts = at.split(separator: "X", omittingEmptySubsequences: false).map { Array($0.utf8) }
                let xml = parts[0] + bytes + parts[1]
                #expect(refusal(xml)?.contains("not valid UTF-8") == true, "\(bytes) in \(at)")
            }
        }
        // The same places hold valid Hangul without complaint.
        #expect(refusal(Array("<a b=\"가\"><!--가-->가</a>".utf8)) == nil)
        // A declaration is allowed only first.
        #expect(refusal(Array("<?xml version=\"1.0\"?><a/>".utf8)) == nil)
        #expect(refusal(Array("<a/><?xml version=\"1.0\"?>".utf8))?.contains("processing instruction") == true)
    }
}
