using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Marshalling;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Emit;

/// <summary>
/// Emits, for a [WasmExport] interface, a static <c>Define</c> method that defines every method in a Wasmtime
/// linker, the binding metadata used to validate a module's imports, and a module-initializer registration.
/// </summary>
internal static class ExportBinderEmitter
{
    public static void Emit(SourceWriter writer, InterfaceModel model)
    {
        string self = model.QualifiedName;
        var methods = model.Methods.Where(m => m.IsSupported).ToList();

        writer.Line("/// <summary>");
        writer.Line($"/// Defines every method of this interface in <paramref name=\"linker\"/> under the import module");
        writer.Line($"/// <c>{model.Module}</c>, each calling <paramref name=\"implementation\"/>. Pointers the guest passes are");
        writer.Line("/// bounds-checked before any read; a violation traps the guest with a message naming the method and parameter.");
        writer.Line("/// </summary>");
        writer.Open($"public static void Define(global::Wasmtime.Linker linker, global::WasmMarshal.WasmGuest guest, {self} implementation)");
        writer.Line("if (linker is null) throw new global::System.ArgumentNullException(nameof(linker));");
        writer.Line("if (guest is null) throw new global::System.ArgumentNullException(nameof(guest));");
        writer.Line("if (implementation is null) throw new global::System.ArgumentNullException(nameof(implementation));");
        for (int index = 0; index < methods.Count; index++)
        {
            writer.Line();
            EmitFunction(writer, model, methods[index], index);
        }

        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The functions this interface defines, used to check a module's imports before instantiation.</summary>");
        writer.Line($"public static global::WasmMarshal.Binding.WasmExportBinding<{self}> WasmBinding {{ get; }} = new(");
        writer.Line($"    {Lowering.Literal(model.FullName)},");
        writer.Line($"    {Lowering.Literal(model.Module)},");
        writer.Line("    new global::WasmMarshal.Binding.WasmFunctionDescriptor[]");
        writer.Line("    {");
        foreach (var method in methods)
        {
            writer.Line($"        new({Lowering.Literal(method.Method.WasmName)}, {Lowering.Literal(method.Method.Name)}, {Lowering.Literal(method.Core.Text)}),");
        }

        writer.Line("    },");
        writer.Line("    static (linker, guest, implementation) => Define(linker, guest, implementation));");
        if (model.CanRegister)
        {
            writer.Line();
            writer.Line("/// <summary>Registers the binder so that <c>WasmGuestBuilder.Export&lt;T&gt;()</c> finds it without reflection.</summary>");
            writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            writer.Line($"internal static void RegisterWasmMarshalBinding() => global::WasmMarshal.Binding.WasmBindings.RegisterExport<{self}>(WasmBinding);");
        }
    }

    private static void EmitFunction(SourceWriter writer, InterfaceModel model, LoweredMethod lowered, int index)
    {
        var method = lowered.Method;
        var parameters = lowered.Parameters.Select(p => ValueMarshaller.For(p)).ToList();
        var result = ValueMarshaller.For(lowered.Return, lowered.ReturnArea);
        var signature = lowered.Core;
        string local = "__wasmImport" + index + "_" + new string(method.WasmName.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
        var coreParameters = lowered.CoreParameters.Select(ValueMarshaller.ExportCoreParameter);
        bool usesMemory = lowered.UsesGuestMemory;

        writer.Line($"// {model.Module}.{method.WasmName}: {signature.Text}");
        writer.Line($"{InterfaceEmitter.CoreDelegateType(signature)} {local} = ({string.Join(", ", coreParameters)}) =>");
        writer.Open();
        if (usesMemory)
        {
            writer.Line($"const string __method = {Lowering.Literal(InterfaceEmitter.MethodDisplay(model, method))};");
        }

        var unmarshal = parameters.SelectMany(p => p.ExportUnmarshal()).ToList();
        if (unmarshal.Count > 0)
        {
            writer.Line("// Stage: Unmarshal. Every pointer and length from the guest is bounds-checked before it is read.");
            writer.Line("global::WasmMarshal.GuestMemoryView __view = guest.Memory.View();");
            foreach (var line in unmarshal)
            {
                writer.Line(line);
            }
        }

        writer.Line("// Stage: Invoke.");
        string call = $"implementation.{Lowering.Identifier(method.Name)}({string.Join(", ", parameters.Select(p => p.ExportArgument()))})";
        bool hasResult = method.Return.Shape != ValueShape.Void;
        writer.Line(hasResult ? $"{method.Return.TypeDisplay} __result = {call};" : call + ";");

        var allocate = result.ExportReturnAllocate().ToList();
        var writeBack = parameters.SelectMany(p => p.ExportWriteBack()).Concat(result.ExportReturnWrite()).ToList();
        if (allocate.Count > 0)
        {
            writer.Line("// Stage: Allocate the result in guest memory; the guest owns it and frees it with its allocator.");
            foreach (var line in allocate)
            {
                writer.Line(line);
            }
        }

        if (writeBack.Count > 0)
        {
            writer.Line("// Stage: Write back. The implementation or the allocator may have re-entered the guest and grown memory: fresh view.");
            writer.Line((unmarshal.Count > 0 ? "" : "global::WasmMarshal.GuestMemoryView ") + "__view = guest.Memory.View();");
            foreach (var line in writeBack)
            {
                writer.Line(line);
            }
        }

        if (result.ExportReturnExpression() is { } expression)
        {
            writer.Line($"return {expression};");
        }

        writer.Close(";");
        writer.Line($"linker.DefineFunction({Lowering.Literal(model.Module)}, {Lowering.Literal(method.WasmName)}, {local});");
    }
}
