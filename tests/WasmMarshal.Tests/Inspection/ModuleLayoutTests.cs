using System.Linq;
using WasmMarshal.Inspection;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Inspection;

/// <summary>
/// ModuleLayout on the committed guests, one per toolchain, with every expected address taken from the
/// <c>wasm-objdump -x</c> facts in objdump/*.txt; and on WAT modules whose layout is known by construction.
/// </summary>
public sealed class ModuleLayoutTests
{
    private static ModuleLayout Layout(string guest) => ModuleLayout.FromFile(TestGuests.PathOf(guest));

    [Theory]
    [InlineData("quickstart")]
    [InlineData("marshal_test")]
    [InlineData("cabi_guest")]
    public void Wasi_libc_guests_are_data_first_with_the_stack_between_data_end_and_heap_base(string guest)
    {
        var facts = ObjdumpFacts.Load(guest);
        var layout = Layout(guest);
        ulong dataEnd = facts.ExportedGlobalValue("__data_end"), heapBase = facts.ExportedGlobalValue("__heap_base");

        Assert.Equal(MemoryArrangement.DataFirst, layout.Arrangement);
        Assert.Equal((dataEnd, LayoutEvidence.ExportedGlobal), (layout.DataEnd!.Value, layout.DataEnd.Evidence));
        Assert.Equal((heapBase, LayoutEvidence.ExportedGlobal), (layout.HeapBase!.Value, layout.HeapBase.Evidence));
        // lld makes __stack_pointer global 0; it is not exported, but the C guests keep their name section (build.sh),
        // which names it (objdump shows the same name), so it is found by name, not by the frame prologues.
        Assert.Equal("__stack_pointer", facts.Globals[0].Name);
        Assert.Equal((0u, (ulong)facts.Globals[0].Init!.Value, LayoutEvidence.NameSection),
            (layout.StackPointer!.GlobalIndex!.Value, layout.StackPointer.Value, layout.StackPointer.Evidence));
        // The stack sits between the 16-aligned __data_end and __heap_base: the -z stack-size=65536 of build.sh.
        Assert.Equal(new AddressRange((dataEnd + 15) / 16 * 16, heapBase), layout.Stack);
        Assert.Equal(65536ul, layout.Stack!.Value.Size);
        // cabi_guest has no data segment at all (only .bss), so its static data starts at lld's --global-base, 1024.
        ulong dataStart = facts.Segments.Count > 0 ? (ulong)facts.Segments.Min(s => s.Offset!.Value) : 1024;
        Assert.Equal(new AddressRange(dataStart, dataEnd), layout.StaticData);
        Assert.Equal(GuestHeapOwner.Guest, layout.HeapOwner);
    }

    [Fact]
    public void The_freestanding_guest_is_stack_first_with_the_stack_from_zero_to_the_data()
    {
        var facts = ObjdumpFacts.Load("host_heap_guest");
        var layout = Layout("host_heap_guest");
        ulong stackPointer = (ulong)facts.Globals[0].Init!.Value;

        Assert.Equal(MemoryArrangement.StackFirst, layout.Arrangement);
        Assert.Equal(new AddressRange(0, stackPointer), layout.Stack);
        Assert.Equal((ulong)facts.Segments[0].Offset!.Value, stackPointer);
        Assert.Equal(facts.ExportedGlobalValue("__heap_base"), layout.HeapBase!.Value);
        Assert.Equal(GuestHeapOwner.Host, layout.HeapOwner);
    }

    [Fact]
    public void The_rust_guest_is_stack_first_with_a_one_mebibyte_stack()
    {
        var facts = ObjdumpFacts.Load("rust_greeter");
        var layout = Layout("rust_greeter");

        Assert.Equal(MemoryArrangement.StackFirst, layout.Arrangement);
        Assert.Equal(new AddressRange(0, (ulong)facts.Globals[0].Init!.Value), layout.Stack);
        Assert.Equal(1024ul * 1024, layout.Stack!.Value.Size);
        Assert.Equal(facts.ExportedGlobalValue("__data_end"), layout.DataEnd!.Value);
        Assert.Equal(facts.ExportedGlobalValue("__heap_base"), layout.HeapBase!.Value);
    }

    [Fact]
    public void The_emscripten_guest_exports_no_layout_globals_so_its_layout_is_inferred_from_its_sections()
    {
        var facts = ObjdumpFacts.Load("em_host_heap");
        var layout = Layout("em_host_heap");
        var segment = facts.Segments.Single();
        ulong stackPointer = (ulong)facts.Globals.Single().Init!.Value;

        Assert.Equal((stackPointer, LayoutEvidence.FramePrologues), (layout.StackPointer!.Value, layout.StackPointer.Evidence));
        Assert.Equal(((ulong)(segment.Offset!.Value + segment.Size), LayoutEvidence.DataSegments), (layout.DataEnd!.Value, layout.DataEnd.Evidence));
        Assert.Equal((stackPointer, LayoutEvidence.AboveStack), (layout.HeapBase!.Value, layout.HeapBase.Evidence));
        Assert.Equal(MemoryArrangement.DataFirst, layout.Arrangement);
        // Emscripten's default 5 MiB stack, above the data aligned to 16.
        Assert.Equal(new AddressRange((ulong)(segment.Offset.Value + segment.Size + 15) / 16 * 16, stackPointer), layout.Stack);
        Assert.Equal(5ul * 1024 * 1024, layout.Stack!.Value.Size);
        Assert.Equal((256ul, (ulong?)32768), (layout.Memory!.MinimumPages, layout.Memory.MaximumPages));
    }

