using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Abi;
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

    /// <summary>A pointer to elements whose count the function stores through an out parameter ([return: WasmCount]).</summary>
    Pointer,
}

/// <summary>A method lowered to what a C, Rust or AssemblyScript guest declares.</summary>
internal sealed class GuestSignature
{
    private readonly LoweredMethod _lowered;

    /// <summary>The guest name of each C# parameter, by index.</summary>
    private readonly List<string> _names;

    private GuestSignature(List<GuestParameter> parameters, GuestReturnKind returnKind, LoweredMethod lowered, List<string> names)
    {
        _names = names;
        Parameters = parameters;
        ReturnKind = returnKind;
        Return = lowered.Return.Value;
        _lowered = lowered;
    }

    public List<GuestParameter> Parameters { get; }

    public GuestReturnKind ReturnKind { get; }

    public ValueModel Return { get; }

    /// <summary>Whether the result comes back through a return-area pointer (the first core parameter).</summary>
    public bool UsesReturnArea => _lowered.ReturnArea is not null;

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

    public static GuestSignature Of(LoweredMethod lowered, InterfaceModel model)
    {
        var parameters = new List<GuestParameter>();
        var names = new List<string>();
        foreach (var value in lowered.Parameters)
        {
            var p = value.Value;
            string n = ParameterName(p.Name, model);
            names.Add(n);
            foreach (var slot in lowered.SlotsOf(value.Index))
            {
                parameters.Add(slot.Role switch
                {
                    SlotRole.Value => new(n, GuestParameterKind.Scalar, p.Scalar, p.EnumDisplay, false, null),
                    SlotRole.Length => new(n + LengthSuffix(p), GuestParameterKind.Length, ScalarKind.U32, null, false, null),
                    _ => Pointer(n, p),
                });
            }
        }

        var r = lowered.Return.Value;
        var kind = r.Shape switch
        {
            ValueShape.Void => GuestReturnKind.Void,
            ValueShape.Scalar => GuestReturnKind.Scalar,
            ValueShape.String when lowered.ReturnArea is null => lowered.Return.Buffer == Abi.Ownership.GuestCollected
                ? GuestReturnKind.ManagedString
                : GuestReturnKind.CString,
            ValueShape.String => r.Encoding == StringEncoding.Utf16 ? GuestReturnKind.String16 : GuestReturnKind.String,
            ValueShape.Array when lowered.ReturnArea is null => GuestReturnKind.Pointer,
            ValueShape.Array => GuestReturnKind.Slice,
            _ => GuestReturnKind.Struct,
        };
        return new GuestSignature(parameters, kind, lowered, names);
    }

    private static string LengthSuffix(ValueModel p) => p.Shape switch
    {
        ValueShape.String when p.Encoding == StringEncoding.Utf16 => "_units",
        ValueShape.String => "_len",
        _ => "_count",
    };

    private static GuestParameter Pointer(string n, ValueModel p) => p.Shape switch
    {
        ValueShape.String when p.Encoding == StringEncoding.AssemblyScript =>
            new(n, GuestParameterKind.Pointer, ScalarKind.U16, null, true, "uint16_t", IsManagedString: true),
        ValueShape.String => new(n, GuestParameterKind.Pointer, p.Encoding == StringEncoding.Utf16 ? ScalarKind.U16 : ScalarKind.U8, null, true,
            p.Encoding switch
            {
                StringEncoding.Utf16 => "uint16_t",
                StringEncoding.Latin1 => "uint8_t",
                _ => "char",
            }),
        ValueShape.Pointer when p.Passing == PassingMode.Value => new(n, GuestParameterKind.StructByValue, p.Scalar, p.ElementDisplay, true, null),
        ValueShape.Pointer => new(n, GuestParameterKind.Pointer, p.Scalar, p.ElementDisplay, p.Passing == PassingMode.In, null),
        _ => new(n, GuestParameterKind.Pointer, ScalarKind.I32, p.ElementDisplay, p.Shape != ValueShape.Span, null),
    };

    /// <summary>A comment line saying who owns the buffers of this call, from the guest's point of view.</summary>
    public string Ownership(bool guestExports)
    {
        var notes = new List<string>();
        if (_lowered.Parameters.Any(p => p.Buffer is Abi.Ownership.HostScratch or Abi.Ownership.HostPinnedObject))
        {
            notes.Add("pointer arguments are host buffers, valid during the call only");
        }
        else if (_lowered.Parameters.Any(p => p.Buffer == Abi.Ownership.GuestLent))
        {
            notes.Add("pointer arguments stay the guest's; the host reads or writes them during the call only");
        }

        // [WasmCount] and [WasmCapacity]: the pointer alone does not say how far it reaches.
        foreach (var p in _lowered.Parameters)
        {
            string name = _names[p.Index];
            switch (p.Value.Sizing)
            {
                case SizeKind.CountedBy:
                    notes.Add($"{name} holds {_names[p.Value.SizeParameter]} elements");
                    break;
                case SizeKind.Fixed:
                    notes.Add($"{name} holds exactly {p.Value.FixedLength} elements");
                    break;
                case SizeKind.CapacityIn:
                    string cell = _names[p.Value.SizeParameter];
                    notes.Add($"{name} has room for *{cell} elements on entry; write at most that many and store the count written in *{cell}");
                    break;
            }
        }

        if (_lowered.Return.Value.Sizing == SizeKind.ReturnCountedBy)
        {
            notes.Add($"store the element count of the result in *{_names[_lowered.Return.Value.SizeParameter]}");
        }

        switch (_lowered.Return.Buffer)
        {
            case Abi.Ownership.GuestCollected:
                notes.Add(guestExports
                    ? "the result is a String the guest's collector owns; the host reads it and frees nothing"
                    : "the host creates the result with __new; the guest's collector owns it");
                break;
            case Abi.Ownership.GuestAllocatedHostFrees:
                notes.Add("the result must come from the guest heap (malloc); the host copies it, then frees it");
                break;
            case Abi.Ownership.GuestFreesThroughExport:
                notes.Add($"the host copies the result, then frees it with {_lowered.Return.Value.FreeExport}");
                break;
            case Abi.Ownership.GuestLent:
                notes.Add("the result stays the guest's (static or kept memory); the host copies it and frees nothing");
                break;
            case Abi.Ownership.HostAllocatedGuestFrees:
                notes.Add("the host allocates the result on the guest heap; the guest owns it and must free it");
                break;
        }

        return string.Join("; ", notes);
    }
}
