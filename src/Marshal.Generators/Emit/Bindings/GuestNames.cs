using System.Linq;
using WasmMarshal.Generators.Model;
using WasmMarshal.Generators.Parsing;

namespace WasmMarshal.Generators.Emit.Bindings;

/// <summary>How C# names and types are spelled in guest bindings.</summary>
internal static class GuestNames
{
    /// <summary>A C identifier from a wasm name: the name itself when it already is one.</summary>
    public static string Identifier(string wasmName)
    {
        var chars = wasmName.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
        string name = new string(chars);
        return name.Length == 0 || char.IsDigit(name[0]) ? "_" + name : name;
    }

    /// <summary>The C function a guest calls for a host import: <c>host_</c> + the wasm name.</summary>
    public static string HostFunction(MethodModel method) => "host_" + Identifier(method.WasmName);

    /// <summary>The C/Rust-field spelling of a C# member name: snake_case.</summary>
    public static string Snake(string name) => WasmNames.ToSnakeCase(name);

    /// <summary>A constant prefix: UPPER_SNAKE_CASE.</summary>
    public static string Upper(string name) => WasmNames.ToSnakeCase(name).ToUpperInvariant();

    public static string CScalar(ScalarKind scalar) => scalar.Info().C;

    public static string RustScalar(ScalarKind scalar) => scalar.Info().Rust;

    public static string AssemblyScriptScalar(ScalarKind scalar) => scalar.Info().AssemblyScript;

    /// <summary>The scalar of a C# keyword type name as <c>ElementDisplay</c> spells it (<c>int</c>, <c>double</c>...).</summary>
    public static ScalarKind? ScalarOfKeyword(string display) => Scalars.OfKeyword(display);
}

/// <summary>Resolves the C#-named types of an interface to their guest spellings.</summary>
internal sealed class GuestTypes
{
    private readonly InterfaceModel _model;

    public GuestTypes(InterfaceModel model) => _model = model;

    public StructModel? Struct(string key) => _model.Structs.FirstOrDefault(s => s.Key == key);

    public EnumModel? Enum(string key) => _model.Enums.FirstOrDefault(e => e.Key == key);

    /// <summary>A type by its fully qualified C# name, spelled for C (<c>vec3</c>, <c>color</c>, <c>int32_t</c>).</summary>
    public string C(string key, ScalarKind fallback) =>
        Struct(key) is { } s ? GuestNames.Snake(s.Name)
        : Enum(key) is { } e ? GuestNames.Snake(e.Name)
        : GuestNames.CScalar(GuestNames.ScalarOfKeyword(key) ?? fallback);

    /// <summary>The same for Rust (<c>Vec3</c>, <c>Color</c>, <c>i32</c>).</summary>
    public string Rust(string key, ScalarKind fallback) =>
        Struct(key) is { } s ? s.Name
        : Enum(key) is { } e ? e.Name
        : GuestNames.RustScalar(GuestNames.ScalarOfKeyword(key) ?? fallback);

    public string CField(FieldType type) => type.Key is { } key ? C(key, type.Scalar) : GuestNames.CScalar(type.Scalar);

    public string RustField(FieldType type) => type.Key is { } key ? Rust(key, type.Scalar) : GuestNames.RustScalar(type.Scalar);
}
