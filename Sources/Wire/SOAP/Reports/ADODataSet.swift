/// Tables written as an ADO.NET DataSet serializes itself in a web service answer:
/// an inline `xs:schema` describing `NewDataSet`, then a `diffgr:diffgram` with one
/// element per row (`diffgr:id`, `msdata:rowOrder`); a null value is left out.
public enum ADODataSet {
    public static let diffgramNamespace = "urn:schemas-microsoft-com:xml-diffgram-v1"
    public static let msdataNamespace = "urn:schemas-microsoft-com:xml-msdata"

    /// The schema and diffgram of `tables`.
    public static func xml(_ tables: [ICReportTable]) -> String {
        let elements = tables.map { table in
            "<xs:element name=\"\(table.name)\"><xs:complexType><xs:sequence>"
                + table.columns.map { "<xs:element name=\"\($0.name)\" type=\"xs:\($0.type.rawValue)\" minOccurs=\"0\"/>" }
                .joined() + "</xs:sequence></xs:complexType></xs:element>"
        }.joined()
        let schema =
            "<xs:schema id=\"NewDataSet\" xmlns=\"\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
            + "xmlns:msdata=\"\(msdataNamespace)\"><xs:element name=\"NewDataSet\" msdata:IsDataSet=\"true\" "
            + "msdata:UseCurrentLocale=\"true\"><xs:complexType><xs:choice minOccurs=\"0\" maxOccurs=\"unbounded\">"
            + elements + "</xs:choice></xs:complexType></xs:element></xs:schema>"
        let rows = tables.map { table in
            table.rows.enumerated().map { index, row in
                "<\(table.name) diffgr:id=\"\(table.name)\(index + 1)\" msdata:rowOrder=\"\(index)\">"
                    + zip(table.columns, row).map { column, value in
                        value.map { "<\(column.name)>\(XMLText.escaped($0))</\(column.name)>" } ?? ""
                    }.joined() + "</\(table.name)>"
            }.joined()
        }.joined()
        let diffgram =
            "<diffgr:diffgram xmlns:msdata=\"\(msdataNamespace)\" xmlns:diffgr=\"\(diffgramNamespace)\">"
            + (rows.isEmpty ? "" : "<NewDataSet xmlns=\"\">\(rows)</NewDataSet>") + "</diffgr:diffgram>"
        return schema + diffgram
    }
}
