using System.ComponentModel;
using Wasmtime;

namespace WasmMarshal.Canonical;

/// <summary>
/// Return areas (results that do not fit <see cref="CanonicalAbi.MaxFlatResults"/>), spilled parameters (more than
/// <see cref="CanonicalAbi.MaxFlatParams"/>), and post-return.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CanonicalReturnArea
{
    /// <summary>
    /// Checks the return-area pointer an export returned: aligned to the result tuple's alignment, and
    /// <paramref name="size"/> bytes inside memory. Returns it as an address.
    /// </summary>
    public static uint Check(GuestMemoryView view, int pointer, uint size, uint alignment, string method)
    {
        uint address = (uint)pointer;
        if (!CanonicalAbi.IsAligned(address, alignment))
        {
            throw new WasmGuestDataException(method, "return",
                $"is a return area at the misaligned address 0x{address:X8}; it must be {alignment}-aligned");
        }

        if (!view.Contains(address, size))
        {
            throw new WasmGuestMemoryException(method, "return", address, size, view.Length);
        }

        return address;
    }

    /// <summary>
    /// Checks the <c>retptr</c> a guest passed to a host import whose results do not fit one flat value; the host
    /// writes the results there. <paramref name="parameter"/> is how the message names it (for example <c>retptr</c>).
    /// </summary>
    public static uint CheckOutParameter(GuestMemoryView view, int pointer, uint size, uint alignment, string method, string parameter)
    {
        uint address = (uint)pointer;
        if (!CanonicalAbi.IsAligned(address, alignment))
        {
            throw new WasmGuestDataException(method, parameter,
                $"is a result pointer at the misaligned address 0x{address:X8}; it must be {alignment}-aligned");
        }

        if (!view.Contains(address, size))
        {
            throw new WasmGuestMemoryException(method, parameter, address, size, view.Length);
        }

        return address;
    }

    /// <summary>
    /// Allocates the tuple of spilled parameters (more than 16 flat values) through the callee's realloc; the callee
    /// owns it. Store the parameters at their tuple offsets, then pass only the pointer.
    /// </summary>
    public static uint AllocateSpilledParameters(CanonicalRealloc realloc, uint size, uint alignment, string method) =>
        realloc.Allocate(alignment, size, method, "(spilled parameters)");

    /// <summary>
    /// Calls the export's post-return function (when it has one) with the flat result, after the results were lifted,
    /// so the guest can free them. A trap there is a <see cref="WasmCallException"/> for <paramref name="method"/>. Not
    /// called when lifting failed: the guest's results were not valid, so nothing says what freeing them would do.
    /// </summary>
    public static void PostReturn<TResult>(System.Action<TResult>? postReturn, TResult flatResult, string method)
    {
        if (postReturn is null)
        {
            return;
        }

        try
        {
            postReturn(flatResult);
        }
        catch (WasmtimeException ex)
        {
            throw WasmCallException.FromWasmtime(ex, method + " (post-return)");
        }
    }
}
