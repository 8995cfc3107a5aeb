using System.Collections.Generic;
using System.Linq;
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
        var methods = model.Methods.Select(m => new BoundMethod(m)).ToList();
        bool needsAllocator = methods.Any(m => m.Supported && m.UsesGuestMemory);

        writer.Line("/// <summary>");
        writer.Line($"/// Binds this interface to the exports of <paramref name=\"guest\"/>. Every export (and the allocator, if");
        writer.Line("/// needed) is checked now: a module that does not fit throws one exception listing every mismatch.");
        writer.Line("/// </summary>");
        writer.Line($"/// <exception cref=\"global::WasmMarshal.WasmBindingException\">The module does not fit the interface.</exception>");
        writer.Line($"public static {self} Bind(global::WasmMarshal.WasmGuest guest) => new {StubName}(guest);");
        writer.Line();
        writer.Line("/// <summary>Registers the stub so that <c>WasmGuest.Import&lt;T&gt;()</c> finds it without reflection.</summary>");
        writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.Line("internal static void RegisterWasmMarshalBinding() =>");
        writer.Line($"    global::WasmMarshal.Binding.WasmBindings.RegisterImport<{self}>(static guest => new {StubName}(guest));");
        writer.Line();
        writer.Line(InterfaceEmitter.GeneratedCodeAttribute);
        writer.Open($"private sealed class {StubName} : {self}");
        writer.Line("private readonly global::WasmMarshal.WasmGuest _guest;");
        if (needsAllocator)
        {
            writer.Line("private readonly global::WasmMarshal.Allocation.IGuestAllocator _allocator;");
        }

        foreach (var method in methods.Where(m => m.Supported))
        {
            writer.Line($"private readonly {InterfaceEmitter.CoreDelegateType(method.Signature)} {method.Field};");
        }

        writer.Line();
        EmitConstructor(writer, model, methods, needsAllocator);
        foreach (var method in methods)
        {
            writer.Line();
            EmitMethod(writer, model, method);
        }

        writer.Close();
    }

    private static void EmitConstructor(SourceWriter writer, InterfaceModel model, List<BoundMethod> methods, bool needsAllocator)
    {
        writer.Open($"public {StubName}(global::WasmMarshal.WasmGuest guest)");
        writer.Line("_guest = guest ?? throw new global::System.ArgumentNullException(nameof(guest));");
        writer.Line("// Check everything before resolving anything, so that a module that does not fit fails here, once, listing");
        writer.Line("// every mismatch, and never with a null delegate on a first call.");
        writer.Line($"var binder = new global::WasmMarshal.Binding.ImportBinder(guest, {Lowering.Literal(model.FullName)});");
        foreach (var method in methods.Where(m => m.Supported))
        {
            writer.Line($"binder.Expect({Lowering.Literal(method.Model.WasmName)}, {Lowering.Literal(method.Model.Name)}, {Lowering.Literal(method.Signature.Text)});");
        }

        if (needsAllocator)
        {
            writer.Line("var allocator = binder.RequireAllocator();");
        }

        writer.Line("binder.Complete();");
        if (needsAllocator)
        {
            writer.Line("_allocator = allocator!;");
        }

        if (methods.Any(m => m.Supported))
        {
            writer.Line("// Typed delegates are resolved once; each call is then a direct typed invocation.");
        }

        foreach (var method in methods.Where(m => m.Supported))
        {
            writer.Line($"{method.Field} = guest.Instance.{Resolver(method.Signature)}({Lowering.Literal(method.Model.WasmName)})!;");
        }

        writer.Close();
    }

    private static string Resolver(CoreSignature signature)
    {
        var types = signature.Parameters.Select(CoreSignature.ClrType).ToList();
        if (signature.Result is not null)
        {
            types.Add(CoreSignature.ClrType(signature.Result));
            return "GetFunction<" + string.Join(", ", types) + ">";
        }

        return types.Count == 0 ? "GetAction" : "GetAction<" + string.Join(", ", types) + ">";
    }

    private static void EmitMethod(SourceWriter writer, InterfaceModel model, BoundMethod method)
    {
        var m = method.Model;
        string parameters = string.Join(", ", m.Parameters.Select(p => $"{p.Modifier}{p.TypeDisplay} {Lowering.Identifier(p.Name)}"));
        writer.Open($"{m.Return.TypeDisplay} {model.QualifiedName}.{m.Name}({parameters})");
        string display = Lowering.Literal(InterfaceEmitter.MethodDisplay(model, m));
        if (!method.Supported)
        {
            writer.Line($"throw new global::System.NotSupportedException({Lowering.Literal(InterfaceEmitter.MethodDisplay(model, m) + " cannot be marshalled: " + m.UnsupportedReason + ". See the WASM diagnostics of this build.")});");
            writer.Close();
            return;
        }

        writer.Line($"const string __method = {display};");
        var all = method.Parameters.Concat(new[] { method.Return }).ToList();
        var arguments = method.Return.ImportArguments().Concat(method.Parameters.SelectMany(p => p.ImportArguments()));
        string call = $"{method.Field}({string.Join(", ", arguments)})";
        bool hasResult = m.Return.Shape != ValueShape.Void;

        if (!method.UsesGuestMemory)
        {
            writer.Open("try");
            writer.Line(hasResult ? "return " + Lowering.Raise(m.Return, call) + ";" : call + ";");
            writer.Close();
            EmitCatch(writer);
            writer.Close();
            return;
        }

        writer.Line("var __allocator = _allocator;");
        writer.Line("var __scope = __allocator.EnterScope();");
        foreach (var line in all.SelectMany(v => v.ImportDeclare()))
        {
            writer.Line(line);
        }

        if (hasResult)
        {
            writer.Line($"{m.Return.TypeDisplay} __result = default!;");
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
            writer.Line("global::WasmMarshal.GuestMemoryView __view = _guest.Memory.View();");
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
            writer.Line("global::WasmMarshal.GuestMemoryView __view = _guest.Memory.View();");
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
            writer.Line("return __result;");
        }

        writer.Close();
    }

    private static void EmitCatch(SourceWriter writer)
    {
        writer.Open("catch (global::Wasmtime.WasmtimeException __exception)");
        writer.Line("throw global::WasmMarshal.WasmCallException.FromWasmtime(__exception, __method);");
        writer.Close();
    }

    /// <summary>A method with its marshallers resolved.</summary>
    private sealed class BoundMethod
    {
        public BoundMethod(MethodModel model)
        {
            Model = model;
            Parameters = model.Parameters.Select(ValueMarshaller.For).ToList();
            Return = ValueMarshaller.For(model.Return);
            Signature = CoreSignature.Of(model);
            Field = "_" + Sanitize(model.WasmName);
        }

        public MethodModel Model { get; }

        public List<ValueMarshaller> Parameters { get; }

        public ValueMarshaller Return { get; }

        public CoreSignature Signature { get; }

        public string Field { get; }

        public bool Supported => Model.UnsupportedReason is null;

        public bool UsesGuestMemory => Return.UsesGuestMemory || Parameters.Any(p => p.UsesGuestMemory);

        private static string Sanitize(string name) =>
            new string(name.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
    }
}
