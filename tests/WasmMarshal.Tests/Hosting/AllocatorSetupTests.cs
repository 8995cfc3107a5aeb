using Wasmtime;
using WasmMarshal.Allocators;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Hosting;

/// <summary>
/// The allocator set-up worked out once per module (export lookups, the heap floor) must still give each instance
/// what reading its own instance would give.
/// </summary>
public sealed class AllocatorSetupTests
{
    // malloc bumps from the floor and never frees: enough to resolve and use a GuestMallocAllocator.
    private const string Body = """
          (memory (export "memory") 2)
          (global $next (mut i32) (i32.const 0))
          (func (export "malloc") (param i32) (result i32)
            (local $p i32)
            global.get $next
            i32.eqz
            if global.get $heap_base global.set $next end
            global.get $next local.set $p
            global.get $next local.get 0 i32.add i32.const 7 i32.add i32.const -8 i32.and global.set $next
            local.get $p)
          (func (export "free") (param i32))
        """;

    /// <summary>The floor comes from an imported global: it may differ between instances, so it is read per instance.</summary>
    private const string ImportedFloor = """
        (module
          (import "env" "base" (global $imported i32))
          (global $heap_base (export "__heap_base") i32 (global.get $imported))
        """ + Body + ")";

    private const string ConstantFloor = """
        (module
          (global $heap_base (export "__heap_base") i32 (i32.const 4096))
        """ + Body + ")";

    private static WasmGuest WithBase(Module module, int floor) => WasmGuest.Builder(TestGuests.MovingEngine, module)
        .ConfigureLinker((linker, store) => linker.Define("env", "base", new Global(store, ValueKind.Int32, floor, Mutability.Immutable)))
        .Instantiate();

    [Fact]
    public void A_floor_from_an_imported_global_is_read_for_each_instance()
    {
        using var module = Module.FromText(TestGuests.MovingEngine, "imported-floor", ImportedFloor);
        using var low = WithBase(module, 8192);
        using var high = WithBase(module, 16384);
        Assert.Equal(8192u, Assert.IsType<GuestMallocAllocator>(low.Allocator).Floor.Address);
        Assert.Equal(16384u, Assert.IsType<GuestMallocAllocator>(high.Allocator).Floor.Address);

        // The floor is enforced per instance too: the first allocation of each lies at its own floor.
        Assert.Equal(16384u, high.Allocator.Allocate(16, 8));
        Assert.Equal(8192u, low.Allocator.Allocate(16, 8));
    }

    [Fact]
    public void A_constant_floor_is_the_same_for_every_instance_of_a_template()
    {
        using var module = Module.FromText(TestGuests.MovingEngine, "constant-floor", ConstantFloor);
        using var template = WasmGuest.Builder(TestGuests.MovingEngine, module).Prepare();
        for (int i = 0; i < 3; i++)
        {
            using var guest = template.Instantiate();
            var allocator = Assert.IsType<GuestMallocAllocator>(guest.Allocator);
            Assert.Equal(new HeapFloor(4096, "__heap_base"), allocator.Floor);
            Assert.Equal(4096u, allocator.Allocate(1, 1));
        }
    }

    [Fact]
    public void The_quickstart_guests_floor_is_its_heap_base()
    {
        // 67104 is __heap_base in guests/bin/quickstart.wasm (wasm-objdump -x: global[1] <__heap_base> init i32=67104).
        using var module = Module.FromFile(TestGuests.MovingEngine, TestGuests.PathOf("quickstart"));
        using var template = WasmGuest.Builder(TestGuests.MovingEngine, module).ConfigureLinker((linker, _) =>
            linker.DefineFunction("env", "log", (int _, int _) => { })).Prepare();
        using var first = template.Instantiate();
        using var second = template.Instantiate();
        Assert.Equal(67104u, Assert.IsType<GuestMallocAllocator>(first.Allocator).Floor.Address);
        Assert.Equal(67104u, Assert.IsType<GuestMallocAllocator>(second.Allocator).Floor.Address);
    }
}
