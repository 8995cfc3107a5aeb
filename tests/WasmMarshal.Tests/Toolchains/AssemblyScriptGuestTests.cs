using System;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using WasmMarshal.Marshalling;
using Xunit;

namespace WasmMarshal.Tests.Toolchains;

/// <summary>
/// What is particular to the AssemblyScript guest (asc 0.28.20, --exportRuntime): its object header, pinning through
/// __pin/__unpin, and env.abort.
/// </summary>
public sealed class AssemblyScriptGuestTests
{
    [Fact]
    public void A_string_the_guest_creates_has_the_string_class_id_and_its_byte_length_before_it()
    {
        using var session = MatrixGuests.Open("as_matrix");
        uint address = unchecked((uint)session.Guest.Instance.GetFunction<int>("toolchain")!());

        var view = session.Guest.Memory.View();
        Assert.Equal(AssemblyScriptAllocator.StringClassId, view.Read<uint>(address - 8, "test", "rtId"));
        Assert.Equal((uint)"AssemblyScript".Length * 2, view.Read<uint>(address - 4, "test", "rtSize"));
    }

    [Fact]
    public void A_string_the_host_creates_looks_the_same_to_the_guest()
    {
        using var session = MatrixGuests.Open("as_matrix");
        uint size = AssemblyScriptStringMarshaller.GetByteCount("héllo", "test", "text");
        uint address = AssemblyScriptStringMarshaller.AllocatePinned(session.Guest.Allocator, size, "test", "text");
        AssemblyScriptStringMarshaller.Write("héllo", session.Guest.Memory.View().Bytes(address, size, "test", "text"));

        var view = session.Guest.Memory.View();
        Assert.Equal(AssemblyScriptAllocator.StringClassId, view.Read<uint>(address - 8, "test", "rtId"));
        Assert.Equal(10u, view.Read<uint>(address - 4, "test", "rtSize"));
        Assert.Equal("héllo", AssemblyScriptStringMarshaller.Read(view, address, "test", "text"));
        session.Guest.Allocator.Free(address, size, 2);
    }

    [Fact]
    public void A_pinned_object_survives_a_collection_and_an_unpinned_one_does_not()
    {
        using var session = MatrixGuests.Open("as_matrix");
        var runtime = Assert.IsType<AssemblyScriptAllocator>(session.Guest.GuestHeap);
        var collect = session.Guest.Instance.GetAction("__collect")!;

        uint pinned = runtime.AllocateObject(64, 16, AssemblyScriptAllocator.StringClassId, pin: true);
        uint unpinned = runtime.AllocateObject(64, 16, AssemblyScriptAllocator.StringClassId, pin: false);
        collect();

        // The collector freed the unpinned block and hands it out again; the pinned one stays taken.
        uint next = runtime.AllocateObject(64, 16, AssemblyScriptAllocator.StringClassId, pin: true);
        uint after = runtime.AllocateObject(64, 16, AssemblyScriptAllocator.StringClassId, pin: true);
        Assert.Equal(unpinned, next);
        Assert.NotEqual(pinned, after);
        runtime.Free(pinned, 64, 16);
        collect();
        Assert.Equal(pinned, runtime.AllocateObject(64, 16, AssemblyScriptAllocator.StringClassId, pin: true));
    }

    [Fact]
    public void A_string_a_host_function_returns_belongs_to_the_guest_and_survives_a_collection()
    {
        using var session = MatrixGuests.Open("as_matrix");
        var checks = session.Guest.Import<IMatrixGuestAsChecks>();

        Assert.Equal("««naïve ✓»»", checks.DecorateTwice("naïve ✓"));
        Assert.Equal("««»»", checks.DecorateTwice(""));
    }

    [Fact]
    public void An_abort_in_the_guest_throws_with_its_message_file_and_line_and_poisons_the_guest()
    {
        using var session = MatrixGuests.Open("as_matrix");
        var checks = session.Guest.Import<IMatrixGuestAsChecks>();
        Assert.Equal(5, checks.CheckPositive(5));

        var thrown = Assert.Throws<WasmGuestAbortedException>(() => checks.CheckPositive(-1));

        Assert.Equal("IMatrixGuestAsChecks.CheckPositive", thrown.Method);
        Assert.Equal("value must be positive", thrown.Abort.Message);
        Assert.Equal("matrix.ts", thrown.Abort.FileName);
        Assert.True(thrown.Abort.Line > 0 && thrown.Abort.Column > 0, thrown.Abort.ToString());
        Assert.StartsWith("IMatrixGuestAsChecks.CheckPositive: the guest aborted: value must be positive at matrix.ts:", thrown.Message);
        Assert.Throws<WasmGuestPoisonedException>(() => checks.CheckPositive(1));
    }

    [Fact]
    public void An_assemblyscript_string_through_another_allocator_is_refused_with_the_option_to_set()
    {
        using var guest = WasmGuest.Builder(Support.TestGuests.MovingEngine, Support.TestGuests.Load("as_matrix"))
            .Export<IMatrixHostAs>(new MatrixObserver())
            .Export<IMatrixHostAsStrings>(new MatrixObserver())
            .WithAllocator(GuestAllocatorSource.HostHeap(HostHeapRegion.MemoryGrow))
            .Instantiate();

        var thrown = Assert.Throws<GuestAllocationException>(() => guest.Import<IMatrixGuestAs>().Join("a", "b"));
        Assert.Contains("IMatrixGuestAs.Join: 'left' is an AssemblyScript string", thrown.Message);
        Assert.Contains("GuestAllocatorSource.AssemblyScript()", thrown.Message);
    }

    [Fact]
    public void A_utf8_interface_bound_to_native_assemblyscript_strings_fails_with_a_hint_naming_the_attribute()
    {
        using var guest = WasmGuest.Builder(Support.TestGuests.MovingEngine, Support.TestGuests.Load("as_matrix"))
            .Export<IMatrixHostAs>(new MatrixObserver())
            .Export<IMatrixHostAsStrings>(new MatrixObserver())
            .Instantiate();

        var thrown = Assert.Throws<WasmBindingException>(() => guest.Import<IMatrixGuest>());
        Assert.Contains(thrown.Mismatches, m => m.Item == "join" && m.Expected == "(i32, i32, i32, i32, i32) -> ()");
        Assert.NotNull(thrown.Hint);
        Assert.Contains("[WasmString(WasmStringEncoding.AssemblyScript)]", thrown.Message);
        Assert.Contains("__new", thrown.Hint); // the profile's evidence

        guest.Import<IMatrixGuestAs>(); // the interface the hint describes binds
    }

    [Fact]
    public void A_mismatch_on_a_c_guest_gets_no_assemblyscript_hint()
    {
        using var guest = WasmGuest.Builder(Support.TestGuests.MovingEngine, Support.TestGuests.Load("matrix_wasi"))
            .Export<IMatrixHost>(new MatrixObserver())
            .Instantiate();

        var thrown = Assert.Throws<WasmBindingException>(() => guest.Import<IMatrixGuestAs>());
        Assert.Null(thrown.Hint);
        Assert.DoesNotContain("Hint:", thrown.Message);
    }
}
