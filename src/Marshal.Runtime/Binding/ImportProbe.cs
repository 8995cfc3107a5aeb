using System;
using System.Collections.Generic;
using System.Linq;
using Wasmtime;

namespace WasmMarshal.Binding;

/// <summary>
/// Asks a linker, once everything is defined in it, for each import of a module, so that every import nothing supplies
/// (or supplies as another kind or type) is one <see cref="BindingMismatch"/>: Wasmtime's own error names only the
/// first. Works whoever defined the imports: <c>[WasmExport]</c> interfaces, the builder itself (WASI, the host heap,
/// Emscripten's and AssemblyScript's imports), <c>ConfigureLinker</c> callbacks, or a linker given with <c>WithLinker</c>.
/// </summary>
internal static class ImportProbe
{
    public const string NothingDefinesIt = "nothing defines it";

    /// <summary>
    /// Adds a mismatch for every import of <paramref name="module"/> that <paramref name="linker"/> cannot supply as
    /// declared. An import already in <paramref name="mismatches"/> (by item) is not repeated.
    /// </summary>
    public static void AddUnfit(Linker linker, Store store, Module module, List<BindingMismatch> mismatches)
    {
        var reported = new HashSet<string>(mismatches.Select(m => m.Item));
        foreach (var import in module.Imports)
        {
            string item = import.ModuleName + "." + import.Name;
            if (!reported.Contains(item) && Unfit(linker, store, import) is { } actual)
            {
                mismatches.Add(new BindingMismatch(item, "the guest's imports", Describe(import), actual));
            }
        }
    }

    /// <summary>What to do, when some import is not defined at all.</summary>
    public static string? Hint(IReadOnlyList<BindingMismatch> mismatches) =>
        mismatches.Any(m => m.Actual.StartsWith(NothingDefinesIt, StringComparison.Ordinal))
            ? "define each import that nothing defines: a [WasmExport] interface passed to Export<T>(), or ConfigureLinker / WithLinker for anything else"
            : null;

    /// <summary>The exported memory must be a wasm32 memory: every pointer WasmMarshal reads and writes is 32 bits.</summary>
    public static void AddMemory64(Module module, string memoryExport, List<BindingMismatch> mismatches)
    {
        if (module.Exports.OfType<MemoryExport>().FirstOrDefault(e => e.Name == memoryExport) is { Is64Bit: true } memory)
        {
            mismatches.Add(new BindingMismatch(memoryExport, "guest memory", "a 32-bit memory (wasm32)",
                $"a 64-bit memory (memory64, {memory.Minimum} page{(memory.Minimum == 1 ? "" : "s")} minimum); WasmMarshal supports wasm32 guests only"));
        }
    }

    /// <summary>
    /// What the linker defines under the import's name when it does not fit the import, <see cref="NothingDefinesIt"/>
    /// when it defines nothing there, or null when it fits. Memory and table sizes are left to Wasmtime (a larger
    /// minimum or a smaller maximum fits too).
    /// </summary>
    private static string? Unfit(Linker linker, Store store, Import import)
    {
        string module = import.ModuleName, name = import.Name;

        // Each getter returns null when the name is defined as another kind: ask for the import's own kind first.
        switch (import)
        {
            case FunctionImport wanted when linker.GetFunction(store, module, name) is { } function:
                string signature = WasmSignature.Format(function.Parameters, function.Results);
                return signature == WasmSignature.Format(wanted.Parameters, wanted.Results) ? null : "function " + signature;
            case GlobalImport wanted when linker.GetGlobal(store, module, name) is { } global:
                return global.Kind == wanted.Kind && global.Mutability == wanted.Mutability ? null : DescribeGlobal(global.Kind, global.Mutability);
            case MemoryImport wanted when linker.GetMemory(store, module, name) is { } memory:
                return memory.Is64Bit == wanted.Is64Bit ? null : DescribeMemory(memory.Minimum, memory.Maximum, memory.Is64Bit);
            case TableImport wanted when linker.GetTable(store, module, name) is { } table:
                string kind = table.Kind == TableKind.FuncRef ? "funcref" : "externref";
                return kind == WasmSignature.Name(wanted.Kind) ? null : DescribeTable(kind, table.Minimum, table.Maximum);
        }

        return linker.GetFunction(store, module, name) is not null ? "a function"
            : linker.GetMemory(store, module, name) is not null ? "a memory"
            : linker.GetTable(store, module, name) is not null ? "a table"
            : linker.GetGlobal(store, module, name) is not null ? "a global"
            : NothingDefinesIt;
    }

    private static string Describe(Import import) => import switch
    {
        FunctionImport function => "function " + WasmSignature.Format(function.Parameters, function.Results),
        MemoryImport memory => DescribeMemory(memory.Minimum, memory.Maximum, memory.Is64Bit),
        TableImport table => DescribeTable(WasmSignature.Name(table.Kind), table.Minimum, table.Maximum),
        GlobalImport global => DescribeGlobal(global.Kind, global.Mutability),
        _ => import.GetType().Name,
    };

    private static string DescribeMemory(long minimum, long? maximum, bool is64Bit) =>
        $"memory ({(is64Bit ? "64-bit, " : "")}{minimum} page{(minimum == 1 ? "" : "s")} minimum{(maximum is { } max ? $", {max} maximum" : "")})";

    private static string DescribeTable(string kind, uint minimum, uint maximum) =>
        $"table {kind} ({minimum} minimum{(maximum == uint.MaxValue ? "" : $", {maximum} maximum")})";

    private static string DescribeGlobal(ValueKind kind, Mutability mutability) =>
        $"global {WasmSignature.Name(kind)} ({(mutability == Mutability.Mutable ? "mutable" : "immutable")})";
}
