using System.Collections.Generic;
using Wasmtime;
using WasmMarshal.Allocators;
using WasmMarshal.Profiles;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Toolchains;

/// <summary>
/// <see cref="GuestProfile.Detect"/> against the real guests of every toolchain, and against WAT modules that fit no
/// profile or more than one.
/// </summary>
public sealed class GuestProfileTests
{
    public static TheoryData<string, GuestToolchain, GuestAllocatorKind, WasmStringEncoding, string[]> Guests => new()
    {
        { "matrix_wasi", GuestToolchain.WasiLibc, GuestAllocatorKind.Malloc, WasmStringEncoding.Utf8, [] },
        { "matrix_stackfirst", GuestToolchain.Freestanding, GuestAllocatorKind.Malloc, WasmStringEncoding.Utf8, [] },
        { "matrix_host_heap", GuestToolchain.Freestanding, GuestAllocatorKind.HostHeapImports, WasmStringEncoding.Utf8, [] },
        { "em_matrix", GuestToolchain.Emscripten, GuestAllocatorKind.Malloc, WasmStringEncoding.Utf8, ["env.emscripten_notify_memory_growth"] },
        { "rust_matrix", GuestToolchain.Rust, GuestAllocatorKind.RustAlloc, WasmStringEncoding.Utf8, [] },
        { "as_matrix", GuestToolchain.AssemblyScript, GuestAllocatorKind.AssemblyScript, WasmStringEncoding.AssemblyScript, ["env.abort"] },
        // Conventions, not languages: these export malloc/free and take UTF-8 (ptr, len) whatever they are written in.
        { "as_greeter", GuestToolchain.Freestanding, GuestAllocatorKind.Malloc, WasmStringEncoding.Utf8, [] },
        { "em_host_heap", GuestToolchain.Emscripten, GuestAllocatorKind.HostHeapImports, WasmStringEncoding.Utf8, ["env.emscripten_notify_memory_growth"] },
        { "marshal_test", GuestToolchain.WasiLibc, GuestAllocatorKind.Malloc, WasmStringEncoding.Utf8, [] },
    };

    [Theory]
    [MemberData(nameof(Guests))]
    public void Every_guest_is_detected_from_its_exports_and_imports(string module, GuestToolchain toolchain,
        GuestAllocatorKind allocator, WasmStringEncoding strings, string[] supplied)
    {
        var profile = GuestProfile.Detect(TestGuests.Load(module));

        Assert.Equal(toolchain, profile.Toolchain);
        Assert.Equal(allocator, profile.Allocator);
        Assert.Equal(strings, profile.StringEncoding);
        Assert.Equal(strings == WasmStringEncoding.AssemblyScript ? GuestStringPassing.ManagedObject : GuestStringPassing.PointerAndLength,
            profile.StringPassing);
        Assert.Equal(supplied, profile.HostSuppliedImports);
        Assert.True(profile.IsDecided, profile.Problem);
        Assert.NotEmpty(profile.Evidence);
    }

    [Fact]
    public void The_default_allocator_is_the_one_the_profile_names()
    {
        using var rust = MatrixGuests.Open("rust_matrix");
        Assert.IsType<RustAllocator>(rust.Guest.GuestHeap);
        using var assemblyScript = MatrixGuests.Open("as_matrix");
        Assert.IsType<AssemblyScriptAllocator>(assemblyScript.Guest.GuestHeap);
        using var stackFirst = MatrixGuests.Open("matrix_stackfirst");
        Assert.IsType<GuestMallocAllocator>(stackFirst.Guest.GuestHeap);
        using var hostHeap = MatrixGuests.Open("matrix_host_heap");
        Assert.IsType<HostHeapAllocator>(hostHeap.Guest.GuestHeap);
    }

    private const string NoAllocatorWat = """
        (module
          (memory (export "memory") 1)
          (func (export "answer") (result i32) (i32.const 42))
          (func (export "malloc") (param i32) (result i32) (i32.const 1024))
          (func (export "alloc") (param i32) (result i32) (i32.const 2048)))
        """;

