using System.Collections.Generic;
using System.Linq;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Emit;
using WasmMarshal.Generators.Model;

namespace WasmMarshal.Generators.Marshalling;

/// <summary>
/// Emits the statements that move one value across the boundary, stage by stage, in both directions. One subclass
/// per <see cref="ValueShape"/>. Stages that may call into the guest (Allocate) are separate from stages that read
/// or write guest memory through a view (Marshal, Unmarshal), so a view is never held across a guest call.
/// </summary>
internal abstract class ValueMarshaller
{
    protected static readonly string[] None = new string[0];

    protected ValueMarshaller(LoweredValue value)
    {
        Lowered = value;
    }

    public LoweredValue Lowered { get; }

    public ValueModel Value => Lowered.Value;

    /// <summary>For a return value: the return area the ABI gives it, if any.</summary>
    public ReturnArea? Area { get; init; }

    protected string AreaSize => (Area?.Size ?? 0) + "u";

    protected string AreaAlign => (Area?.Align ?? 1) + "u";

    /// <summary>Whether the value occupies guest memory (and so needs the allocator and a view).</summary>
    public virtual bool UsesGuestMemory => true;

    /// <summary>Whether a returned buffer belongs to the guest's heap and is freed there after copying.</summary>
    public bool FreesGuestBuffer => Lowered.Buffer == Ownership.GuestAllocatedHostFrees;

    /// <summary>The C# parameter identifier, as the stub re-declares it.</summary>
    protected string Id => Locals.Parameter(Lowered.Index);

    /// <summary>The name of this value in messages and <c>WasmGuestDataException.Parameter</c>.</summary>
    protected string NameLiteral => Lowering.Literal(Value.Name);

    /// <summary>A generated local belonging to this value (see <see cref="Locals"/>).</summary>
    protected string Local(string role) => Locals.Of(Lowered.Index, role);

    // ---- [WasmImport]: the host calls the guest ----

    public virtual IEnumerable<string> ImportDeclare() => None;

    public virtual IEnumerable<string> ImportAllocate() => None;

    public virtual IEnumerable<string> ImportMarshal() => None;

    /// <summary>The core argument for one of this value's slots (for a return value, the return area).</summary>
    public abstract string ImportArgument(SlotRole role);

    /// <summary>For a return value: the statement that makes the call and keeps its core result.</summary>
    public virtual string ImportInvoke(string call) => call + ";";

    public virtual IEnumerable<string> ImportUnmarshal() => None;

    public virtual IEnumerable<string> ImportCleanup() => None;

    // ---- [WasmExport]: the guest calls the host ----

    /// <summary>The lambda parameter that receives one core value (for a return value, the return area).</summary>
    public static string ExportCoreParameter(CoreSlot slot) => slot.Type.ClrType() + " " + Locals.Slot(slot);

    public virtual IEnumerable<string> ExportUnmarshal() => None;

    public virtual string ExportArgument() => Local("value");

    public virtual IEnumerable<string> ExportWriteBack() => None;

    /// <summary>For a return value: allocations made before the view is taken.</summary>
    public virtual IEnumerable<string> ExportReturnAllocate() => None;

    /// <summary>For a return value: the statements that write <c>__result</c> through <c>__view</c>, if any.</summary>
    public virtual IEnumerable<string> ExportReturnWrite() => None;

    /// <summary>For a return value: the core value returned to the guest, or null for none.</summary>
    public virtual string? ExportReturnExpression() => null;

    protected static string Int(string uintExpression) =>
        IsSimple(uintExpression) ? $"unchecked((int){uintExpression})" : $"unchecked((int)({uintExpression}))";

    protected static string UInt(string intExpression) =>
        IsSimple(intExpression) ? $"unchecked((uint){intExpression})" : $"unchecked((uint)({intExpression}))";

    private static bool IsSimple(string expression) => expression.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '@');

    protected static IEnumerable<string> Lines(params string[] lines) => lines;

    protected static IEnumerable<string> Concat(params IEnumerable<string>[] parts) => parts.SelectMany(p => p);

    /// <summary>An allocation of host-owned scratch memory, tagged with the method and parameter for leak reports.</summary>
    protected string Allocate(string size, string align) =>
        $"__allocator.Allocate({size}, {align}, __method, {NameLiteral})";

    public static ValueMarshaller For(LoweredValue value, ReturnArea? area = null) => value.Value.Shape switch
    {
        ValueShape.Void or ValueShape.Unsupported => new VoidMarshaller(value),
        ValueShape.Scalar => new ScalarMarshaller(value),
        ValueShape.String when value.Value.Encoding == StringEncoding.AssemblyScript => new AssemblyScriptStringMarshaller(value),
        ValueShape.String => new StringMarshaller(value) { Area = area },
        ValueShape.Pointer => new PointerMarshaller(value) { Area = area },
        _ => new SequenceMarshaller(value) { Area = area },
    };
}
