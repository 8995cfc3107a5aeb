using System.Runtime.CompilerServices;
using WasmMarshal.Allocation;

namespace WasmMarshal.Allocators;

/// <summary>
/// What <see cref="IGuestAllocator"/>'s default four-argument <c>Allocate</c> does, for allocators that implement that
/// overload themselves to inline their common case: the slow path, where a failure names the stub's method and
/// parameter.
/// </summary>
internal static class StubAllocation
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static uint AllocateNamingFailures(IGuestAllocator allocator, uint size, uint alignment, string method, string parameter)
    {
        try
        {
            return allocator.Allocate(size, alignment);
        }
        catch (GuestAllocationException e) when (e.Method is null)
        {
            throw e.For(method, parameter);
        }
    }
}
