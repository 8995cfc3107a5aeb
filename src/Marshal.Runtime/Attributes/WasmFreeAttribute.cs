using System;

namespace WasmMarshal;

/// <summary>
/// Frees the buffer a <c>[WasmImport]</c> method returns through the named guest export, a <c>void f(void *)</c>, instead
/// of the guest's <c>free</c>: the library's own deallocator, as <c>cJSON_free</c> is for what <c>cJSON_Print</c>
/// returns. The host copies the result out first (bounds-checked) and calls the export when the call ends, in
/// <c>finally</c>, also when copying failed.
/// </summary>
/// <remarks>
/// Applies to a returned NUL-terminated string (<c>[WasmString(WasmStringEncoding.Utf8NulTerminated)]</c>) and to a
/// returned array counted by an out parameter (<c>[return: WasmCount(...)]</c>). A null pointer is not freed; it is
/// <c>null</c> for a nullable return type and a <see cref="WasmGuestDataException"/> otherwise. A free export that traps
/// poisons the guest as any trapped cleanup does; the copied result stays valid.
/// </remarks>
/// <example><code>
/// // char *cJSON_PrintUnformatted(const cJSON *item);   freed with cJSON_free
/// [WasmName("cJSON_PrintUnformatted"), WasmString(WasmStringEncoding.Utf8NulTerminated)]
/// [return: WasmFree("cJSON_free")]
/// string? PrintUnformatted(uint item);
/// </code></example>
[AttributeUsage(AttributeTargets.ReturnValue, Inherited = false)]
public sealed class WasmFreeAttribute : Attribute
{
    /// <summary>Frees the returned buffer through the guest export <paramref name="export"/>.</summary>
    public WasmFreeAttribute(string export) => Export = export;

    /// <summary>The name of the guest export, of core type <c>(i32) -&gt; ()</c>, that frees the returned buffer.</summary>
    public string Export { get; }
}
