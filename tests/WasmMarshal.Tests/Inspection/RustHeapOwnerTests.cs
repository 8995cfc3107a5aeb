using System.Linq;
using WasmMarshal.Inspection;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Inspection;

/// <summary>
/// A Rust guest exporting <c>alloc(size, align)</c>/<c>dealloc(ptr, size, align)</c> has its own allocator, as one
/// exporting malloc/free does: the layout must say so and the map must paint its heap as the guest's, not as free.
/// </summary>
public sealed class RustHeapOwnerTests
{
    [Fact]
    public void A_rust_alloc_dealloc_guest_owns_its_heap()
    {
        var layout = ModuleLayout.FromFile(TestGuests.PathOf("rust_matrix"));
        Assert.True(layout.Module.ExportsFunction("alloc") && layout.Module.ExportsFunction("dealloc"), "rust_matrix exports alloc/dealloc");
        Assert.False(layout.Module.ExportsFunction("malloc"), "rust_matrix does not export malloc");

        Assert.Equal(GuestHeapOwner.Guest, layout.HeapOwner);
        Assert.DoesNotContain("no allocator", layout.Describe());
        Assert.Contains(MemoryMap.Of(layout).Regions, r => r.Kind == MemoryRegionKind.GuestHeap);
    }
}
