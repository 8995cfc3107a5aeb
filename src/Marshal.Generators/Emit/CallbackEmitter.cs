using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Marshalling;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Emit;

/// <summary>
/// The callbacks of a [WasmImport] interface: per delegate type a factory that wraps a delegate in a Wasmtime host
/// function (the export binder's argument checks, <see cref="ExportBinderEmitter.EmitHostFunction"/>) and its
/// module-initializer registration; in each stub method, the table slot of a per-call delegate, placed before the call
/// and released in <c>finally</c>, and the index of a registered <c>WasmCallback&lt;T&gt;</c>.
/// </summary>
internal static class CallbackEmitter
{
    private const string Tables = "global::WasmMarshal.Callbacks.WasmCallbackTable";

    public static IEnumerable<(MethodModel Method, ValueModel Parameter)> CallbackParameters(InterfaceModel model) =>
        model.Methods.Where(m => m.IsSupported)
            .SelectMany(m => m.Method.Parameters.Where(IsCallback).Select(p => (m.Method, p)));

    private static bool IsCallback(ValueModel value) => value.Opaque is OpaqueKind.Callback or OpaqueKind.RegisteredCallback;

    public static void Emit(SourceWriter writer, InterfaceModel model)
    {
        if (model.Callbacks.Count == 0)
        {
            return;
        }

        foreach (var callback in model.Callbacks)
        {
            writer.Line();
            writer.Line($"/// <summary>A host function of <paramref name=\"guest\"/>'s store that calls the <c>{Escape(callback.Name)}</c> placed in <paramref name=\"target\"/>: {callback.Invoke.Core.Text}.</summary>");
            writer.Open($"private static global::Wasmtime.Function {callback.Factory}(global::WasmMarshal.WasmGuest guest, global::WasmMarshal.Callbacks.WasmCallbackTarget<{callback.DelegateDisplay}> target)");
            ExportBinderEmitter.EmitHostFunction(writer, callback.Invoke, callback.Name, "guest", "target.Handler", "__function");
            writer.Line("return global::Wasmtime.Function.FromCallback(guest.Store, __function);");
            writer.Close();
        }

        if (model.CanRegister)
        {
            writer.Line();
            writer.Line("/// <summary>Registers the callback host functions so that <c>WasmCallback.Register</c> finds them without reflection.</summary>");
            writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            writer.Open("internal static void RegisterWasmMarshalCallbacks()");
            foreach (var callback in model.Callbacks)
            {
                writer.Line($"global::WasmMarshal.Callbacks.WasmCallbackBindings.Register<{callback.DelegateDisplay}>({Lowering.Literal(callback.Name)}, {callback.Factory});");
            }

            writer.Close();
        }
    }

    /// <summary>Before the call's <c>try</c>: the slot of each per-call callback, 0 until placed.</summary>
    public static void DeclareSlots(SourceWriter writer, LoweredMethod lowered)
    {
        foreach (var p in lowered.Parameters.Where(p => p.Value.Opaque == OpaqueKind.Callback))
        {
            writer.Line($"uint {Slot(p.Index)} = 0;");
        }
    }

    /// <summary>First in the <c>try</c>: the table index of each callback parameter.</summary>
    public static void PlaceCallbacks(SourceWriter writer, InterfaceModel model, LoweredMethod lowered, string display)
    {
        foreach (var p in lowered.Parameters.Where(p => IsCallback(p.Value)))
        {
            var v = p.Value;
            string id = Locals.Parameter(p.Index);
            string name = Lowering.Literal(v.Name);
            string pointer = ImportCode.FunctionPointer(p.Index);
            string nullCheck = v.IsNullable ? $"{id} is null ? 0 : " : "";
            if (v.Opaque == OpaqueKind.Callback)
            {
                string factory = model.Callbacks.First(c => c.DelegateDisplay == v.ElementDisplay).Factory;
                string place = $"{Tables}.AddForCall(__context.Guest, {id}, {display}, {name}, {factory})";
                writer.Line($"{Slot(p.Index)} = {(v.IsNullable ? $"{id} is null ? 0u : " : "")}{place};");
                writer.Line($"int {pointer} = unchecked((int){Slot(p.Index)});");
            }
            else
            {
                if (!v.IsNullable)
                {
                    writer.Line($"global::System.ArgumentNullException.ThrowIfNull({id}, {name});");
                }

                writer.Line($"int {pointer} = {nullCheck}{id}{(v.IsNullable ? "!" : "")}.PointerFor(__context.Guest, {display}, {name});");
            }
        }
    }

    /// <summary>First in the <c>finally</c>: empties the slot of each per-call callback, so a guest that kept it traps.</summary>
    public static void ReleaseSlots(SourceWriter writer, LoweredMethod lowered)
    {
        foreach (var p in lowered.Parameters.Where(p => p.Value.Opaque == OpaqueKind.Callback))
        {
            writer.Line($"{Tables}.ReleaseForCall(__context.Guest, {Slot(p.Index)});");
        }
    }

    private static string Slot(int index) => Locals.Of(index, "slot");

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
