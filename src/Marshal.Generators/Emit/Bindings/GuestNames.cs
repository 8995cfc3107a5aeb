using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
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

    /// <summary>
    /// Identifiers a generated C header must not declare: the keywords of C89 to C23, the macros and typedefs of the
    /// headers it includes (stdbool's <c>bool</c>, stdalign's <c>alignof</c>, <c>offsetof</c>, <c>int32_t</c>...),
    /// wasm_marshal.h's own types, and the libc functions a guest is likely to include next to it, whose prototypes a
    /// same-named declaration would contradict.
    /// </summary>
    private static readonly HashSet<string> CReserved = new()
    {
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern", "float",
        "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed", "sizeof", "static",
        "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
        "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert",
        "_Thread_local", "_BitInt", "_Decimal32", "_Decimal64", "_Decimal128",
        "alignas", "alignof", "bool", "constexpr", "false", "nullptr", "static_assert", "thread_local", "true", "typeof",
        "typeof_unqual", "noreturn", "asm", "fortran",
        "offsetof", "NULL", "size_t", "ptrdiff_t", "wchar_t", "max_align_t", "nullptr_t",
        "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t", "intptr_t", "uintptr_t",
        "intmax_t", "uintmax_t", "wm_str", "wm_str16", "wm_slice",
        "malloc", "free", "calloc", "realloc", "aligned_alloc", "posix_memalign", "memalign", "printf", "fprintf", "sprintf",
        "snprintf", "puts", "putchar", "memcpy", "memmove", "memset", "memcmp", "strlen", "strcmp", "strncmp", "strcpy",
        "strncpy", "strcat", "strchr", "strstr", "abort", "exit", "_Exit", "atexit", "assert", "main", "errno",
        "abs", "labs", "qsort", "bsearch", "rand", "srand", "time", "clock", "signal", "raise", "setjmp", "longjmp",
        "open", "close", "read", "write", "fopen", "fclose", "fread", "fwrite", "getenv", "environ",
    };

    /// <summary>Macros stdint.h, stddef.h and stdbool.h define, which an enum constant must not redefine.</summary>
    private static readonly Regex CReservedMacro = new(
        "^(U?INT(8|16|32|64|PTR|MAX|_LEAST(8|16|32|64)|_FAST(8|16|32|64))_(MIN|MAX|WIDTH)|U?INT(8|16|32|64|MAX)_C|SIZE_MAX|SIZE_WIDTH|PTRDIFF_(MIN|MAX|WIDTH)|WCHAR_(MIN|MAX|WIDTH)|WINT_(MIN|MAX|WIDTH)|SIG_ATOMIC_(MIN|MAX|WIDTH)|NULL|EOF|BUFSIZ|EXIT_SUCCESS|EXIT_FAILURE|RAND_MAX|WASM_MARSHAL_H|WM_EXPORT|WM_IMPORT|__bool_true_false_are_defined)$",
        RegexOptions.CultureInvariant);

    /// <summary>Rust's strict and reserved keywords (2015 to 2024 editions), which become raw identifiers.</summary>
    private static readonly HashSet<string> RustKeywords = new()
    {
        "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop",
        "match", "mod", "move", "mut", "pub", "ref", "return", "static", "struct", "trait", "true", "type", "unsafe", "use",
        "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro", "override", "priv",
        "typeof", "unsized", "virtual", "yield", "try", "gen", "union",
    };

    /// <summary>Rust keywords that cannot be raw identifiers, and the module's own item names.</summary>
    private static readonly HashSet<string> RustUnrawable = new() { "self", "Self", "super", "crate", "_", "WmStr", "WmStr16", "WmSlice", "check_layout" };

    /// <summary>
    /// The spelling of an identifier in a C header: itself, or with a trailing underscore when it is a keyword, a
    /// macro or typedef of the included headers, or a libc function (<c>int</c> becomes <c>int_</c>,
    /// <c>malloc</c> <c>malloc_</c>). Wasm names are kept by export_name/import_name, so only the C spelling changes.
    /// </summary>
    public static string CName(string identifier) =>
        CReserved.Contains(identifier) || CReservedMacro.IsMatch(identifier) || IsReservedCIdentifier(identifier) ? identifier + "_" : identifier;

    /// <summary>The C typedef of a C# struct or enum: its snake_case, escaped.</summary>
    public static string CType(string csharpName) => CName(Snake(csharpName));

    /// <summary>A <c>#define</c>d constant: UPPER_SNAKE_CASE, escaped when stdint.h or stddef.h defines the same macro.</summary>
    public static string CConstant(string upper) => CReservedMacro.IsMatch(upper) || CReserved.Contains(upper) ? upper + "_" : upper;

    /// <summary>C reserves identifiers that begin with an underscore and an upper-case letter, or two underscores.</summary>
    private static bool IsReservedCIdentifier(string identifier) =>
        identifier.StartsWith("__", System.StringComparison.Ordinal)
        || (identifier.Length > 1 && identifier[0] == '_' && char.IsUpper(identifier[1]));

    /// <summary>The spelling of an identifier in Rust: a raw identifier for a keyword (<c>r#type</c>).</summary>
    public static string RustName(string identifier) =>
        RustUnrawable.Contains(identifier) ? identifier + "_"
        : RustKeywords.Contains(identifier) ? "r#" + identifier
        : identifier;

    /// <summary>
    /// AssemblyScript's (TypeScript's) reserved words, including the strict-mode ones, and its own type and builtin
    /// names that an identifier in a declaration must not take.
    /// </summary>
    private static readonly HashSet<string> AssemblyScriptReserved = new()
    {
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export",
        "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super",
        "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "implements", "interface", "let",
        "package", "private", "protected", "public", "static", "yield", "await", "arguments", "eval", "declare", "type",
        "namespace", "module", "abstract", "as", "is", "of", "readonly", "keyof", "unique", "infer", "never", "unknown", "any",
        "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "f32", "f64", "bool", "usize", "isize", "v128", "string",
        "number", "boolean", "memory", "heap", "load", "store", "sizeof", "alignof", "offsetof", "changetype", "unchecked",
        "abort", "trace", "seed", "ret",
    };

    /// <summary>The spelling of an identifier in AssemblyScript: itself, or with a trailing underscore when reserved.</summary>
    public static string AssemblyScriptName(string identifier) =>
        AssemblyScriptReserved.Contains(identifier) ? identifier + "_" : identifier;

    /// <summary>
    /// The C function of a guest export: the wasm name as an identifier, escaped, and distinct from the typedefs of the
    /// same header, which share C's ordinary-identifier namespace.
    /// </summary>
    public static string CExportFunction(string wasmName, InterfaceModel model)
    {
        string name = CName(Identifier(wasmName));
        bool clashes = model.Structs.Any(s => CType(s.Name) == name) || model.Enums.Any(e => CType(e.Name) == name);
        return clashes ? name + "_fn" : name;
    }

    public static string CScalar(ScalarKind scalar) => scalar.Info().C;

    public static string RustScalar(ScalarKind scalar) => scalar.Info().Rust;

    public static string AssemblyScriptScalar(ScalarKind scalar) => scalar.Info().AssemblyScript;

    /// <summary>The scalar of a C# keyword type name as <c>ElementDisplay</c> spells it (<c>int</c>, <c>double</c>...).</summary>
    public static ScalarKind? ScalarOfKeyword(string display) => Scalars.OfKeyword(display);
}

