using System.Linq;
using System.Threading;
using WasmMarshal.Generators.Abi;
using WasmMarshal.Generators.Model;
using WasmMarshal.Generators.Parsing;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// The wasm32 C ABI's lowering, checked against the tables of docs/abi.md: the core slots in wasm order, the return area
/// and who owns each buffer. Everything downstream (stubs, binders, guest bindings, WASM005) reads this one result.
/// </summary>
public sealed class AbiTests
{
    private const string Source = """
        using WasmMarshal;

        namespace Demo;

        public struct Vec3 { public float X, Y, Z; }

        [WasmImport]
        public partial interface IGuest
        {
            string ToUpper(string text);
            [return: WasmString(WasmStringEncoding.Utf8NulTerminated)]
            string Greet([WasmString(WasmStringEncoding.Utf8NulTerminated)] string name);
            long Add(long a, int b);
            Vec3 Cross(Vec3 a, in Vec3 b);
            int[] Range(System.ReadOnlySpan<double> values, [WasmString(WasmStringEncoding.AssemblyScript)] string label);
        }

        [WasmExport]
        public partial interface IHost
        {
            string Greeting(string name);
        }
        """;

    private static LoweredMethod Method(string type, string name)
    {
        var compilation = GeneratorHarness.Compile(Source);
        var symbol = compilation.GetTypeByMetadataName(type)!;
        var direction = type == "Demo.IHost" ? InterfaceDirection.Export : InterfaceDirection.Import;
        return InterfaceParser.Parse(symbol, direction, CancellationToken.None).Model!.Methods.Single(m => m.Name == name);
    }

    private static string Slots(LoweredMethod method) =>
        string.Join(" ", method.CoreParameters.Select(s => $"{s.Value}:{s.Role}:{s.Type}"))
        + " -> " + string.Join(" ", method.CoreResults.Select(s => $"{s.Value}:{s.Role}:{s.Type}"));

    [Fact]
    public void A_ptr_len_string_result_comes_back_through_a_return_area_passed_first()
    {
        var method = Method("Demo.IGuest", "ToUpper");
        Assert.Equal("-1:ReturnArea:I32 0:Pointer:I32 0:Length:I32 -> ", Slots(method));
        Assert.Equal(new ReturnArea(8, 4, Ownership.HostScratch), method.ReturnArea);
        Assert.Equal(Ownership.HostScratch, method.Parameters[0].Buffer);
        Assert.Equal(Ownership.GuestAllocatedHostFrees, method.Return.Buffer);
        Assert.Equal("(i32, i32, i32) -> ()", method.Core.Text);
    }

    [Fact]
    public void A_nul_terminated_string_is_one_pointer_each_way()
    {
        var method = Method("Demo.IGuest", "Greet");
        Assert.Equal("0:Pointer:I32 -> -1:Pointer:I32", Slots(method));
        Assert.Null(method.ReturnArea);
        Assert.Equal(Ownership.GuestAllocatedHostFrees, method.Return.Buffer);
    }

    [Fact]
    public void Scalars_are_their_core_values()
    {
        var method = Method("Demo.IGuest", "Add");
        Assert.Equal("0:Value:I64 1:Value:I32 -> -1:Value:I64", Slots(method));
        Assert.False(method.UsesGuestMemory);
    }

    [Fact]
    public void Structs_are_pointers_to_copies_and_a_struct_result_is_an_sret_area()
    {
        var method = Method("Demo.IGuest", "Cross");
        Assert.Equal("-1:ReturnArea:I32 0:Pointer:I32 1:Pointer:I32 -> ", Slots(method));
        Assert.Equal(new ReturnArea(12, 4, Ownership.HostScratch), method.ReturnArea);
        Assert.Equal(Ownership.None, method.Return.Buffer);
    }

    [Fact]
    public void Sequences_are_ptr_count_and_AssemblyScript_strings_a_pinned_object()
    {
        var method = Method("Demo.IGuest", "Range");
        Assert.Equal("-1:ReturnArea:I32 0:Pointer:I32 0:Length:I32 1:Pointer:I32 -> ", Slots(method));
        Assert.Equal(Ownership.HostPinnedObject, method.Parameters[1].Buffer);
        Assert.Equal(Ownership.GuestAllocatedHostFrees, method.Return.Buffer);
    }

    [Fact]
    public void On_the_export_side_the_guest_lends_its_buffers_and_owns_what_the_host_returns()
    {
        var method = Method("Demo.IHost", "Greeting");
        Assert.Equal("-1:ReturnArea:I32 0:Pointer:I32 0:Length:I32 -> ", Slots(method));
        Assert.Equal(new ReturnArea(8, 4, Ownership.GuestLent), method.ReturnArea);
        Assert.Equal(Ownership.GuestLent, method.Parameters[0].Buffer);
        Assert.Equal(Ownership.HostAllocatedGuestFrees, method.Return.Buffer);
    }
}
