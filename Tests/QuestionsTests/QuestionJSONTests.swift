import Foundation
import Testing

@testable import Questions

@Suite struct QuestionJSONTests {
    @Test func entryQuestionsEncodeANullLabelAndSortedKeys() throws {
        let q = Question(
            id: "cpt:47562/vignette-entry#3", item: "cpt:47562/vignette-entry", kind: .vignetteEntry, code: "47562",
            stem: "Stem", options: [], answer: CorrectAnswer(label: nil, text: "47562"), rationale: "Why", seed: 3)
        let text = String(decoding: jsonBytes(q), as: UTF8.self)
        #expect(
            text == """
                {
                  "answer" : {
                    "label" : null,
                    "text" : "47562"
                  },
                  "code" : "47562",
                  "id" : "cpt:47562/vignette-entry#3",
                  "item" : "cpt:47562/vignette-entry",
                  "kind" : "vignette-entry",
                  "options" : [

                  ],
                  "rationale" : "Why",
                  "seed" : 3,
                  "stem" : "Stem"
                }
                """)
    }

    @Test func generatedQuestionsRoundTripThroughJSON() throws {
        let q = try TestLibraries.fixtureGenerator.generate(itemID: "cpt:27130/pcs", seed: 11)
        let decoded = try JSONDecoder().decode(Question.self, from: jsonBytes(q))
        #expect(decoded == q)
        let object = try JSONSerialization.jsonObject(with: jsonBytes(q)) as! [String: Any]
        #expect(object.keys.sorted() == ["answer", "code", "id", "item", "kind", "options", "rationale", "seed", "stem"])
        let option = (object["options"] as! [[String: Any]])[0]
        #expect(option.keys.sorted() == ["correct", "label", "rationale", "text"])
    }
}