/// <summary>
/// Wasm export names a [WasmImport] interface must not use: the guest's allocator, its memory, and the start, heap and
/// table exports that toolchains (wasi-libc, Emscripten, AssemblyScript, the C ABI's <c>cabi_realloc</c>) define
/// themselves. A method with such a name would either collide with that export at link time or, with a guest whose
/// toolchain defines none, be mistaken by the host for it.
/// </summary>
internal static class GuestReservedExports
{
    private static readonly Dictionary<string, string> Reserved = new()
    {
        ["malloc"] = "the guest allocator export 'malloc'",
        ["free"] = "the guest allocator export 'free'",
        ["realloc"] = "the guest allocator export 'realloc'",
        ["calloc"] = "the guest allocator export 'calloc'",
        ["cabi_realloc"] = "the canonical ABI allocator export 'cabi_realloc'",
        ["alloc"] = "the allocator export 'alloc' (Rust guests)",
        ["dealloc"] = "the allocator export 'dealloc' (Rust guests)",
        ["__new"] = "the AssemblyScript runtime export '__new'",
        ["__pin"] = "the AssemblyScript runtime export '__pin'",
        ["__unpin"] = "the AssemblyScript runtime export '__unpin'",
        ["__collect"] = "the AssemblyScript runtime export '__collect'",
        ["memory"] = "the guest's memory export 'memory'",
        ["_initialize"] = "the WASI reactor initializer '_initialize', which the host calls before anything else",
        ["_start"] = "the WASI command entry point '_start'",
        ["__heap_base"] = "the linker global '__heap_base'",
        ["__data_end"] = "the linker global '__data_end'",
        ["__stack_pointer"] = "the linker global '__stack_pointer'",
        ["__indirect_function_table"] = "the function table export '__indirect_function_table'",
    };

    /// <summary>What <paramref name="wasmName"/> collides with, or null when a guest may export it.</summary>
    public static string? Collision(string wasmName) => Reserved.TryGetValue(wasmName, out var what) ? what : null;
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
        Struct(key) is { } s ? GuestNames.CType(s.Name)
        : Enum(key) is { } e ? GuestNames.CType(e.Name)
        : GuestNames.CScalar(GuestNames.ScalarOfKeyword(key) ?? fallback);

    /// <summary>The same for Rust (<c>Vec3</c>, <c>Color</c>, <c>i32</c>).</summary>
    public string Rust(string key, ScalarKind fallback) =>
        Struct(key) is { } s ? GuestNames.RustName(s.Name)
        : Enum(key) is { } e ? GuestNames.RustName(e.Name)
        : GuestNames.RustScalar(GuestNames.ScalarOfKeyword(key) ?? fallback);

    public string CField(FieldType type) => type.Key is { } key ? C(key, type.Scalar) : GuestNames.CScalar(type.Scalar);

    public string RustField(FieldType type) => type.Key is { } key ? Rust(key, type.Scalar) : GuestNames.RustScalar(type.Scalar);
}
