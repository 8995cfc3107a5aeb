using System;
using WasmMarshal.Marshalling;

namespace WasmMarshal;

/// <summary>
/// An AssemblyScript guest called <c>abort(message, fileName, line, column)</c> (a failed <c>assert</c>, a thrown
/// error, an out-of-bounds array access ...): the runtime's <c>env.abort</c> decodes the guest's strings and stops the
/// call. Like a trap, it poisons the guest under <see cref="TrapPolicy.Poison"/>.
/// </summary>
public sealed class WasmGuestAbortedException : WasmCallException
{
    /// <summary>Creates the exception.</summary>
    public WasmGuestAbortedException(string method, AssemblyScriptAbort abort)
        : base(method, "the guest aborted: " + abort, null)
    {
        Abort = abort;
    }

    /// <summary>What the guest reported.</summary>
    public AssemblyScriptAbort Abort { get; }
}

/// <summary>
/// Thrown by the host's <c>env.abort</c> inside the guest call; generated stubs turn it into
/// <see cref="WasmGuestAbortedException"/> naming the interface method.
/// </summary>
public sealed class AssemblyScriptAbortSignal : WasmMarshalException
{
    internal AssemblyScriptAbortSignal(AssemblyScriptAbort abort)
        : base("the AssemblyScript guest aborted: " + abort)
    {
        Abort = abort;
    }

    /// <summary>What the guest reported.</summary>
    public AssemblyScriptAbort Abort { get; }
}

/// <summary>The arguments of an AssemblyScript <c>abort</c>, decoded.</summary>
/// <param name="Message">The message, or null when the guest passed none.</param>
/// <param name="FileName">The source file, or null.</param>
/// <param name="Line">The 1-based source line (0 when unknown).</param>
/// <param name="Column">The 1-based source column (0 when unknown).</param>
public sealed record AssemblyScriptAbort(string? Message, string? FileName, int Line, int Column)
{
    /// <summary><c>message at file:line:column</c>.</summary>
    public override string ToString() => $"{Message ?? "(no message)"} at {FileName ?? "(unknown file)"}:{Line}:{Column}";

    /// <summary>Decodes the four <c>abort</c> arguments from guest memory; unreadable strings become a description.</summary>
    public static AssemblyScriptAbort Decode(GuestMemory memory, int message, int fileName, int line, int column)
    {
        string? Text(int address, string parameter)
        {
            try
            {
                return AssemblyScriptStringMarshaller.Read(memory.View(), unchecked((uint)address), "env.abort", parameter);
            }
            catch (WasmGuestDataException ex)
            {
                return $"(unreadable string at 0x{unchecked((uint)address):X8}: {ex.Message})";
            }
        }

        return new AssemblyScriptAbort(Text(message, "message"), Text(fileName, "fileName"), line, column);
    }
}