    [Fact]
    public void A_module_that_fits_no_profile_says_so_and_names_the_option_to_set()
    {
        using var module = Module.FromText(TestGuests.MovingEngine, "no-allocator", NoAllocatorWat);
        var profile = GuestProfile.Detect(module);

        Assert.Equal(GuestAllocatorKind.None, profile.Allocator);
        Assert.Equal(GuestToolchain.Unknown, profile.Toolchain);
        Assert.False(profile.IsDecided);
        Assert.Contains("exports only part of malloc/free", profile.Problem);
        Assert.Contains("exports alloc (i32) -> i32 instead of (i32, i32) -> i32", profile.Problem);
        var thrown = Assert.Throws<WasmProfileException>(() => profile.ThrowIfUndecided("no-allocator.wasm"));
        Assert.StartsWith("Cannot pick the guest allocator of no-allocator.wasm: it neither exports an allocator", thrown.Message);
        Assert.Contains("WithGuestHeap(GuestAllocatorSource.HostHeap())", thrown.Message);

        // Scalar calls need no allocator; the first thing that does gets the same explanation.
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, module).Instantiate();
        Assert.Equal(42, guest.Instance.GetFunction<int>("answer")!());
        var missing = Assert.Throws<WasmBindingException>(() => guest.GuestHeap);
        Assert.Contains("WithGuestHeap(GuestAllocatorSource.HostHeap())", missing.Message);

        // The option it names works.
        using var hosted = WasmGuest.Builder(TestGuests.MovingEngine, module)
            .WithGuestHeap(GuestAllocatorSource.HostHeap(HostHeapRegion.MemoryGrow)).Instantiate();
        Assert.IsType<HostHeapAllocator>(hosted.GuestHeap);
    }

    // Two complete allocator families with separate bump pointers: malloc hands out from 0x1000, alloc from 0x8000.
    private const string TwoAllocatorsWat = """
        (module
          (memory (export "memory") 1)
          (global $m (mut i32) (i32.const 0x1000))
          (global $a (mut i32) (i32.const 0x8000))
          (func (export "malloc") (param $size i32) (result i32)
            (global.get $m) (global.set $m (i32.add (global.get $m) (i32.and (i32.add (local.get $size) (i32.const 15)) (i32.const -16)))))
          (func (export "free") (param i32))
          (func (export "alloc") (param $size i32) (param $align i32) (result i32)
            (global.get $a) (global.set $a (i32.add (global.get $a) (i32.and (i32.add (local.get $size) (i32.const 15)) (i32.const -16)))))
          (func (export "dealloc") (param i32 i32 i32)))
        """;

    [Fact]
    public void A_module_with_two_allocators_is_ambiguous_until_the_user_picks_one()
    {
        using var module = Module.FromText(TestGuests.MovingEngine, "two-allocators", TwoAllocatorsWat);
        var profile = GuestProfile.Detect(module);

        Assert.Equal(GuestAllocatorKind.Ambiguous, profile.Allocator);
        Assert.Equal("it exports malloc/free and alloc/dealloc, which may be separate allocators claiming the same pages or one allocator under two names",
            profile.Problem);
        Assert.Equal("WithGuestHeap(GuestAllocatorSource.Malloc()) or WithGuestHeap(GuestAllocatorSource.RustAlloc())", profile.Option);

        using var undecided = WasmGuest.Builder(TestGuests.MovingEngine, module).Instantiate();
        var thrown = Assert.Throws<WasmBindingException>(() => undecided.GuestHeap);
        Assert.Contains("WithGuestHeap(GuestAllocatorSource.RustAlloc())", thrown.Message);

        using var rust = WasmGuest.Builder(TestGuests.MovingEngine, module).WithGuestHeap(GuestAllocatorSource.RustAlloc()).Instantiate();
        Assert.Equal(0x8000u, rust.GuestHeap.Allocate(24, 8));
        using var malloc = WasmGuest.Builder(TestGuests.MovingEngine, module).WithGuestHeap(GuestAllocatorSource.Malloc()).Instantiate();
        Assert.Equal(0x1000u, malloc.GuestHeap.Allocate(24, 8));
    }
}
