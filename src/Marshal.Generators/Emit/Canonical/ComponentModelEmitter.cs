using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Marshalling;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Emit.Canonical;

/// <summary>
/// The component-model path of a canonical-ABI interface, for components that cannot be flattened to one core module
/// (componentize-js output, say): the same C# interface over Wasmtime .NET's <c>Wasmtime.Components</c> and its
/// dynamic <c>ComponentValue</c>s. For <c>[WasmImport]</c> interfaces a stub class calling the instance's exported
/// functions; for <c>[WasmExport]</c> interfaces a <c>Define(ComponentLinker, implementation)</c> defining the host
/// functions. Both register with <c>ComponentModelBindings</c> in the canonical module initializer.
/// </summary>
internal static class ComponentModelEmitter
{
    public const string StubName = "WasmComponentModelStub";
    private const string Values = ComponentModelCode.Values;

    /// <summary>The registration statement of the import stub, for the canonical module initializer.</summary>
    public static string ImportRegistration(InterfaceModel model) =>
        $"global::WasmMarshal.Components.ComponentModelBindings.RegisterImport<{model.QualifiedName}>(static guest => new {StubName}(guest));";

    /// <summary>The registration statement of the host definition, for the canonical module initializer.</summary>
    public static string ExportRegistration(InterfaceModel model) =>
        $"global::WasmMarshal.Components.ComponentModelBindings.RegisterExport<{model.QualifiedName}>(static (linker, implementation) => Define(linker, implementation));";

    /// <summary>The static <c>Bind(ComponentModelGuest)</c> and the stub class.</summary>
    public static void EmitImport(SourceWriter writer, InterfaceModel model)
    {
        var options = model.Canonical!;
        string self = model.QualifiedName;
        string target = Lowering.Literal(model.Name);
        var code = new ComponentModelCode("__labels", Types(model));

        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// Binds this interface, the WIT interface <c>{options.InterfaceName}</c>, to a component instantiated through");
        writer.Line("/// Wasmtime.Components (the component-model path, for components that cannot be flattened to one core module).");
        writer.Line("/// Every function is checked now: an instance that does not fit throws one exception listing every mismatch.");
        writer.Line("/// </summary>");
        writer.Line("/// <exception cref=\"global::WasmMarshal.WasmBindingException\">The instance does not fit the interface.</exception>");
        writer.Line($"public static {self} Bind(global::WasmMarshal.Components.ComponentModelGuest guest) => new {StubName}(guest);");
        writer.Line();
        writer.Line(InterfaceEmitter.GeneratedCodeAttribute);
        writer.Open($"private sealed class {StubName} : {self}");
        writer.Line($"private const string __interface = {Lowering.Literal(options.InterfaceName)};");

        foreach (var (field, names) in code.LabelFields)
        {
            writer.Line($"private static readonly string[] {field} = {{ {string.Join(", ", names.Select(Lowering.Literal))} }};");
        }

        for (int index = 0; index < model.Methods.Count; index++)
        {
            var method = model.Methods[index];
            if (method.IsSupported)
            {
                writer.Line($"private readonly global::Wasmtime.Components.ComponentFunction {Field(method, index)};");
            }
        }

        writer.Line();
        writer.Open($"public {StubName}(global::WasmMarshal.Components.ComponentModelGuest guest)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(guest);");
        writer.Line($"var exports = new {Values}.Exports(guest, {target}, __interface);");
        for (int index = 0; index < model.Methods.Count; index++)
        {
            var method = model.Methods[index];
            if (!method.IsSupported)
            {
                continue;
            }

            string member = Lowering.Literal(InterfaceEmitter.MethodDisplay(model, method.Method));
            string hasResult = method.Return.Value.Wit is null ? "false" : "true";
            writer.Line($"{Field(method, index)} = exports.Function({Lowering.Literal(method.WasmName)}, {member}, {method.Parameters.Count}, {hasResult});");
        }

        writer.Line("exports.Complete();");
        writer.Close();
        for (int index = 0; index < model.Methods.Count; index++)
        {
            writer.Line();
            EmitMethod(writer, model, model.Methods[index], index, code);
        }

        foreach (var member in model.OtherMembers)
        {
            writer.Line();
            writer.Line(member);
        }

        writer.Close();
    }

