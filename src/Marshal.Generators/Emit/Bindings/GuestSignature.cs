using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Emit.Bindings;

/// <summary>What a guest-side parameter is, independent of the language that spells it.</summary>
internal enum GuestParameterKind
{
    /// <summary>A number, bool or enum.</summary>
    Scalar,

    /// <summary>A pointer to text or elements (<see cref="GuestParameter.TypeKey"/> or <see cref="GuestParameter.Scalar"/>).</summary>
    Pointer,

    /// <summary>A length or count (<c>size_t</c>).</summary>
    Length,

    /// <summary>A struct by value: C spells it by value (clang lowers it to a pointer); Rust and AssemblyScript use the pointer.</summary>
    StructByValue,
}

/// <param name="TypeKey">The fully qualified C# name of a struct, enum or element type, or null for a plain scalar.</param>
/// <param name="IsConst">For pointers: whether the guest must not write through it.</param>
/// <param name="Text">For string pointers: <c>char</c> (UTF-8), <c>uint8_t</c> (Latin-1) or <c>uint16_t</c> (UTF-16).</param>
/// <param name="IsManagedString">An AssemblyScript String object: <c>string</c> in AssemblyScript, UTF-16 units elsewhere.</param>
internal sealed record GuestParameter(string Name, GuestParameterKind Kind, ScalarKind Scalar, string? TypeKey, bool IsConst, string? Text,
    bool IsManagedString = false);

internal enum GuestReturnKind
{
    Void,
    Scalar,
    CString,
    String,
    String16,

    /// <summary>An AssemblyScript String object, returned as one pointer and owned by the guest's collector.</summary>
    ManagedString,
    Slice,
    Struct,
}

/// <summary>A method lowered to what a C, Rust or AssemblyScript guest declares.</summary>
internal sealed class GuestSignature
{
    private GuestSignature(List<GuestParameter> parameters, GuestReturnKind returnKind, ValueModel returnValue)
    {
        Parameters = parameters;
        ReturnKind = returnKind;
        Return = returnValue;
    }

    public List<GuestParameter> Parameters { get; }

    public GuestReturnKind ReturnKind { get; }

    public ValueModel Return { get; }

    /// <summary>Whether the result comes back through a return-area pointer (the first core parameter).</summary>
    public bool UsesReturnArea => ReturnKind is GuestReturnKind.String or GuestReturnKind.String16 or GuestReturnKind.Slice or GuestReturnKind.Struct;

    /// <summary>Words no guest parameter may be called: keywords of C, Rust or AssemblyScript, and the ABI's own names.</summary>
    private static readonly HashSet<string> Reserved = new()
    {
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern", "float",
        "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed", "sizeof", "static",
        "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "bool", "true", "false",
        "as", "async", "await", "crate", "dyn", "fn", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
        "self", "Self", "super", "trait", "type", "unsafe", "use", "where", "yield", "box", "final", "macro", "override",
        "priv", "typeof", "unsized", "virtual", "abstract", "become", "try", "ret",
        "function", "var", "class", "declare", "export", "import", "new", "null", "this", "instanceof", "delete", "of",
        "wm_str", "wm_str16", "wm_slice", "size_t",
        "_Bool", "_Alignas", "_Alignof", "_Atomic", "_Complex", "_Generic", "_Noreturn", "_Static_assert", "_Thread_local",
        "alignas", "alignof", "static_assert", "thread_local", "nullptr", "constexpr", "typeof_unqual", "offsetof", "NULL",
        "catch", "debugger", "finally", "throw", "with", "implements", "interface", "package", "private", "protected",
        "public", "arguments", "eval", "gen",
    };

    /// <summary>A parameter name that is not reserved and does not shadow a type the bindings declare.</summary>
    public static string ParameterName(string name, InterfaceModel model)
    {
        while (Reserved.Contains(name)
            || model.Structs.Any(s => GuestNames.CType(s.Name) == name || GuestNames.Snake(s.Name) == name || s.Name == name)
            || model.Enums.Any(e => GuestNames.CType(e.Name) == name || GuestNames.Snake(e.Name) == name || e.Name == name))
        {
            name += "_";
        }

        return name;
    }

