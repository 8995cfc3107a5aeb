using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Abi.Canonical;
using WasmMarshal.Generators.Marshalling;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Emit.Canonical;

/// <summary>
/// Emits, for a <c>[WasmImport, WasmCanonicalAbi]</c> interface, a static <c>Bind(CanonicalGuest)</c>, a module-initializer
/// registration and the stub class that calls the guest's canonical-ABI exports on its core module: arguments lowered
/// through the guest's realloc, the typed core call, the return area checked, results lifted, then post-return.
/// </summary>
internal static class CanonicalImportEmitter
{
    private const string StubName = "WasmCanonicalStub";
    private const string Memory = "__memory";
    private const string Realloc = "__realloc";

    public static void Emit(SourceWriter writer, InterfaceModel model)
    {
        var options = model.Canonical!;
        string self = model.QualifiedName;
        var supported = model.Methods.Where(m => m.IsSupported).ToList();
        bool needsRealloc = supported.Any(m => m.Parameters.Any(p => p.Buffer != Ownership.None) || IsSpilled(m));
        bool needsMemory = needsRealloc || supported.Any(m => m.ReturnArea is not null);

        writer.Line("/// <summary>");
        writer.Line($"/// Binds this interface, the WIT interface <c>{options.InterfaceName}</c>, to the canonical-ABI exports of");
        writer.Line("/// <paramref name=\"guest\"/>'s core module under either naming scheme. Every export is checked now: a module that");
        writer.Line("/// does not fit throws one exception listing every mismatch.");
        writer.Line("/// </summary>");
        writer.Line("/// <exception cref=\"global::WasmMarshal.WasmBindingException\">The module does not fit the interface.</exception>");
        writer.Line($"public static {self} Bind(global::WasmMarshal.Canonical.CanonicalGuest guest) => new {StubName}(guest);");
        if (model.CanRegister)
        {
            writer.Line();
            writer.Line("/// <summary>Registers both stubs so that <c>CanonicalGuest.Import&lt;T&gt;()</c> and the component loader find them without reflection.</summary>");
            writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            writer.Open("internal static void RegisterWasmMarshalCanonicalBinding()");
            writer.Line($"global::WasmMarshal.Canonical.CanonicalBindings.RegisterImport<{self}>(static guest => new {StubName}(guest));");
            writer.Line(ComponentModelEmitter.ImportRegistration(model));
            writer.Close();
        }

        writer.Line();
        writer.Line(InterfaceEmitter.GeneratedCodeAttribute);
        writer.Open($"private sealed class {StubName} : {self}");
        writer.Line($"private const string __interface = {Lowering.Literal(options.InterfaceName)};");
        writer.Line($"private const global::WasmMarshal.Canonical.CanonicalStringEncoding __encoding = {Encoding(options)};");
        if (needsMemory)
        {
            writer.Line($"private readonly global::WasmMarshal.GuestMemory {Memory};");
        }

        if (needsRealloc)
        {
            writer.Line($"private readonly global::WasmMarshal.Canonical.CanonicalRealloc {Realloc};");
        }

        for (int index = 0; index < model.Methods.Count; index++)
        {
            var method = model.Methods[index];
            if (!method.IsSupported)
            {
                continue;
            }

            writer.Line($"private readonly {InterfaceEmitter.CoreDelegateType(method.Core)} {Field(method, index)};");
            if (PostReturnType(method) is { } post)
            {
                writer.Line($"private readonly global::System.Action<{post.ClrType()}>? {Field(method, index)}_post;");
            }
        }

        writer.Line();
        EmitConstructor(writer, model, needsMemory, needsRealloc);
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
        ComponentModelEmitter.EmitImport(writer, model);
    }

    public static string Encoding(CanonicalOptions options) =>
        "global::WasmMarshal.Canonical.CanonicalStringEncoding." + (options.Utf16 ? "Utf16" : "Utf8");

    public static bool IsSpilled(LoweredMethod method) => method.CoreParameters.Any(s => s.Role == SlotRole.ParameterArea);

    /// <summary>The flat result a post-return function takes, or null for a function without results.</summary>
    private static CoreType? PostReturnType(LoweredMethod method) => method.CoreResults.Count == 1 ? method.CoreResults[0].Type : null;

    private static string Field(LoweredMethod method, int index) => Locals.ExportField(index, method.WasmName);

