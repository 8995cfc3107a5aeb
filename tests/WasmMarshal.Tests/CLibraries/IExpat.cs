using System;

namespace WasmMarshal.Tests.CLibraries;

/// <summary>The tag of expat's <c>XML_Parser</c> (<c>struct XML_ParserStruct *</c>) handles; never instantiated.</summary>
public sealed class XmlParser
{
    private XmlParser()
    {
    }
}

/// <summary><c>typedef void (XMLCALL *XML_StartElementHandler)(void *userData, const XML_Char *name, const XML_Char **atts);</c></summary>
/// <param name="userData">What <c>XML_SetUserData</c> set, as the guest address it is.</param>
/// <param name="name">The element name, NUL-terminated UTF-8.</param>
/// <param name="atts">A NUL-terminated array of name, value, name, value... pointers: read it with <see cref="GuestCStrings.ReadArray"/>.</param>
public delegate void XmlStartElementHandler(uint userData, [WasmString(WasmStringEncoding.Utf8NulTerminated)] string name, uint atts);

/// <summary><c>typedef void (XMLCALL *XML_EndElementHandler)(void *userData, const XML_Char *name);</c></summary>
public delegate void XmlEndElementHandler(uint userData, [WasmString(WasmStringEncoding.Utf8NulTerminated)] string name);

/// <summary>
/// <c>typedef void (XMLCALL *XML_CharacterDataHandler)(void *userData, const XML_Char *s, int len);</c>: <c>s</c> and
/// <c>len</c> are one UTF-8 <c>(ptr, len)</c> string, which is how a C# string crosses by default.
/// </summary>
public delegate void XmlCharacterDataHandler(uint userData, string s);

/// <summary>
/// expat 2.5.0 (Debian source package expat 2.5.0-1+deb12u2) as its own expat.h declares it, built unchanged into
/// guests/bin/expat.wasm. <c>XML_Size</c> is <c>unsigned long</c> and <c>XML_Index</c> is <c>long</c>, 32 bits on wasm32.
/// </summary>
[WasmImport]
public partial interface IExpat
{
    /// <summary><c>XML_Parser XML_ParserCreate(const XML_Char *encoding);</c> NULL when out of memory.</summary>
    [WasmName("XML_ParserCreate")]
    WasmHandle<XmlParser> ParserCreate([WasmString(WasmStringEncoding.Utf8NulTerminated)] string? encoding);

    /// <summary><c>void XML_ParserFree(XML_Parser parser);</c></summary>
    [WasmName("XML_ParserFree")]
    void ParserFree(WasmHandle<XmlParser> parser);

    /// <summary><c>void XML_SetUserData(XML_Parser parser, void *userData);</c></summary>
    [WasmName("XML_SetUserData")]
    void SetUserData(WasmHandle<XmlParser> parser, uint userData);

    /// <summary><c>void XML_SetElementHandler(XML_Parser parser, XML_StartElementHandler start, XML_EndElementHandler end);</c></summary>
    [WasmName("XML_SetElementHandler")]
    void SetElementHandler(WasmHandle<XmlParser> parser, WasmCallback<XmlStartElementHandler>? start, WasmCallback<XmlEndElementHandler>? end);

    /// <summary><c>void XML_SetCharacterDataHandler(XML_Parser parser, XML_CharacterDataHandler handler);</c></summary>
    [WasmName("XML_SetCharacterDataHandler")]
    void SetCharacterDataHandler(WasmHandle<XmlParser> parser, WasmCallback<XmlCharacterDataHandler>? handler);

    /// <summary><c>enum XML_Status XML_Parse(XML_Parser parser, const char *s, int len, int isFinal);</c></summary>
    [WasmName("XML_Parse")]
    XmlStatus Parse(WasmHandle<XmlParser> parser, [WasmCount(nameof(len))] ReadOnlySpan<byte> s, int len, int isFinal);

    /// <summary><c>enum XML_Status XML_StopParser(XML_Parser parser, XML_Bool resumable);</c></summary>
    [WasmName("XML_StopParser")]
    XmlStatus StopParser(WasmHandle<XmlParser> parser, byte resumable);

    /// <summary><c>enum XML_Error XML_GetErrorCode(XML_Parser parser);</c></summary>
    [WasmName("XML_GetErrorCode")]
    XmlError GetErrorCode(WasmHandle<XmlParser> parser);

    /// <summary>
    /// <c>const XML_LChar *XML_ErrorString(enum XML_Error code);</c> A static string the library owns, so it is bound as
    /// its address (a returned <c>string</c> would be freed by the host) and read with <see cref="GuestCStrings.Read"/>.
    /// </summary>
    [WasmName("XML_ErrorString")]
    uint ErrorString(XmlError code);

    /// <summary><c>XML_Size XML_GetCurrentLineNumber(XML_Parser parser);</c> 1-based.</summary>
    [WasmName("XML_GetCurrentLineNumber")]
    uint GetCurrentLineNumber(WasmHandle<XmlParser> parser);

    /// <summary><c>XML_Size XML_GetCurrentColumnNumber(XML_Parser parser);</c> 0-based, in bytes.</summary>
    [WasmName("XML_GetCurrentColumnNumber")]
    uint GetCurrentColumnNumber(WasmHandle<XmlParser> parser);

    /// <summary><c>XML_Index XML_GetCurrentByteIndex(XML_Parser parser);</c></summary>
    [WasmName("XML_GetCurrentByteIndex")]
    int GetCurrentByteIndex(WasmHandle<XmlParser> parser);
}

/// <summary><c>enum XML_Status</c>.</summary>
public enum XmlStatus
{
    Error = 0,
    Ok = 1,
    Suspended = 2,
}

/// <summary>The first codes of <c>enum XML_Error</c> (expat.h), in its order.</summary>
public enum XmlError
{
    None,
    NoMemory,
    Syntax,
    NoElements,
    InvalidToken,
    UnclosedToken,
    PartialChar,
    TagMismatch,
    DuplicateAttribute,
    JunkAfterDocElement,
    ParamEntityRef,
    UndefinedEntity,
    RecursiveEntityRef,
    AsyncEntity,
    BadCharRef,
    BinaryEntityRef,
    AttributeExternalEntityRef,
    MisplacedXmlPi,
    UnknownEncoding,
}