    [Fact]
    public void The_assemblyscript_shadow_stack_pointer_is_global_1_not_global_0()
    {
        // global 0 is the TLSF root (starts at 0); global 1 is the shadow stack pointer, decremented by 4 per frame.
        var facts = ObjdumpFacts.Load("as_greeter");
        var layout = Layout("as_greeter");

        Assert.Equal((1u, (ulong)facts.Globals[1].Init!.Value, LayoutEvidence.FramePrologues),
            (layout.StackPointer!.GlobalIndex!.Value, layout.StackPointer.Value, layout.StackPointer.Evidence));
        Assert.Equal(MemoryArrangement.DataFirst, layout.Arrangement);
        Assert.Equal((ulong)facts.Segments.Max(s => s.Offset!.Value + s.Size), layout.DataEnd!.Value);
        Assert.Equal(6, layout.DataSegments.Count);
    }

    [Fact]
    public void A_hand_laid_out_wat_module_reports_exactly_its_layout()
    {
        // Data first: data at 0x1000-0x1010 (16 bytes) and 0x1100-0x1104, __data_end 0x1200, stack up to 0x9200,
        // __heap_base 0x9200 exported. __stack_pointer is global 1 and named only in the name section.
        byte[] wasm = Wasmtime.Module.ConvertText("""
            (module
              (memory (export "memory") 2 4)
              (global $counter (mut i32) (i32.const 7))
              (global $__stack_pointer (mut i32) (i32.const 0x9200))
              (global $heap (export "__heap_base") i32 (i32.const 0x9200))
              (global $end (export "__data_end") i32 (i32.const 0x1200))
              (data (i32.const 0x1000) "0123456789abcdef")
              (data (i32.const 0x1100) "tail"))
            """);

        var layout = ModuleLayout.FromBytes(wasm, "hand.wasm");

        Assert.Equal((0x9200ul, LayoutEvidence.NameSection, 1u), (layout.StackPointer!.Value, layout.StackPointer.Evidence, layout.StackPointer.GlobalIndex!.Value));
        Assert.Equal((0x1200ul, LayoutEvidence.ExportedGlobal), (layout.DataEnd!.Value, layout.DataEnd.Evidence));
        Assert.Equal((0x9200ul, LayoutEvidence.ExportedGlobal), (layout.HeapBase!.Value, layout.HeapBase.Evidence));
        Assert.Equal(new AddressRange(0x1000, 0x1104), layout.Data);
        Assert.Equal(MemoryArrangement.DataFirst, layout.Arrangement);
        Assert.Equal(new AddressRange(0x1200, 0x9200), layout.Stack);
        Assert.Equal((2ul, (ulong?)4, 131072ul), (layout.Memory!.MinimumPages, layout.Memory.MaximumPages, layout.Memory.MinimumBytes));
        Assert.Equal(GuestHeapOwner.None, layout.HeapOwner);
        Assert.Contains("__stack_pointer 0x00009200", layout.Describe(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_first_wat_module_without_names_falls_back_to_the_first_mutable_global()
    {
        // No function opens a frame, no names: lld's convention (global 0 is __stack_pointer) is all there is.
        byte[] wasm = Wasmtime.Module.ConvertText("""
            (module
              (memory 1)
              (global (mut i32) (i32.const 0x4000))
              (data (i32.const 0x4000) "xyz"))
            """);

        var layout = ModuleLayout.FromBytes(wasm);

        Assert.Equal((0x4000ul, LayoutEvidence.FirstMutableGlobal), (layout.StackPointer!.Value, layout.StackPointer.Evidence));
        Assert.Equal(MemoryArrangement.StackFirst, layout.Arrangement);
        Assert.Equal(new AddressRange(0, 0x4000), layout.Stack);
        Assert.Equal((0x4010ul, LayoutEvidence.AboveData), (layout.HeapBase!.Value, layout.HeapBase.Evidence));
    }

    [Fact]
    public void A_module_without_stack_pointer_or_memory_has_an_unknown_arrangement()
    {
        var layout = ModuleLayout.FromBytes(Wasmtime.Module.ConvertText("(module (func (export \"f\")))"));

        Assert.Null(layout.Memory);
        Assert.Null(layout.StackPointer);
        Assert.Null(layout.Stack);
        Assert.Equal(MemoryArrangement.Unknown, layout.Arrangement);
        Assert.Empty(MemoryMap.Of(layout).Regions);
    }
}