    private static void EmitConstructor(SourceWriter writer, InterfaceModel model, bool needsMemory, bool needsRealloc)
    {
        string target = Lowering.Literal(model.Name);
        writer.Open($"public {StubName}(global::WasmMarshal.Canonical.CanonicalGuest guest)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(guest);");
        writer.Line("// Check everything before resolving anything: a module that does not fit fails here, once, listing every mismatch.");
        writer.Line($"var exports = guest.Exports({target});");
        if (needsMemory)
        {
            writer.Line($"exports.ExpectMemory({target});");
        }

        if (needsRealloc)
        {
            writer.Line($"exports.ExpectRealloc({target});");
        }

        foreach (var method in model.Methods.Where(m => m.IsSupported))
        {
            string name = Lowering.Literal(method.WasmName);
            string member = Lowering.Literal(InterfaceEmitter.MethodDisplay(model, method.Method));
            writer.Line($"exports.ExpectFunction(__interface, {name}, {member}, {Lowering.Literal(method.Core.Text)});");
            if (PostReturnType(method) is { } post)
            {
                writer.Line($"exports.ExpectOptionalPostReturn(__interface, {name}, {member}, \"({post.Name()}) -> ()\");");
            }
        }

        writer.Line("exports.Complete();");
        if (needsMemory)
        {
            writer.Line($"{Memory} = guest.Memory;");
        }

        if (needsRealloc)
        {
            writer.Line($"{Realloc} = guest.Realloc;");
        }

        for (int index = 0; index < model.Methods.Count; index++)
        {
            var method = model.Methods[index];
            if (!method.IsSupported)
            {
                continue;
            }

            string name = Lowering.Literal(method.WasmName);
            writer.Line($"{Field(method, index)} = {Resolver(method.Core, $"exports.FunctionName(__interface, {name})")}!;");
            if (PostReturnType(method) is { } post)
            {
                writer.Line($"{Field(method, index)}_post = exports.HasPostReturn(__interface, {name}) ? global::WasmMarshal.Interop.WasmExports.Action<{post.ClrType()}>(guest, exports.PostReturnName(__interface, {name})) : null;");
            }
        }

        writer.Close();
    }

    /// <summary>The typed delegate of an export, called directly (Interop/DirectExport.cs) with Wasmtime .NET's as the fallback.</summary>
    private static string Resolver(CoreFunctionType signature, string name)
    {
        var types = signature.Parameters.Select(p => p.ClrType()).ToList();
        if (signature.Results.Count > 0)
        {
            types.AddRange(signature.Results.Select(r => r.ClrType()));
            return $"global::WasmMarshal.Interop.WasmExports.Function<{string.Join(", ", types)}>(guest, {name})";
        }

        return types.Count == 0 ? $"global::WasmMarshal.Interop.WasmExports.Action(guest, {name})"
            : $"global::WasmMarshal.Interop.WasmExports.Action<{string.Join(", ", types)}>(guest, {name})";
    }

    private static void EmitMethod(SourceWriter writer, InterfaceModel model, LoweredMethod lowered, int index)
    {
        var m = lowered.Method;
        string display = Lowering.Literal(InterfaceEmitter.MethodDisplay(model, m));
        if (!InterfaceEmitter.OpenStubMethod(writer, model, lowered))
        {
            return;
        }

        writer.Line($"const string {Locals.Method} = {display};");
        writer.Open("try");
        var code = new CanonicalCode(writer, Memory, Realloc, "__encoding");
        var arguments = new List<string>();
        if (IsSpilled(lowered))
        {
            // More than 16 flat parameters: the tuple of them goes into memory from the callee's realloc (the callee owns it).
            var tuple = CanonicalAbiLowering.ParameterTuple(lowered);
            var offsets = WitLayout.Offsets(tuple);
            writer.Line($"uint __params = {CanonicalCode.Areas}.AllocateSpilledParameters({Realloc}, {WitLayout.RecordSize(tuple)}u, {WitLayout.RecordAlign(tuple)}u, {Locals.Method});");
            for (int i = 0; i < tuple.Count; i++)
            {
                code.Store(tuple[i].Type, offsets[i] == 0 ? "__params" : $"__params + {offsets[i]}u", Locals.Parameter(i), "(spilled parameters)");
            }

            arguments.Add("unchecked((int)__params)");
        }
        else
        {
            foreach (var p in lowered.Parameters)
            {
                arguments.AddRange(code.LowerFlat(p.Value.Wit!, Locals.Parameter(p.Index), p.Value.Name));
            }
        }

        string call = Field(lowered, index) + "(" + string.Join(", ", arguments) + ")";
        string post = Field(lowered, index) + "_post";
        var r = lowered.Return.Value;
        if (r.Wit is null)
        {
            writer.Line(call + ";");
        }
        else if (lowered.ReturnArea is { } area)
        {
            writer.Line($"int {Locals.ReturnArea} = {call};");
            writer.Line($"var {Locals.View} = {Memory}.View();");
            writer.Line($"uint __at = {CanonicalCode.Areas}.Check({Locals.View}, {Locals.ReturnArea}, {area.Size}u, {area.Align}u, {Locals.Method});");
            writer.Line($"var {Locals.Result} = {code.Load(r.Wit, Locals.View, "__at", "return")};");
            writer.Line($"{CanonicalCode.Areas}.PostReturn({post}, {Locals.ReturnArea}, {Locals.Method});");
            writer.Line($"return {Locals.Result};");
        }
        else
        {
            writer.Line($"var {Locals.ReturnCore} = {call};");
            int position = 0;
            writer.Line($"var {Locals.Result} = {code.LiftFlat(r.Wit, new[] { Locals.ReturnCore }, ref position, "default", "return")};");
            writer.Line($"{CanonicalCode.Areas}.PostReturn({post}, {Locals.ReturnCore}, {Locals.Method});");
            writer.Line($"return {Locals.Result};");
        }

        writer.Close();
        writer.Open("catch (global::Wasmtime.WasmtimeException __e)");
        writer.Line($"throw global::WasmMarshal.WasmCallException.FromWasmtime(__e, {Locals.Method});");
        writer.Close();
        writer.Close();
    }
}
