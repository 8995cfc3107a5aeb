using System;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using WasmMarshal.Inspection;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Inspection;

/// <summary>
/// The memory map's structure on every committed guest, and the SVG's: one rectangle per region in each bar, the
/// linear bar to scale, every region of the log bar readable, a legend entry per kind. No pixel snapshots.
/// </summary>
public sealed class MemoryMapSvgTests
{
    public static TheoryData<string> Guests() => WasmModuleReaderTests.Guests();

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    private static ulong Address(XElement element, string attribute) =>
        ulong.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Guests))]
    public void Regions_cover_memory_from_zero_to_the_extent_without_gaps(string guest)
    {
        var facts = ObjdumpFacts.Load(guest);
        var map = MemoryMap.Of(ModuleLayout.FromFile(TestGuests.PathOf(guest)));

        Assert.Equal((facts.Memories[0].Max ?? facts.Memories[0].Initial) * 65536, map.Extent);
        Assert.Equal(0ul, map.Regions[0].Range.Start);
        Assert.Equal(map.Extent, map.Regions[^1].Range.End);
        Assert.All(map.Regions.Zip(map.Regions.Skip(1)), pair => Assert.Equal(pair.First.Range.End, pair.Second.Range.Start));
        Assert.All(map.Regions, r => Assert.True(r.Range.Size > 0, r.ToString()));
        // Every data segment objdump lists is a region of its own, at its offset and size.
        foreach (var segment in facts.Segments)
        {
            Assert.Contains(map.Regions, r => r.Kind == MemoryRegionKind.DataSegment
                && r.Range == new AddressRange((ulong)segment.Offset!.Value, (ulong)segment.Offset.Value + segment.Size));
        }
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void The_svg_draws_every_region_in_both_bars_the_linear_one_to_scale(string guest)
    {
        var map = MemoryMap.Of(ModuleLayout.FromFile(TestGuests.PathOf(guest)));
        var svg = XDocument.Parse(MemoryMapSvg.Render(map));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var rects = svg.Descendants(ns + "rect").ToList();
        var linear = rects.Where(r => r.Attribute("class")?.Value == "region linear").ToList();
        var log = rects.Where(r => r.Attribute("class")?.Value == "region log").ToList();

        Assert.Equal(map.Regions.Select(r => (r.Kind.ToString(), r.Range.Start, r.Range.End)),
            linear.Select(r => (r.Attribute("data-kind")!.Value, Address(r, "data-start"), Address(r, "data-end"))));
        Assert.Equal(map.Regions.Select(r => (r.Range.Start, r.Range.End)), log.Select(r => (Address(r, "data-start"), Address(r, "data-end"))));

        // To scale: each linear height is its share of the bar's total height, and the rectangles stack without gaps.
        double barHeight = linear.Sum(r => Number(r, "height"));
        foreach (var (region, rect) in map.Regions.Zip(linear))
        {
            Assert.Equal((double)region.Range.Size / map.Extent * barHeight, Number(rect, "height"), 0.01);
        }

        Assert.All(linear.Zip(linear.Skip(1)), pair =>
            Assert.Equal(Number(pair.First, "y"), Number(pair.Second, "y") + Number(pair.Second, "height"), 0.01));
        // Log bar: even a 1-byte region is drawn at least 16 px high, in address order from the bottom up.
        Assert.All(log, r => Assert.True(Number(r, "height") >= 15.99, r.ToString()));
        Assert.All(log.Zip(log.Skip(1)), pair => Assert.True(Number(pair.Second, "y") < Number(pair.First, "y")));

        var legend = rects.Where(r => r.Attribute("class")?.Value == "legend").Select(r => r.Attribute("data-kind")!.Value);
        Assert.Equal(map.Regions.Select(r => r.Kind.ToString()).Distinct().Order(), legend.Order());
        Assert.Equal(map.Markers.Select(m => m.Address.ToString(CultureInfo.InvariantCulture)),
            svg.Descendants(ns + "g").Where(g => g.Attribute("class")?.Value == "marker").Select(g => g.Attribute("data-address")!.Value));
    }

    [Fact]
    public void A_23_byte_segment_in_a_2_GiB_map_is_invisible_to_scale_but_readable_on_the_log_bar()
    {
        var map = MemoryMap.Of(ModuleLayout.FromFile(TestGuests.PathOf("em_host_heap")));
        var svg = XDocument.Parse(MemoryMapSvg.Render(map));
        var segment = svg.Descendants()
            .Where(e => e.Attribute("data-kind")?.Value == "DataSegment" && e.Attribute("class")!.Value.StartsWith("region", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(2, segment.Count);
        Assert.True(Number(segment.Single(r => r.Attribute("class")!.Value == "region linear"), "height") < 0.001);
        Assert.True(Number(segment.Single(r => r.Attribute("class")!.Value == "region log"), "height") >= 16);
    }

    [Theory]
    [InlineData(MemoryMapScale.Linear, "region linear", "region log")]
    [InlineData(MemoryMapScale.Logarithmic, "region log", "region linear")]
    public void A_single_scale_draws_only_its_bar(MemoryMapScale scale, string drawn, string absent)
    {
        var map = MemoryMap.Of(ModuleLayout.FromFile(TestGuests.PathOf("rust_greeter")));
        var classes = XDocument.Parse(MemoryMapSvg.Render(map, scale)).Descendants().Select(e => e.Attribute("class")?.Value).ToList();

        Assert.Equal(map.Regions.Count, classes.Count(c => c == drawn));
        Assert.DoesNotContain(absent, classes);
    }

    [Fact]
    public void A_memory64_with_the_largest_maximum_maps_and_draws_16_EiB()
    {
        var layout = ModuleLayout.FromBytes(Wasmtime.Module.ConvertText("(module (memory i64 1 0x1000000000000))"));

        var map = MemoryMap.Of(layout);
        var svg = XDocument.Parse(MemoryMapSvg.Render(map));

        Assert.Equal(ulong.MaxValue, map.Extent);
        Assert.Equal([MemoryRegionKind.Free, MemoryRegionKind.Ungrown], map.Regions.Select(r => r.Kind));
        Assert.Equal(2, svg.Descendants().Count(e => e.Attribute("class")?.Value == "region linear"));
    }

    [Fact]
    public void Labels_are_escaped_so_the_svg_stays_well_formed()
    {
        var layout = ModuleLayout.FromBytes(Wasmtime.Module.ConvertText("(module (memory 1) (data (i32.const 16) \"x\"))"), "<a&b>.wasm");

        var svg = MemoryMapSvg.Render(MemoryMap.Of(layout));

        Assert.Contains("&lt;a&amp;b&gt;.wasm", XDocument.Parse(svg).ToString(), StringComparison.Ordinal);
    }
}