    /// <summary>Every WIT type of the supported methods' parameters and results.</summary>
    private static IEnumerable<WitType> Types(InterfaceModel model) =>
        model.Methods.Where(m => m.IsSupported)
            .SelectMany(m => m.Parameters.Select(p => p.Value.Wit).Concat(new[] { m.Return.Value.Wit }))
            .Where(t => t is not null)
            .Select(t => t!);

    private static string Field(LoweredMethod method, int index) => Locals.ExportField(index, method.WasmName);

    private static void EmitMethod(SourceWriter writer, InterfaceModel model, LoweredMethod lowered, int index, ComponentModelCode code)
    {
        var m = lowered.Method;
        string display = Lowering.Literal(InterfaceEmitter.MethodDisplay(model, m));
        if (!InterfaceEmitter.OpenStubMethod(writer, model, lowered))
        {
            return;
        }

        writer.Line($"const string {Locals.Method} = {display};");
        var arguments = lowered.Parameters.Select(p => code.Lower(p.Value.Wit!, Locals.Parameter(p.Index), p.Value.Name)).ToList();
        string call = $"{Values}.Call({Field(lowered, index)}, {Locals.Method}{string.Concat(arguments.Select(a => ", " + a))})";
        var r = lowered.Return.Value;
        if (r.Wit is null)
        {
            writer.Line(call + ";");
        }
        else
        {
            writer.Line($"var {Locals.Result} = {call};");
            writer.Line($"return {Values}.Result({Locals.Result}, {Locals.Method}, static __v => {code.Lift(r.Wit, "__v", "return")});");
        }

        writer.Close();
    }

    /// <summary>The static <c>Define(ComponentLinker, implementation)</c> of a <c>[WasmExport]</c> interface.</summary>
    public static void EmitExport(SourceWriter writer, InterfaceModel model)
    {
        var options = model.Canonical!;
        string self = model.QualifiedName;
        var code = new ComponentModelCode("__wasmComponentLabels", Types(model));
        writer.Line();
        if (code.LabelFields.Any())
        {
            foreach (var (field, names) in code.LabelFields)
            {
                writer.Line($"private static readonly string[] {field} = {{ {string.Join(", ", names.Select(Lowering.Literal))} }};");
            }

            writer.Line();
        }

        writer.Line("/// <summary>");
        writer.Line($"/// Defines this interface, the WIT interface <c>{options.InterfaceName}</c>, as host functions on a component linker");
        writer.Line("/// (the component-model path); Wasmtime checks them against the component's imports when it instantiates it.");
        writer.Line("/// </summary>");
        writer.Open($"public static void Define(global::Wasmtime.Components.ComponentLinker linker, {self} implementation)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(linker);");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(implementation);");
        writer.Line("using var __root = linker.Root();");
        writer.Line($"using var __instance = __root.AddInstance({Lowering.Literal(options.InterfaceName)});");
        foreach (var lowered in model.Methods.Where(m => m.IsSupported))
        {
            var m = lowered.Method;
            string display = Lowering.Literal(InterfaceEmitter.MethodDisplay(model, m));
            writer.Line($"__instance.DefineFunction({Lowering.Literal(lowered.WasmName)}, (__arguments, __results) =>");
            writer.Open();
            var lines = new List<string>();
            var arguments = new List<string>();
            foreach (var p in lowered.Parameters)
            {
                string value = Locals.Parameter(p.Index);
                lines.Add($"var {value} = {Values}.Argument(__arguments, {p.Index}, {Locals.Method}, {Lowering.Literal(p.Value.Name)}, static __v => {code.Lift(p.Value.Wit!, "__v", p.Value.Name)});");
                arguments.Add(value);
            }

            string call = "implementation." + m.Name + "(" + string.Join(", ", arguments) + ")";
            var r = lowered.Return.Value;
            if (r.Wit is null)
            {
                lines.Add(call + ";");
            }
            else
            {
                lines.Add($"var {Locals.Result} = {call};");
                lines.Add($"__results[0] = {code.Lower(r.Wit, Locals.Result, "return")};");
            }

            if (lines.Any(l => l.Contains(Locals.Method)))
            {
                writer.Line($"const string {Locals.Method} = {display};");
            }

            foreach (string line in lines)
            {
                writer.Line(line);
            }

            writer.Close(");");
        }

        writer.Close();
    }
}
