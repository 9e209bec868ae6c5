import Foundation
public import Support
public import Wire

/// Loads a biller's layout file (the JSON form of `BIFLayout`).
public enum BIFLayoutFile {
    public static func load(_ path: String) throws(InputError) -> BIFLayout {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, line: 1, column: 1, message: "cannot read the layout file")
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(data)
        } catch {
            throw InputError(file: path, line: error.line, column: error.column, message: error.message)
        }
        do {
            return try BIFLayout(json: json)
        } catch {
            throw InputError(file: path, line: 1, column: 1, message: error.message)
        }
    }
}
