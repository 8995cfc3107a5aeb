using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Marshalling;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Emit;

/// <summary>
/// Emits, for a [WasmExport] interface, a static <c>Define</c> method that defines every method in a Wasmtime
/// linker for one guest, a static <c>DefineOnce</c> method that defines them once in a linker shared by many
/// instances (a <c>WasmGuestTemplate</c>'s), the binding metadata used to validate a module's imports, and a
/// module-initializer registration.
/// </summary>
internal static class ExportBinderEmitter
{
    private const string Call = "__call";
    private const string Guest = "__guest";
    private const string Caller = "__caller";

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
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(guest);");
        writer.Line("DefineFunctions(linker, guest, implementation);");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>");
        writer.Line($"/// Defines every method of this interface once in <paramref name=\"linker\"/> under the import module");
        writer.Line($"/// <c>{model.Module}</c>, for every instance a <c>WasmGuestTemplate</c> makes from that linker: each function finds");
        writer.Line("/// the guest that called it through its store's data (<c>WasmStoreContext.Guest</c>), then calls");
        writer.Line("/// <paramref name=\"implementation\"/>, checking pointers as <c>Define</c> does.");
        writer.Line("/// </summary>");
        writer.Line($"public static void DefineOnce(global::Wasmtime.Linker linker, {self} implementation) => DefineFunctions(linker, null, implementation);");
        writer.Line();

