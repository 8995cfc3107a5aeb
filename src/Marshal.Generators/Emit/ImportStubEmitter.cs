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
        var methods = model.Methods.Select((m, i) => new BoundMethod(m, i)).ToList();
        var supported = methods.Where(m => m.Supported).ToList();
        bool needsAllocator = supported.Any(m => m.UsesGuestMemory);
        bool needsGuestHeap = supported.Any(m => m.Return.FreesGuestBuffer);

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

        writer.Line();
        writer.Line(InterfaceEmitter.GeneratedCodeAttribute);
        writer.Open($"private sealed class {StubName} : {self}");
        writer.Line("private readonly global::WasmMarshal.WasmGuest __wasmGuest;");
        if (needsAllocator)
        {
            writer.Line("private readonly global::WasmMarshal.Allocation.IGuestAllocator __wasmAllocator;");
        }

        if (needsGuestHeap)
        {
            writer.Line("private readonly global::WasmMarshal.Allocation.IGuestAllocator __wasmGuestHeap;");
        }

        foreach (var method in supported)
        {
            writer.Line($"private readonly {InterfaceEmitter.CoreDelegateType(method.Lowered.Core)} {method.Field};");
        }

        writer.Line();
        EmitConstructor(writer, model, supported, needsAllocator, needsGuestHeap);
        foreach (var method in methods)
        {
            writer.Line();
            EmitMethod(writer, model, method);
        }

        foreach (var member in model.OtherMembers)
        {
            writer.Line();
            writer.Line(member);
        }

        writer.Close();
    }

    private static void EmitConstructor(SourceWriter writer, InterfaceModel model, List<BoundMethod> methods, bool needsAllocator, bool needsGuestHeap)
    {
        writer.Open($"public {StubName}(global::WasmMarshal.WasmGuest guest, global::WasmMarshal.Allocation.IGuestAllocator? allocator)");
        writer.Line("__wasmGuest = guest ?? throw new global::System.ArgumentNullException(nameof(guest));");
        writer.Line("// Check everything before resolving anything, so that a module that does not fit fails here, once, listing");
        writer.Line("// every mismatch, and never with a null delegate on a first call.");
        writer.Line($"var binder = new global::WasmMarshal.Binding.ImportBinder(guest, {Lowering.Literal(model.FullName)});");
        foreach (var method in methods)
        {
            writer.Line($"binder.Expect({Lowering.Literal(method.Model.WasmName)}, {Lowering.Literal(method.Model.Name)}, {Lowering.Literal(method.Lowered.Core.Text)});");
        }

        writer.Line(needsAllocator ? "var scratch = binder.RequireAllocator(allocator);" : "_ = allocator;");
        if (needsGuestHeap)
        {
            writer.Line("var guestHeap = binder.RequireGuestHeap();");
        }

        writer.Line("binder.Complete();");
        if (needsAllocator)
        {
            writer.Line("__wasmAllocator = scratch!;");
        }

        if (needsGuestHeap)
        {
            writer.Line("__wasmGuestHeap = guestHeap!;");
        }

        if (methods.Count > 0)
        {
            writer.Line("// Typed delegates are resolved once; each call is then a direct typed invocation.");
        }

        foreach (var method in methods)
        {
            writer.Line($"{method.Field} = guest.Instance.{Resolver(method.Lowered.Core)}({Lowering.Literal(method.Model.WasmName)})!;");
        }

        writer.Close();
    }

    private static string Resolver(CoreFunctionType signature)
    {
        var types = signature.Parameters.Select(p => p.ClrType()).ToList();
        if (signature.Results.Count > 0)
        {
            types.AddRange(signature.Results.Select(r => r.ClrType()));
            return "GetFunction<" + string.Join(", ", types) + ">";
        }

        return types.Count == 0 ? "GetAction" : "GetAction<" + string.Join(", ", types) + ">";
    }

    private static void EmitMethod(SourceWriter writer, InterfaceModel model, BoundMethod method)
    {
        var m = method.Model;
        var declaration = InterfaceEmitter.Declaration(m.Declaration).Split('\n');
        foreach (var line in declaration.Take(declaration.Length - 1))
        {
            writer.Line(line);
        }

        if (!method.Supported)
        {
            writer.Line(declaration.Last() + " =>");
            writer.Line($"    throw new global::System.NotSupportedException({Lowering.Literal(InterfaceEmitter.MethodDisplay(model, m) + " cannot be marshalled: " + m.UnsupportedReason + ". See the WASM diagnostics of this build.")});");
            return;
        }

        writer.Open(declaration.Last());
        writer.Line($"const string __method = {Lowering.Literal(InterfaceEmitter.MethodDisplay(model, m))};");
        var all = method.Parameters.Concat(new[] { method.Return }).ToList();
        var arguments = method.Lowered.CoreParameters.Select(slot => method.For(slot.Value).ImportArgument(slot.Role));
        string call = $"{method.Field}({string.Join(", ", arguments)})";
        bool hasResult = m.Return.Shape != ValueShape.Void;

        writer.Line("__wasmGuest.EnsureUsable(__method);");
        for (int index = 0; index < m.Parameters.Count; index++)
        {
            if (m.Parameters[index].RejectsNull)
            {
                writer.Line($"global::System.ArgumentNullException.ThrowIfNull({Locals.Parameter(index)}, {Lowering.Literal(m.Parameters[index].Name)});");
            }
        }

        if (!method.UsesGuestMemory)
        {
            writer.Open("try");
            writer.Line(hasResult ? "return " + Lowering.Raise(m.Return, call) + ";" : call + ";");
            writer.Close();
            EmitCatch(writer);
            writer.Close();
            return;
        }

        writer.Line("var __allocator = __wasmAllocator;");
        if (method.Return.FreesGuestBuffer)
        {
            writer.Line("var __guestHeap = __wasmGuestHeap;");
        }

        writer.Line("var __scope = __allocator.EnterScope();");
        foreach (var line in all.SelectMany(v => v.ImportDeclare()))
        {
            writer.Line(line);
        }

        if (hasResult)
        {
            writer.Line($"{m.Return.LocalTypeDisplay} __result = default!;");
        }

        writer.Open("try");
        writer.Open("try");
        writer.Line("// Stage: Allocate. The allocator may call into the guest and grow its memory, so no view is held yet.");
        foreach (var line in all.SelectMany(v => v.ImportAllocate()))
        {
            writer.Line(line);
        }

        var marshal = method.Parameters.SelectMany(p => p.ImportMarshal()).ToList();
        if (marshal.Count > 0)
        {
            writer.Line("// Stage: Marshal. Allocation is over: one view of memory as it is now, bounds-checked copies into it.");
            writer.Open();
            writer.Line("global::WasmMarshal.GuestMemoryView __view = __wasmGuest.Memory.View();");
            foreach (var line in marshal)
            {
                writer.Line(line);
            }

            writer.Close();
        }

        writer.Line("// Stage: Invoke.");
        writer.Line(method.Return.ImportInvoke(call));
        var unmarshal = method.Parameters.SelectMany(p => p.ImportUnmarshal()).Concat(method.Return.ImportUnmarshal()).ToList();
        if (unmarshal.Count > 0)
        {
            writer.Line("// Stage: Unmarshal. The call may have grown memory and moved its base, so take a fresh view.");
            writer.Open();
            writer.Line("global::WasmMarshal.GuestMemoryView __view = __wasmGuest.Memory.View();");
            foreach (var line in unmarshal)
            {
                writer.Line(line);
            }

            writer.Close();
        }

        writer.Close();
        writer.Open("finally");
        writer.Line("// Stage: Cleanup. Runs after traps too: every host-made buffer and every validated guest result is freed.");
        foreach (var line in method.Return.ImportCleanup().Concat(Enumerable.Reverse(method.Parameters).SelectMany(p => p.ImportCleanup())))
        {
            writer.Line(line);
        }

        writer.Line("__allocator.ExitScope(__scope);");
        writer.Close();
        writer.Close();
        EmitCatch(writer);
        if (hasResult)
        {
            bool isReference = m.Return.Shape is ValueShape.String or ValueShape.Array;
            writer.Line(isReference ? "return __result!;" : "return __result;");
        }

        writer.Close();
    }

    private static void EmitCatch(SourceWriter writer)
    {
        writer.Open("catch (global::Wasmtime.WasmtimeException __exception)");
        writer.Line("throw global::WasmMarshal.WasmCallException.FromWasmtime(__exception, __method, __wasmGuest);");
        writer.Close();
    }

    /// <summary>A method with its marshallers resolved.</summary>
    private sealed class BoundMethod
    {
        public BoundMethod(LoweredMethod lowered, int index)
        {
            Lowered = lowered;
            Parameters = lowered.Parameters.Select(p => ValueMarshaller.For(p)).ToList();
            Return = ValueMarshaller.For(lowered.Return, lowered.ReturnArea);
            Field = "__wasmExport" + index + "_" + new string(Model.WasmName.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
        }

        public LoweredMethod Lowered { get; }

        public MethodModel Model => Lowered.Method;

        public List<ValueMarshaller> Parameters { get; }

        public ValueMarshaller Return { get; }

        public ValueMarshaller For(int index) => index == LoweredValue.ReturnIndex ? Return : Parameters[index];

        /// <summary>The delegate field: numbered, so that no two wasm names can collide, and named for readability.</summary>
        public string Field { get; }

        public bool Supported => Model.UnsupportedReason is null;

        public bool UsesGuestMemory => Lowered.UsesGuestMemory;
    }
}