    public static GuestSignature Of(MethodModel method, InterfaceModel model)
    {
        var parameters = new List<GuestParameter>();
        foreach (var p in method.Parameters)
        {
            string n = ParameterName(p.Name, model);
            switch (p.Shape)
            {
                case ValueShape.Scalar:
                    parameters.Add(new(n, GuestParameterKind.Scalar, p.Scalar, p.EnumDisplay, false, null));
                    break;
                case ValueShape.String when p.Encoding == StringEncoding.AssemblyScript:
                    parameters.Add(new(n, GuestParameterKind.Pointer, ScalarKind.U16, null, true, "uint16_t", IsManagedString: true));
                    break;
                case ValueShape.String:
                    string text = p.Encoding switch
                    {
                        StringEncoding.Utf16 => "uint16_t",
                        StringEncoding.Latin1 => "uint8_t",
                        _ => "char",
                    };
                    parameters.Add(new(n, GuestParameterKind.Pointer, p.Encoding == StringEncoding.Utf16 ? ScalarKind.U16 : ScalarKind.U8, null, true, text));
                    if (p.Encoding != StringEncoding.Utf8NulTerminated)
                    {
                        parameters.Add(new(n + (p.Encoding == StringEncoding.Utf16 ? "_units" : "_len"), GuestParameterKind.Length, ScalarKind.U32, null, false, null));
                    }

                    break;
                case ValueShape.Pointer when p.Passing == PassingMode.Value:
                    parameters.Add(new(n, GuestParameterKind.StructByValue, p.Scalar, p.ElementDisplay, true, null));
                    break;
                case ValueShape.Pointer:
                    parameters.Add(new(n, GuestParameterKind.Pointer, p.Scalar, p.ElementDisplay, p.Passing == PassingMode.In, null));
                    break;
                case ValueShape.Span or ValueShape.ReadOnlySpan or ValueShape.Array:
                    parameters.Add(new(n, GuestParameterKind.Pointer, ScalarKind.I32, p.ElementDisplay, p.Shape != ValueShape.Span, null));
                    parameters.Add(new(n + "_count", GuestParameterKind.Length, ScalarKind.U32, null, false, null));
                    break;
            }
        }

        var r = method.Return;
        var kind = r.Shape switch
        {
            ValueShape.Void => GuestReturnKind.Void,
            ValueShape.Scalar => GuestReturnKind.Scalar,
            ValueShape.String => r.Encoding switch
            {
                StringEncoding.Utf8NulTerminated => GuestReturnKind.CString,
                StringEncoding.AssemblyScript => GuestReturnKind.ManagedString,
                StringEncoding.Utf16 => GuestReturnKind.String16,
                _ => GuestReturnKind.String,
            },
            ValueShape.Array => GuestReturnKind.Slice,
            _ => GuestReturnKind.Struct,
        };
        return new GuestSignature(parameters, kind, r);
    }

    /// <summary>A comment line saying who owns the buffers of this call, from the guest's point of view.</summary>
    public string Ownership(bool guestExports)
    {
        bool hasBuffers = Parameters.Exists(p => p.Kind is GuestParameterKind.Pointer or GuestParameterKind.StructByValue);
        var notes = new List<string>();
        if (hasBuffers)
        {
            notes.Add(guestExports
                ? "pointer arguments are host buffers, valid during the call only"
                : "pointer arguments stay the guest's; the host reads or writes them during the call only");
        }

        if (ReturnKind == GuestReturnKind.ManagedString)
        {
            notes.Add(guestExports
                ? "the result is a String the guest's collector owns; the host reads it and frees nothing"
                : "the host creates the result with __new; the guest's collector owns it");
        }
        else if (ReturnKind is GuestReturnKind.String or GuestReturnKind.String16 or GuestReturnKind.Slice or GuestReturnKind.CString)
        {
            notes.Add(guestExports
                ? "the result must come from the guest heap (malloc); the host copies it, then frees it"
                : "the host allocates the result on the guest heap; the guest owns it and must free it");
        }

        return string.Join("; ", notes);
    }
}
