using System;
using System.Linq;
using System.Text.Json.Nodes;
using CsCheck;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.CLibraries;

/// <summary>
/// Debian's cJSON 1.7.15, compiled unchanged into guests/bin/cjson.wasm, through <see cref="ICJson"/>: a <c>cJSON *</c>
/// as a plain address, and the strings cJSON_Print* return freed with the library's own cJSON_free
/// ([return: WasmFree]); checked against System.Text.Json, which parses what cJSON printed to the same values.
/// </summary>
public sealed class CJsonTests : IDisposable
{
    private readonly WasmGuest _guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("cjson")).WithWasi().Instantiate();

    private ICJson Json => _guest.Import<ICJson>();

    public void Dispose() => _guest.Dispose();

    private string RoundTrip(string text, bool formatted = false)
    {
        uint tree = Json.Parse(text);
        Assert.NotEqual(0u, tree);
        try
        {
            return (formatted ? Json.Print(tree) : Json.PrintUnformatted(tree)) ?? throw new InvalidOperationException("cJSON_Print returned NULL");
        }
        finally
        {
            Json.Delete(tree);
        }
    }

    private static readonly Gen<JsonNode?> Values = Gen.Recursive<JsonNode?>((depth, inner) => depth >= 3
        ? Gen.OneOf<JsonNode?>(Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)), Gen.String.AlphaNumeric.Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)), Gen.Const<JsonNode?>((JsonNode?)null))
        : Gen.OneOf(
            Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
            Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)),
            inner.Array[0, 4].Select(items => (JsonNode?)new JsonArray(items)),
            Gen.Select(Gen.String.AlphaNumeric.Array[0, 4], inner.Array[4], (keys, values) =>
            {
                var o = new JsonObject();
                foreach (var (k, v) in keys.Distinct().Zip(values))
                {
                    o[k] = v;
                }

                return (JsonNode?)o;
            })));

    [Fact]
    public void Printed_documents_parse_to_the_same_values_in_System_Text_Json()
    {
        Values.Sample(value =>
        {
            string text = value?.ToJsonString() ?? "null";
            string printed = RoundTrip(text);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(printed)), $"{text} -> {printed}");
            string formatted = RoundTrip(text, formatted: true);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(formatted)), $"{text} -> {formatted}");
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void Unformatted_output_is_cJSON_s_compact_form()
    {
        Assert.Equal("{\"a\":[1,2.5,\"x\\n\",true,null],\"b\":{}}", RoundTrip(" { \"a\" : [ 1 , 2.5, \"x\\n\", true, null ], \"b\": { } } "));
    }

    [Fact]
    public void Invalid_text_parses_to_null()
    {
        Assert.Equal(0u, Json.Parse("{\"a\": }"));
        Assert.Equal(0u, Json.Parse(""));
    }

    [Fact]
    public void The_version_is_static_data_copied_and_not_freed() => Assert.Equal("1.7.15", Json.Version());

    [Fact]
    public void Every_printed_string_is_freed_with_cJSON_free()
    {
        // 300 documents of about 100 KiB: 30 MiB if the printed strings leaked, a few MiB of guest memory if freed.
        string text = "[" + string.Join(",", Enumerable.Range(0, 10_000).Select(i => i.ToString())) + "]";
        uint tree = Json.Parse(text);
        for (int i = 0; i < 300; i++)
        {
            Assert.Equal(text.Length, Json.PrintUnformatted(tree)!.Length);
        }

        Json.Delete(tree);
        Assert.True(_guest.Memory.View().Length < 8u << 20, $"guest memory grew to {_guest.Memory.View().Length} bytes");
    }
}
