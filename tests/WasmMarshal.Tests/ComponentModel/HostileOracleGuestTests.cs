using System;
using System.Linq;
using Wasmtime;
using WasmMarshal.Canonical;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// Hostile guests of the oracle interfaces (cm32p2 names), for what the GENERATED nested lifts must reject: a bad
/// option discriminant or enum inside a list of records, a misaligned list of records, a bad variant discriminant, a
/// string or an inner list outside memory, a bad result discriminant, a return area aligned for 4 where the result
/// needs 8. Each is a typed error naming the method and <c>return</c>, and the instance answers a valid call after.
/// </summary>
public sealed class HostileOracleGuestTests
{
    private const string Api = "cm32p2|wasmmarshal:oracle/api@0.1|";

    /// <summary>The core signatures of the api interface, as <c>jco embed --dummy</c> gives them for the generated WIT.</summary>
    private static readonly (string Name, string Params, string Result)[] s_functions =
    {
        ("items", "i32 i32 i32 i32", "i32"),
        ("eval", "i32 i64 i32 i32 i32 i64 i32", "i32"),
        ("check", "i32 i32 i32 i32 i64", "i32"),
        ("level", "i32 i64 f32", "i32"),
        ("chunks", "i32 i32 i32 i32", "i32"),
        ("lookup", "i32 i32 i32", "i32"),
        ("big", "i32 i32 i64 i32", "i32"),
        ("fill", "i64 i64 i64 i64 i64 i64 i64 i64 i32 i32 i32 i32 i32 i32 i32 f32", ""),
        ("spill", "i32", "f64"),
        ("nothing", "", ""),
    };

    /// <summary>A guest whose <paramref name="function"/> returns the return area 16 (or <paramref name="area"/>); nothing is 0.</summary>
    private static (CanonicalGuest Guest, IOracleApi Api) Guest(string function, string data, int area = 16)
    {
        var functions = s_functions.Select(f =>
        {
            string parameters = f.Params.Length == 0 ? "" : $"(param {f.Params})";
            string result = f.Result.Length == 0 ? "" : $"(result {f.Result})";
            string body = f.Name == function ? $"(i32.const {area})" : f.Name == "nothing" ? "" : "unreachable";
            return $"(func (export \"{Api}{f.Name}\") {parameters} {result} {body})";
        });
        string text = $$"""
            (module
              (memory (export "cm32p2_memory") 1)
              (global $bump (mut i32) (i32.const 4096))
              (func (export "cm32p2_realloc") (param i32 i32 i32 i32) (result i32)
                (local $p i32)
                (local.set $p (i32.and (i32.add (global.get $bump) (i32.sub (local.get 2) (i32.const 1)))
                                       (i32.sub (i32.const 0) (local.get 2))))
                (global.set $bump (i32.add (local.get $p) (local.get 3)))
                (local.get $p))
              {{string.Join("\n", functions)}}
              {{data}})
            """;
        var guest = CanonicalGuest.Builder(TestGuests.MovingEngine, Module.FromText(TestGuests.MovingEngine, "hostile-oracle", text)).Instantiate();
        return (guest, guest.Import<IOracleApi>());
    }

    public static TheoryData<string, string, string, Type, string> Cases() => new()
    {
        // items -> list<oracle-item> at 64: the item's option<string> has discriminant 2.
        { "items", """(data (i32.const 16) "\40\00\00\00\01\00\00\00") (data (i32.const 64) "\01\00\00\00\02")""", "Items", typeof(WasmGuestDataException), "discriminant 2" },
        // The item's list<oracle-level> (at 128, one element) holds the enum value 5.
        { "items", """(data (i32.const 16) "\40\00\00\00\01\00\00\00") (data (i32.const 84) "\80\00\00\00\01\00\00\00") (data (i32.const 128) "\05")""", "Items", typeof(WasmGuestDataException), "only 3 cases" },
        // The list of 4-aligned records starts at 66.
        { "items", """(data (i32.const 16) "\42\00\00\00\01\00\00\00")""", "Items", typeof(WasmGuestDataException), "misaligned" },
        { "eval", """(data (i32.const 16) "\09")""", "Eval", typeof(WasmGuestDataException), "discriminant 9" },
        // text(string) with the string at 0xFFFF0000.
        { "eval", """(data (i32.const 16) "\03\00\00\00\00\00\00\00\00\00\ff\ff\04\00\00\00")""", "Eval", typeof(WasmGuestMemoryException), "" },
        // list<list<u8>>: the inner list lies beyond memory.
        { "chunks", """(data (i32.const 16) "\40\00\00\00\01\00\00\00") (data (i32.const 64) "\00\ff\ff\ff\00\01\00\00")""", "Chunks", typeof(WasmGuestMemoryException), "" },
        { "level", """(data (i32.const 16) "\03")""", "Level", typeof(WasmGuestDataException), "discriminant 3" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Nested_values_are_validated(string function, string data, string method, Type expected, string fragment)
    {
        var (guest, api) = Guest(function, data);
        using (guest)
        {
            Action call = function switch
            {
                "items" => () => api.Items(Array.Empty<OracleItem>(), ReadOnlySpan<double>.Empty),
                "eval" => () => api.Eval(new OracleValue.Nothing(), null),
                "chunks" => () => api.Chunks(Array.Empty<byte[]>(), Array.Empty<bool>()),
                _ => () => api.Level(1, 2, 3),
            };
            var ex = Assert.IsAssignableFrom<WasmGuestDataException>(Record.Exception(call));
            Assert.IsType(expected, ex);
            Assert.Equal("IOracleApi." + method, ex.Method);
            Assert.Equal("return", ex.Parameter);
            Assert.Contains(fragment, ex.Message);
            api.Nothing();
        }
    }

    [Fact]
    public void A_return_area_aligned_for_4_where_the_result_needs_8()
    {
        var (guest, api) = Guest("eval", "", area: 20);
        using (guest)
        {
            var ex = Assert.Throws<WasmGuestDataException>(() => api.Eval(new OracleValue.Nothing(), null));
            Assert.Equal("IOracleApi.Eval", ex.Method);
            Assert.Contains("must be 8-aligned", ex.Message);
        }
    }
}
