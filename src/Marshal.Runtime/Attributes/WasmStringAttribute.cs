using System;

namespace WasmMarshal;

/// <summary>How a <see cref="string"/> parameter or return value is laid out in guest memory.</summary>
public enum WasmStringEncoding
{
    /// <summary>UTF-8 bytes passed as <c>(ptr, byte length)</c>. The default.</summary>
    Utf8 = 0,

    /// <summary>UTF-16 little-endian code units passed as <c>(ptr, code unit count)</c>.</summary>
    Utf16 = 1,

    /// <summary>ISO-8859-1 bytes passed as <c>(ptr, byte length)</c>; characters above U+00FF are rejected.</summary>
    Latin1 = 2,

    /// <summary>UTF-8 bytes followed by a NUL byte, passed as one pointer (a C <c>const char*</c>).</summary>
    Utf8NulTerminated = 3,

    /// <summary>
    /// An AssemblyScript <c>string</c>: one pointer to UTF-16 code units allocated by the guest's garbage-collected
    /// runtime (<c>__new</c> with class id 2), whose byte length is the u32 at <c>ptr - 4</c>. The guest must export
    /// <c>__new</c>, <c>__pin</c> and <c>__unpin</c> (asc <c>--exportRuntime</c>); strings the guest returns belong to its
    /// garbage collector and are not freed by the host.
    /// </summary>
    AssemblyScript = 4,
}

/// <summary>
/// Selects the <see cref="WasmStringEncoding"/> of a string parameter or return value. On a method or an interface it is
/// the default for every string of that method or interface that has no attribute of its own.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Method | AttributeTargets.Interface, Inherited = false)]
public sealed class WasmStringAttribute : Attribute
{
    /// <summary>Uses <paramref name="encoding"/>.</summary>
    public WasmStringAttribute(WasmStringEncoding encoding) => Encoding = encoding;

    /// <summary>The encoding.</summary>
    public WasmStringEncoding Encoding { get; }
}
