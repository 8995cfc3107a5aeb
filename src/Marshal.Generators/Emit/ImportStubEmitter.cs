using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Marshalling;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Emit;

/// <summary>
/// Emits, for a [WasmImport] interface, a static <c>Bind</c> method, a module-initializer registration and the
/// nested stub class that implements the interface by calling the guest's exports.
/// </summary>
internal static class ImportStubEmitter
{
    private const string StubName = "WasmImportStub";

    public static void Emit(SourceWriter writer, InterfaceModel model)
    {
        string self = model.QualifiedName;
        var supported = model.Methods.Where(m => m.IsSupported).ToList();
        bool needsAllocator = supported.Any(NeedsScratch);
        bool needsGuestHeap = supported.Any(m => m.Return.Buffer == Ownership.GuestAllocatedHostFrees);

        writer.Line("/// <summary>");
        writer.Line("/// Binds this interface to the exports of <paramref name=\"guest\"/>. Every export (and the allocator, if");
        writer.Line("/// needed) is checked now: a module that does not fit throws one exception listing every mismatch.");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"guest\">The instantiated guest.</param>");
        writer.Line("/// <param name=\"allocator\">The allocator for arguments, instead of the guest's <c>Allocator</c>, for example an arena.</param>");
        writer.Line("/// <exception cref=\"global::WasmMarshal.WasmBindingException\">The module does not fit the interface.</exception>");
        writer.Line($"public static {self} Bind(global::WasmMarshal.WasmGuest guest, global::WasmMarshal.Allocation.IGuestAllocator? allocator = null) =>");
        writer.Line($"    new {StubName}(guest, allocator);");
        if (model.CanRegister)
        {
            writer.Line();
            writer.Line("/// <summary>Registers the stub so that <c>WasmGuest.Import&lt;T&gt;()</c> finds it without reflection.</summary>");
            writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            writer.Line("internal static void RegisterWasmMarshalBinding() =>");
            writer.Line($"    global::WasmMarshal.Binding.WasmBindings.RegisterImport<{self}>(static (guest, allocator) => new {StubName}(guest, allocator));");
        }

        CallbackEmitter.Emit(writer, model);
        writer.Line();
        writer.Line(InterfaceEmitter.GeneratedCodeAttribute);
        writer.Open($"private sealed class {StubName} : {self}");
        writer.Line("private readonly global::WasmMarshal.Interop.WasmImportContext __context;");
        for (int index = 0; index < model.Methods.Count; index++)
        {
            if (model.Methods[index].IsSupported)
            {
                writer.Line($"private readonly {InterfaceEmitter.CoreDelegateType(model.Methods[index].Core)} {Field(model.Methods[index], index)};");
            }
        }

        var freeExports = FreeExports(model);
        foreach (string export in freeExports)
        {
            writer.Line($"private readonly global::System.Action<int> {Locals.FreeExportField(export)};");
        }

        writer.Line();
        EmitConstructor(writer, model, needsAllocator, needsGuestHeap, freeExports);
        for (int index = 0; index < model.Methods.Count; index++)
        {
            writer.Line();
            EmitMethod(writer, model, model.Methods[index], index);
        }

        foreach (var member in model.OtherMembers)
        {
            writer.Line();
            writer.Line(member);
        }

