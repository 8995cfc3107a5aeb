using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Abi.Canonical;
using WasmMarshal.Generators.Marshalling;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Emit.Canonical;

/// <summary>
/// Emits, for a <c>[WasmExport, WasmCanonicalAbi]</c> interface, a static <c>Define(CanonicalHostImports, implementation)</c>
/// that defines each method as a host function the guest imports, under the interface's import module in the module's
/// naming scheme: arguments lifted as borrowed from guest memory, results that do not fit one flat value lowered through
/// the guest's realloc into the <c>retptr</c> the guest passed, after checking it.
/// </summary>
internal static class CanonicalExportEmitter
{
    public static void Emit(SourceWriter writer, InterfaceModel model)
    {
        var options = model.Canonical!;
        string self = model.QualifiedName;
        var supported = model.Methods.Where(m => m.IsSupported).ToList();
        bool needsRealloc = supported.Any(m => m.Return.Buffer != Ownership.None);
        bool needsMemory = needsRealloc || supported.Any(m => m.ReturnArea is not null || CanonicalImportEmitter.IsSpilled(m)
            || m.Parameters.Any(p => p.Buffer != Ownership.None));
        string target = Lowering.Literal(model.Name);

        writer.Line("/// <summary>");
        writer.Line($"/// Defines this interface, the WIT interface <c>{options.InterfaceName}</c>, as the host functions a canonical-ABI");
        writer.Line("/// guest imports; <c>CanonicalGuestBuilder.Instantiate()</c> checks them against the module's imports.");
        writer.Line("/// </summary>");
        writer.Open($"public static void Define(global::WasmMarshal.Canonical.CanonicalHostImports imports, {self} implementation)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(imports);");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(implementation);");
        writer.Line($"const string __interface = {Lowering.Literal(options.InterfaceName)};");
        writer.Line($"const global::WasmMarshal.Canonical.CanonicalStringEncoding __encoding = {CanonicalImportEmitter.Encoding(options)};");
        writer.Line("string __module = imports.ModuleOf(__interface);");
        if (needsRealloc)
        {
            writer.Line($"imports.RequireRealloc({target});");
        }
        else if (needsMemory)
        {
            writer.Line($"imports.RequireMemory({target});");
        }

        foreach (var method in model.Methods)
        {
            if (method.IsSupported)
            {
                EmitFunction(writer, model, method);
            }
        }

        writer.Close();
        if (model.CanRegister)
        {
            writer.Line();
            writer.Line("/// <summary>Registers both <c>Define</c> methods so that <c>CanonicalGuestBuilder.WithHost&lt;T&gt;()</c> and the component loader find them without reflection.</summary>");
            writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            writer.Open("internal static void RegisterWasmMarshalCanonicalBinding()");
            writer.Line($"global::WasmMarshal.Canonical.CanonicalBindings.RegisterExport<{self}>(static (imports, implementation) => Define(imports, implementation));");
            writer.Line(ComponentModelEmitter.ExportRegistration(model));
            writer.Close();
        }

        ComponentModelEmitter.EmitExport(writer, model);
    }

    private static void EmitFunction(SourceWriter writer, InterfaceModel model, LoweredMethod lowered)
    {
        var m = lowered.Method;
        string name = Lowering.Literal(lowered.WasmName);
        string display = Lowering.Literal(InterfaceEmitter.MethodDisplay(model, m));
        var slots = lowered.CoreParameters.Select((s, i) => (Slot: s, Name: s.Role == SlotRole.ReturnArea ? Locals.ReturnArea : "__p" + i)).ToList();
        string lambda = "(" + string.Join(", ", slots.Select(s => s.Slot.Type.ClrType() + " " + s.Name)) + ") =>";
        writer.Open($"if (imports.Expect(__interface, {name}, {display}, {Lowering.Literal(lowered.Core.Text)}))");
        writer.Line($"global::WasmMarshal.Interop.WasmHostFunctions.Define(imports.Linker, __module, {name}, {lambda}");
        writer.Open();
        int methodLine = writer.Mark;
        writer.Line($"const string {Locals.Method} = {display};");
        int bodyStart = writer.Mark;
        writer.Line("var __guest = imports.Guest;");
        var code = new CanonicalCode(writer, "__guest.Memory", "__guest.Realloc", "__encoding");
        bool readsMemory = lowered.Parameters.Any(p => p.Buffer != Ownership.None) || CanonicalImportEmitter.IsSpilled(lowered);
        if (readsMemory)
        {
            // Arguments are borrowed: read during the call, never freed by the host.
            writer.Line($"var {Locals.View} = __guest.Memory.View();");
        }

        var arguments = new List<string>();
        if (CanonicalImportEmitter.IsSpilled(lowered))
        {
            var tuple = CanonicalAbiLowering.ParameterTuple(lowered);
            var offsets = WitLayout.Offsets(tuple);
            writer.Line($"uint __params = {CanonicalCode.Areas}.CheckOutParameter({Locals.View}, {slots[0].Name}, {WitLayout.RecordSize(tuple)}u, {WitLayout.RecordAlign(tuple)}u, {Locals.Method}, \"(spilled parameters)\");");
            for (int i = 0; i < tuple.Count; i++)
            {
                string value = Locals.Parameter(i);
                writer.Line($"var {value} = {code.Load(tuple[i].Type, Locals.View, offsets[i] == 0 ? "__params" : $"__params + {offsets[i]}u", lowered.Parameters[i].Value.Name)};");
                arguments.Add(value);
            }
        }
        else
        {
            var cores = slots.Where(s => s.Slot.Role != SlotRole.ReturnArea).Select(s => s.Name).ToList();
            int position = 0;
            foreach (var p in lowered.Parameters)
            {
                string value = Locals.Parameter(p.Index);
                writer.Line($"var {value} = {code.LiftFlat(p.Value.Wit!, cores, ref position, readsMemory ? Locals.View : "default", p.Value.Name)};");
                arguments.Add(value);
            }
        }

        string call = "implementation." + m.Name + "(" + string.Join(", ", arguments) + ")";
        var r = lowered.Return.Value;
        if (r.Wit is null)
        {
            writer.Line(call + ";");
        }
        else if (lowered.ReturnArea is { } area)
        {
            // The result does not fit one flat value: the guest passed retptr; check it before computing anything into it.
            writer.Line($"uint __at = {CanonicalCode.Areas}.CheckOutParameter(__guest.Memory.View(), {Locals.ReturnArea}, {area.Size}u, {area.Align}u, {Locals.Method}, \"retptr\");");
            writer.Line($"var {Locals.Result} = {call};");
            code.Store(r.Wit, "__at", Locals.Result, "return");
        }
        else
        {
            writer.Line($"var {Locals.Result} = {call};");
            writer.Line($"return {code.LowerFlat(r.Wit, Locals.Result, "return")[0]};");
        }

        // A function of plain numbers names no method in any check: an unused constant would be CS0219.
        if (!writer.Since(bodyStart).Contains(Locals.Method))
        {
            writer.RemoveLine(methodLine);
        }

        writer.Close(");");
        writer.Close();
    }
}