        // One body for both forms: a function that touches guest memory receives the calling guest from
        // WasmHostFunctions.Define: the guest Define was given, or, defined once for a template's shared linker, the guest
        // its store's data names. So one linker, and one InstancePre, serve every instance.
        writer.Open($"private static void DefineFunctions(global::Wasmtime.Linker linker, global::WasmMarshal.WasmGuest? guest, {self} implementation)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(linker);");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(implementation);");
        BoolFieldRegistrations.Emit(writer, model);
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
            writer.Line($"        new({Lowering.Literal(method.WasmName)}, {Lowering.Literal(method.Name)}, {BindingExpectations.Signature(method.Core)}),");
        }

        writer.Line("    },");
        writer.Line("    static (linker, guest, implementation) => Define(linker, guest, implementation),");
        writer.Line("    static (linker, implementation) => DefineOnce(linker, implementation));");
        if (model.CanRegister)
        {
            writer.Line();
            writer.Line("/// <summary>Registers the binder so that <c>WasmGuestBuilder.Export&lt;T&gt;()</c> finds it without reflection.</summary>");
            writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            writer.Line($"internal static void RegisterWasmMarshalBinding() => global::WasmMarshal.Binding.WasmBindings.RegisterExport<{self}>(WasmBinding);");
        }
    }

    /// <summary>
    /// One host function, defined through <c>WasmHostFunctions.Define</c>. One that reads or writes guest memory receives
    /// the calling guest; one that does not never needs it.
    /// </summary>
    private static void EmitFunction(SourceWriter writer, InterfaceModel model, LoweredMethod lowered, int index)
    {
        var method = lowered.Method;
        string local = Locals.ImportFunction(index, method.WasmName);
        writer.Line($"// {model.Module}.{method.WasmName}: {lowered.Core.Text}");
        EmitHostFunction(writer, lowered, InterfaceEmitter.MethodDisplay(model, method), guestExpression: null,
            "implementation." + Lowering.Identifier(method.Name), local);
        string guestArgument = lowered.UsesGuestMemory ? "guest, " : "";
        writer.Line($"global::WasmMarshal.Interop.WasmHostFunctions.Define(linker, {guestArgument}{Lowering.Literal(model.Module)}, {Lowering.Literal(method.WasmName)}, {local});");
    }

    /// <summary>
    /// The host function of one method as a local <paramref name="local"/>: it reads and checks the guest's arguments,
    /// calls <paramref name="target"/> and hands its result back. Shared by [WasmExport] binders and the callbacks of
    /// [WasmImport] methods (a callback is a host function the guest calls through its function table).
    /// </summary>
    /// <param name="display">The <c>Interface.Method</c> (or delegate) name in messages.</param>
    /// <param name="guestExpression">
    /// The guest whose memory the arguments are in, for functions that touch memory, with the local typed as Wasmtime's
    /// delegate (taking the <c>Caller</c>); or null for a binder's function, which receives the calling guest first from
    /// <c>WasmHostFunctions.Define</c>.
    /// </param>
    internal static void EmitHostFunction(SourceWriter writer, LoweredMethod lowered, string display, string? guestExpression, string target, string local)
    {
        var method = lowered.Method;
        var coreParameters = lowered.CoreParameters.Select(slot => slot.Type.ClrType() + " " + Locals.Slot(slot)).ToList();
        bool takesGuest = lowered.UsesGuestMemory;
        string delegateType = InterfaceEmitter.CoreDelegateType(lowered.Core);
        if (takesGuest)
        {
            delegateType = guestExpression is null ? GuestDelegateType(lowered.Core) : CallerDelegateType(lowered.Core);
            coreParameters.Insert(0, guestExpression is null ? "global::WasmMarshal.WasmGuest " + Guest : "global::Wasmtime.Caller " + Caller);
        }

        writer.Line($"{delegateType} {local} = ({string.Join(", ", coreParameters)}) =>");
        writer.Open();
        if (lowered.UsesGuestMemory)
        {
            writer.Line($"var {Call} = new global::WasmMarshal.Interop.WasmHostCall({guestExpression ?? Guest}, {Lowering.Literal(display)});");
        }

        // Values passed by reference (in, ref, out, Span) are locals; those the implementation writes are copied back.
        var writeBack = new List<string>();
        var arguments = new List<string>();
        foreach (var p in lowered.Parameters)
        {
            var v = p.Value;
            string id = Locals.Parameter(p.Index);
            string ptr = Locals.Of(p.Index, "ptr");
            string name = Lowering.Literal(v.Name);
            switch (v.Shape)
            {
                case ValueShape.Span:
                    writer.Line($"var {id} = {Call}.Array<{v.ElementDisplay}>({ptr}, {Locals.Of(p.Index, "len")}, {name});");
                    arguments.Add(id);
                    writeBack.Add($"{Call}.WriteBack<{v.ElementDisplay}>({ptr}, {id}, {name});");
                    break;
                case ValueShape.Pointer when v.Passing == PassingMode.Ref:
                    writer.Line($"var {id} = {Call}.Read<{v.ElementDisplay}>({ptr}, {name});");
                    arguments.Add("ref " + id);
                    writeBack.Add($"{Call}.Write<{v.ElementDisplay}>({ptr}, in {id}, {name});");
                    break;
                case ValueShape.Pointer when v.Passing == PassingMode.In:
                    // A variable, because 'ref readonly' parameters (which cross as 'in') warn on a value.
                    writer.Line($"var {id} = {Call}.Read<{v.ElementDisplay}>({ptr}, {name});");
                    arguments.Add("in " + id);
                    break;
                case ValueShape.Pointer when v.Passing == PassingMode.Out:
                    writer.Line($"{Call}.CheckOut<{v.ElementDisplay}>({ptr}, {name});");
                    arguments.Add($"out {v.ElementDisplay} {id}");
                    writeBack.Add($"{Call}.Write<{v.ElementDisplay}>({ptr}, in {id}, {name});");
                    break;
                default:
                    arguments.Add(Argument(lowered, p));
                    break;
            }
        }

        string call = $"{target}({string.Join(", ", arguments)})";
        bool hasResult = method.Return.Shape != ValueShape.Void;
        if (writeBack.Count > 0 && hasResult)
        {
            writer.Line($"var {Locals.Result} = {call};");
            call = Locals.Result;
        }
        else if (writeBack.Count > 0)
        {
            writer.Line(call + ";");
        }

        foreach (var line in writeBack)
        {
            writer.Line(line);
        }

        if (Result(lowered, call) is { } result)
        {
            writer.Line(result);
        }
        else if (writeBack.Count == 0)
        {
            writer.Line(call + ";");
        }

        writer.Close(";");
    }

    /// <summary>
    /// The delegate of a host function that receives the calling guest first (<c>WasmHostFunctions.Define</c> passes the
    /// bound guest, or the calling store's): <c>Action&lt;WasmGuest, ...&gt;</c>, or <c>Func&lt;WasmGuest, ..., TResult&gt;</c>
    /// (several results as one value tuple, as Wasmtime takes them).
    /// </summary>
    private static string GuestDelegateType(CoreFunctionType signature)
    {
        var types = new List<string> { "global::WasmMarshal.WasmGuest" };
        types.AddRange(signature.Parameters.Select(p => p.ClrType()));
        if (signature.Results.Count == 0)
        {
            return "global::System.Action<" + string.Join(", ", types) + ">";
        }

        types.Add(signature.Results.Count == 1
            ? signature.Results[0].ClrType()
            : "(" + string.Join(", ", signature.Results.Select(r => r.ClrType())) + ")");
        return "global::System.Func<" + string.Join(", ", types) + ">";
    }

    /// <summary>
    /// Wasmtime's delegate for a host function that takes the <c>Caller</c> first (a callback made with
    /// <c>Function.FromCallback</c>): <c>CallerAction&lt;...&gt;</c>, or <c>CallerFunc&lt;..., TResult&gt;</c>.
    /// </summary>
    private static string CallerDelegateType(CoreFunctionType signature)
    {
        var types = signature.Parameters.Select(p => p.ClrType()).ToList();
        if (signature.Results.Count == 0)
        {
            return types.Count == 0 ? "global::Wasmtime.CallerAction" : "global::Wasmtime.CallerAction<" + string.Join(", ", types) + ">";
        }

        types.Add(signature.Results.Count == 1
            ? signature.Results[0].ClrType()
            : "(" + string.Join(", ", signature.Results.Select(r => r.ClrType())) + ")");
        return "global::Wasmtime.CallerFunc<" + string.Join(", ", types) + ">";
    }

    /// <summary>A parameter read from its core values, as an argument expression.</summary>
    private static string Argument(LoweredMethod lowered, LoweredValue p)
    {
        var v = p.Value;
        string ptr = Locals.Of(p.Index, "ptr");
        string len = Locals.Of(p.Index, "len");
        string name = Lowering.Literal(v.Name);
        string nullable = v.IsNullable ? "Nullable" : "";
        return v.Shape switch
        {
            ValueShape.Scalar => Lowering.Raise(v, Locals.Of(p.Index, "core")),
            ValueShape.String when v.Encoding == StringEncoding.Utf8NulTerminated => $"{Call}.{nullable}CString({ptr}, {name})",
            ValueShape.String when v.Encoding == StringEncoding.AssemblyScript => $"{Call}.{nullable}AssemblyScriptString({ptr}, {name})",
            ValueShape.String => $"{Call}.{nullable}String<{ImportCode.Codec(v.Encoding)}>({ptr}, {len}, {name})",
            ValueShape.Array => $"{Call}.{nullable}Array<{v.ElementDisplay}>({ptr}, {len}, {name})",
            ValueShape.ReadOnlySpan => $"{Call}.Array<{v.ElementDisplay}>({ptr}, {len}, {name})",
            _ => $"{Call}.Read<{v.ElementDisplay}>({ptr}, {name})",
        };
    }

    /// <summary>The statement that hands the implementation's result back to the guest, or null for void.</summary>
    private static string? Result(LoweredMethod lowered, string value)
    {
        var r = lowered.Return.Value;
        return r.Shape switch
        {
            ValueShape.Scalar => $"return {Lowering.Lower(r, value)};",
            ValueShape.String when r.Encoding == StringEncoding.Utf8NulTerminated => $"return {Call}.ReturnCString({value});",
            ValueShape.String when r.Encoding == StringEncoding.AssemblyScript => $"return {Call}.ReturnAssemblyScriptString({value});",
            ValueShape.String => $"{Call}.ReturnString<{ImportCode.Codec(r.Encoding)}>({Locals.ReturnArea}, {value});",
            ValueShape.Array => $"{Call}.ReturnArray<{r.ElementDisplay}>({Locals.ReturnArea}, {value}, {r.ElementAlign}u);",
            ValueShape.Pointer => $"{Call}.Write<{r.ElementDisplay}>({Locals.ReturnArea}, {value}, \"return\");",
            _ => null,
        };
    }
}
