/// The API's OpenAPI 3.1 document, `api/openapi.json`, embedded at build time by the EmbedFiles
/// plugin and served at /api/v1/openapi.json.
public enum OpenAPIDocument {
    public static let text = EmbeddedFiles.files["openapi.json"] ?? ""
}