        writer.Close();
    }

    /// <summary>Whether a method passes host buffers (arguments or a return area) and so needs the scratch allocator.</summary>
    private static bool NeedsScratch(LoweredMethod method) =>
        method.ReturnArea is not null || method.Parameters.Any(p => p.Buffer is Ownership.HostScratch or Ownership.HostPinnedObject);

    private static string Field(LoweredMethod method, int index) => Locals.ExportField(index, method.WasmName);

    /// <summary>The guest exports that free returned buffers ([return: WasmFree]), each once, in order of first use.</summary>
    private static List<string> FreeExports(InterfaceModel model) =>
        model.Methods.Where(m => m.IsSupported && m.Return.Buffer == Ownership.GuestFreesThroughExport)
            .Select(m => m.Return.Value.FreeExport!).Distinct().ToList();

    private static void EmitConstructor(SourceWriter writer, InterfaceModel model, bool needsAllocator, bool needsGuestHeap, List<string> freeExports)
    {
        writer.Open($"public {StubName}(global::WasmMarshal.WasmGuest guest, global::WasmMarshal.Allocation.IGuestAllocator? allocator)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(guest);");
        writer.Line("// Check everything before resolving anything: a module that does not fit fails here, once, listing every mismatch.");
        writer.Line($"var binder = new global::WasmMarshal.Binding.ImportBinder(guest, {Lowering.Literal(model.FullName)});");
        foreach (var method in model.Methods.Where(m => m.IsSupported))
        {
            writer.Line($"binder.Expect({Lowering.Literal(method.WasmName)}, {Lowering.Literal(method.Name)}, {BindingExpectations.Signature(method.Core)});");
        }

        foreach (string export in freeExports)
        {
            string user = model.Methods.First(m => m.IsSupported && m.Return.Value.FreeExport == export).Name;
            writer.Line($"binder.Expect({Lowering.Literal(export)}, {Lowering.Literal(user + " ([return: WasmFree])")}, global::WasmMarshal.Binding.CoreSignature.Action(global::Wasmtime.ValueKind.Int32));");
        }

        foreach (var (method, parameter) in CallbackEmitter.CallbackParameters(model))
        {
            writer.Line($"binder.RequireFunctionTable({Lowering.Literal(method.Name)}, {Lowering.Literal(parameter.Name)});");
        }

        writer.Line(needsAllocator ? "var scratch = binder.RequireAllocator(allocator);" : "_ = allocator;");
        if (needsGuestHeap)
        {
            writer.Line("var guestHeap = binder.RequireGuestHeap();");
        }

        writer.Line("binder.Complete();");
        writer.Line($"__context = new(guest, {(needsAllocator ? "scratch" : "null")}, {(needsGuestHeap ? "guestHeap" : "null")});");
        BoolFieldRegistrations.Emit(writer, model);
        foreach (string export in freeExports)
        {
            writer.Line($"{Locals.FreeExportField(export)} = global::WasmMarshal.Interop.WasmExports.Action<int>(guest, {Lowering.Literal(export)})!;");
        }

        for (int index = 0; index < model.Methods.Count; index++)
        {
            var method = model.Methods[index];
            if (method.IsSupported)
            {
                writer.Line($"{Field(method, index)} = global::WasmMarshal.Interop.WasmExports.{Resolver(method.Core)}(guest, {Lowering.Literal(method.WasmName)})!;");
            }
        }

        writer.Close();
    }

    // WasmExports calls the export directly (Interop/DirectExport.cs), with Wasmtime .NET's delegate as the fallback.
    private static string Resolver(CoreFunctionType signature)
    {
        var types = signature.Parameters.Select(p => p.ClrType()).ToList();
        if (signature.Results.Count > 0)
        {
            types.AddRange(signature.Results.Select(r => r.ClrType()));
            return "Function<" + string.Join(", ", types) + ">";
        }

        return types.Count == 0 ? "Action" : "Action<" + string.Join(", ", types) + ">";
    }

    private static void EmitMethod(SourceWriter writer, InterfaceModel model, LoweredMethod lowered, int index)
    {
        var m = lowered.Method;
        string display = Lowering.Literal(InterfaceEmitter.MethodDisplay(model, m));
        if (!InterfaceEmitter.OpenStubMethod(writer, model, lowered))
        {
            return;
        }

        foreach (var p in lowered.Parameters.Where(p => p.Value.RejectsNull))
        {
            writer.Line($"global::System.ArgumentNullException.ThrowIfNull({Locals.Parameter(p.Index)}, {Lowering.Literal(p.Value.Name)});");
        }

        CallbackEmitter.DeclareSlots(writer, lowered);
        string protocol = lowered.UsesGuestMemory ? "WasmCallFrame" : "WasmScalarCall";
        writer.Line($"var __frame = new global::WasmMarshal.Interop.{protocol}(__context, {display});");
        writer.Open("try");
        CallbackEmitter.PlaceCallbacks(writer, model, lowered, display);
        // Length cells last: each writes the capacity of its buffer, which may come after it in the signature.
        foreach (var p in lowered.Parameters.OrderBy(p => p.Value.Sizing == SizeKind.LengthOf ? 1 : 0))
        {
            if (ImportCode.Argument(p) is { } line)
            {
                writer.Line(line);
            }
        }

        if (lowered.ReturnArea is { } area)
        {
            writer.Line($"int {Locals.ReturnArea} = __frame.ReturnArea({area.Size}u, {area.Align}u);");
        }

        string call = Field(lowered, index) + "(" + string.Join(", ", lowered.CoreParameters.Select(slot => ImportCode.CoreArgument(lowered, slot))) + ")";
        var copyBack = lowered.Parameters.Select(ImportCode.CopyBack).OfType<string>().ToList();
        bool keepsCore = lowered.CoreResults.Count > 0;
        if (keepsCore && copyBack.Count == 0)
        {
            writer.Line("return " + ImportCode.Result(lowered, call) + ";");
        }
        else
        {
            writer.Line(keepsCore ? $"{lowered.CoreResults[0].Type.ClrType()} {Locals.ReturnCore} = {call};" : call + ";");
            foreach (var line in copyBack)
            {
                writer.Line(line);
            }

            if (ImportCode.Result(lowered, Locals.ReturnCore) is { } value)
            {
                writer.Line("return " + value + ";");
            }
        }

        writer.Close();
        // Without buffers there is nothing for Exit to release, so no failure to record: a plain catch, no filter.
        writer.Line(lowered.UsesGuestMemory ? "catch (global::System.Exception __e) when (__frame.Fails(__e))" : "catch (global::Wasmtime.WasmtimeException __e)");
        writer.Open();
        writer.Line("throw __frame.Translate(__e);");
        writer.Close();
        writer.Open("finally");
        CallbackEmitter.ReleaseSlots(writer, lowered);
        writer.Line("__frame.Exit();");
        writer.Close();
        writer.Close();
    }
}
