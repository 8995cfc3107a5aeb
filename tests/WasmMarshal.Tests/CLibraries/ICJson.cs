namespace WasmMarshal.Tests.CLibraries;

/// <summary>
/// cJSON 1.7.15 (Debian source package cjson 1.7.15-1+deb12u4) as its own cJSON.h declares it, built unchanged into
/// guests/bin/cjson.wasm. A <c>cJSON *</c> is the library's opaque tree: a plain guest address (<see cref="uint"/>)
/// here, 0 for NULL. What cJSON_Print* returns is the caller's, freed with <c>cJSON_free</c>.
/// </summary>
[WasmImport, WasmLibraryHeader("cJSON.h")]
public partial interface ICJson
{
    /// <summary><c>cJSON *cJSON_Parse(const char *value);</c>: 0 when the text is not JSON.</summary>
    [WasmName("cJSON_Parse"), WasmString(WasmStringEncoding.Utf8NulTerminated)]
    uint Parse(string value);

    /// <summary><c>char *cJSON_PrintUnformatted(const cJSON *item);</c>: null when out of memory.</summary>
    [WasmName("cJSON_PrintUnformatted"), WasmString(WasmStringEncoding.Utf8NulTerminated)]
    [return: WasmFree("cJSON_free")]
    string? PrintUnformatted(uint item);

    /// <summary><c>char *cJSON_Print(const cJSON *item);</c>: formatted with tabs and newlines.</summary>
    [WasmName("cJSON_Print"), WasmString(WasmStringEncoding.Utf8NulTerminated)]
    [return: WasmFree("cJSON_free")]
    string? Print(uint item);

    /// <summary><c>void cJSON_Delete(cJSON *item);</c></summary>
    [WasmName("cJSON_Delete")]
    void Delete(uint item);

    /// <summary><c>const char *cJSON_Version(void);</c>: a static buffer, never freed.</summary>
    [WasmName("cJSON_Version"), WasmString(WasmStringEncoding.Utf8NulTerminated)]
    [return: WasmBorrowed]
    string Version();
}
