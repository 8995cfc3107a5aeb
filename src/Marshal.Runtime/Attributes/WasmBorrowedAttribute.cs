using System;

namespace WasmMarshal;

/// <summary>
/// Says that the buffer a <c>[WasmImport]</c> method returns stays the guest's: static data or memory the library
/// keeps (<c>const char *LZ4_versionString(void)</c>, <c>cJSON_GetErrorPtr</c>). The host copies it out and frees
/// nothing. Without it a returned string or array is taken to be the caller's to free with the guest's <c>free</c>.
/// </summary>
/// <example><code>
/// // const char *LZ4_versionString(void);
/// [WasmName("LZ4_versionString"), WasmString(WasmStringEncoding.Utf8NulTerminated)]
/// [return: WasmBorrowed]
/// string VersionString();
/// </code></example>
[AttributeUsage(AttributeTargets.ReturnValue, Inherited = false)]
public sealed class WasmBorrowedAttribute : Attribute
{
}
