using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace WasmMarshal.Inspection;

/// <summary>
/// Draws a <see cref="MemoryMap"/> as SVG: address 0 at the bottom, a bar to scale on the left, a logarithmic bar on
/// the right in which every region is readable, connectors between the same boundaries, exact addresses and sizes
/// beside each region, named addresses as markers and a legend. Every region rectangle carries <c>data-kind</c>,
/// <c>data-start</c> and <c>data-end</c> attributes, so the picture can be checked by a program.
/// </summary>
public static class MemoryMapSvg
{
    private const double Top = 30, LinearX = 160, BarWidth = 56, LogX = 520, LabelX = 588, Width = 1180;
    private const double MinLogHeight = 16;

    /// <summary>Renders <paramref name="map"/> as an SVG document.</summary>
    public static string Render(MemoryMap map, MemoryMapScale scale = MemoryMapScale.Both)
    {
        ArgumentNullException.ThrowIfNull(map);
        bool linear = scale != MemoryMapScale.Logarithmic, log = scale != MemoryMapScale.Linear;
        var regions = map.Regions;
        double notesTop = Top + 14;
        double barTop = notesTop + map.Notes.Count * 15 + 52;
        double barHeight = Math.Max(480, regions.Count * (MinLogHeight + 2) + 40);
        double bottom = barTop + barHeight;
        var kinds = regions.Select(r => r.Kind).Distinct().OrderBy(k => k).ToList();
        double height = bottom + 40 + (kinds.Count + 1) / 2 * 20 + 10;

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height:0}\" viewBox=\"0 0 {Width} {height:0}\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"12\">\n"));
        svg.Append("<defs><pattern id=\"ungrown\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#c8c8c8\" stroke-width=\"3\"/></pattern></defs>\n");
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{height:0}\" fill=\"#ffffff\"/>\n"));
        Text(svg, 16, Top, Escape(map.Title), "font-size=\"16\" font-weight=\"bold\"");
        for (int i = 0; i < map.Notes.Count; i++)
        {
            Text(svg, 16, notesTop + 6 + i * 15, Escape(map.Notes[i]), "fill=\"#444444\" font-size=\"11\"");
        }

        // Linear: y of an address. Log: every region gets MinLogHeight plus a share of the rest by log2(size).
        double LinearY(ulong address) => bottom - (map.Extent == 0 ? 0 : (double)address / map.Extent * barHeight);
        var weights = regions.Select(r => Math.Log2(Math.Max(r.Range.Size, 2))).ToList();
        double spare = Math.Max(0, barHeight - MinLogHeight * regions.Count);
        double weightSum = Math.Max(weights.Sum(), 1e-9);
        var logBottoms = new double[regions.Count + 1];
        logBottoms[0] = bottom;
        for (int i = 0; i < regions.Count; i++)
        {
            logBottoms[i + 1] = logBottoms[i] - MinLogHeight - spare * weights[i] / weightSum;
        }

        double LogY(ulong address)
        {
            for (int i = 0; i < regions.Count; i++)
            {
                var range = regions[i].Range;
                if (address < range.End || i == regions.Count - 1)
                {
                    double fraction = range.Size == 0 ? 0 : Math.Clamp((double)(address - Math.Min(address, range.Start)) / range.Size, 0, 1);
                    return logBottoms[i] - fraction * (logBottoms[i] - logBottoms[i + 1]);
                }
            }

            return bottom;
        }

        if (linear)
        {
            Text(svg, LinearX + BarWidth / 2, barTop - 24, "to scale", "text-anchor=\"middle\" font-weight=\"bold\"");
            foreach (var region in regions)
            {
                Rect(svg, region, LinearX, LinearY(region.Range.End), LinearY(region.Range.Start), "linear");
            }

            foreach (ulong tick in Ticks(map.Extent))
            {
                double y = LinearY(tick);
                svg.Append(Invariant($"<line x1=\"{LinearX - 5}\" y1=\"{y:0.##}\" x2=\"{LinearX}\" y2=\"{y:0.##}\" stroke=\"#000000\"/>\n"));
                Text(svg, LinearX - 8, y + 4, Hex(tick) + " " + ByteSize.Format(tick), "text-anchor=\"end\" font-size=\"10\"");
            }
        }

        if (log)
        {
            Text(svg, LogX + BarWidth / 2, barTop - 36, "log scale", "text-anchor=\"middle\" font-weight=\"bold\"");
            Text(svg, LogX + BarWidth / 2, barTop - 24, "height ~ log2(size)", "text-anchor=\"middle\" font-size=\"10\" fill=\"#444444\"");
            for (int i = 0; i < regions.Count; i++)
            {
                var region = regions[i];
                double y0 = logBottoms[i + 1], y1 = logBottoms[i];
                if (linear)
                {
                    double l0 = LinearY(region.Range.End), l1 = LinearY(region.Range.Start);
                    svg.Append(Invariant($"<polygon points=\"{LinearX + BarWidth},{l0:0.##} {LogX},{y0:0.##} {LogX},{y1:0.##} {LinearX + BarWidth},{l1:0.##}\" fill=\"{Colour(region.Kind)}\" fill-opacity=\"0.25\" stroke=\"#999999\" stroke-width=\"0.5\"/>\n"));
                }

                Rect(svg, region, LogX, y0, y1, "log");
                Text(svg, LabelX, (y0 + y1) / 2 + 4,
                    $"{Hex(region.Range.Start)}-{Hex(region.Range.End)} {ByteSize.Format(region.Range.Size),9}  {Escape(region.Caption)}", "");
            }
        }

        double markerX0 = linear ? LinearX - 4 : LogX - 4, markerX1 = log ? LogX + BarWidth + 4 : LinearX + BarWidth + 4;
        foreach (var marker in map.Markers.Where(m => m.Address <= map.Extent))
        {
            double y = log ? LogY(marker.Address) : LinearY(marker.Address);
            double ly = linear ? LinearY(marker.Address) : y;
            svg.Append(Invariant($"<g class=\"marker\" data-address=\"{marker.Address}\"><polyline points=\"{markerX0},{ly:0.##} {LinearX + BarWidth},{ly:0.##} {LogX},{y:0.##} {markerX1},{y:0.##}\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"1.2\" stroke-dasharray=\"4 2\"/>"));
            Text(svg, log ? LogX - 6 : LinearX + BarWidth + 8, y - 3, Escape(marker.Label) + " " + Hex(marker.Address),
                (log ? "text-anchor=\"end\" " : "") + "font-size=\"10\" fill=\"#d62728\"");
            svg.Append("</g>\n");
        }

        double legendTop = bottom + 30;
        for (int i = 0; i < kinds.Count; i++)
        {
            double x = 16 + i % 2 * 560, y = legendTop + i / 2 * 20;
            svg.Append(Invariant($"<rect class=\"legend\" data-kind=\"{kinds[i]}\" x=\"{x}\" y=\"{y - 11}\" width=\"14\" height=\"14\" fill=\"{Colour(kinds[i])}\" stroke=\"#555555\" stroke-width=\"0.5\"/>"));
            Text(svg, x + 20, y, Escape(Describe(kinds[i])), "");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The fill for a kind of region: warm for the stack, blues for data, greens and purples for heaps.</summary>
    public static string Colour(MemoryRegionKind kind) => kind switch
    {
        MemoryRegionKind.Stack => "#e4572e",
        MemoryRegionKind.DataSegment => "#2f5f9e",
        MemoryRegionKind.StaticData => "#9cc3e8",
        MemoryRegionKind.GuestHeap => "#7fbf7b",
        MemoryRegionKind.HostHeapUsed => "#7b5ea7",
        MemoryRegionKind.HostHeapFree => "#d9ccef",
        MemoryRegionKind.ArenaUsed => "#e08a1e",
        MemoryRegionKind.ArenaFree => "#f8d9a8",
        MemoryRegionKind.Unused => "#9e9e9e",
        MemoryRegionKind.Ungrown => "url(#ungrown)",
        _ => "#efefef",
    };

    private static string Describe(MemoryRegionKind kind) => kind switch
    {
        MemoryRegionKind.Stack => "stack (grows down from __stack_pointer)",
        MemoryRegionKind.DataSegment => "data segment (initialised at instantiation)",
        MemoryRegionKind.StaticData => "static data, zero-initialised (.bss)",
        MemoryRegionKind.GuestHeap => "guest heap (the guest's own allocator)",
        MemoryRegionKind.HostHeapUsed => "host heap (TLSF in .NET): used",
        MemoryRegionKind.HostHeapFree => "host heap: free",
        MemoryRegionKind.ArenaUsed => "arena: used (below the bump pointer)",
        MemoryRegionKind.ArenaFree => "arena: free",
        MemoryRegionKind.Unused => "unused (below the data)",
        MemoryRegionKind.Ungrown => "ungrown pages (up to the declared maximum)",
        _ => "free: in memory, owned by nothing",
    };

    private static void Rect(StringBuilder svg, MemoryRegion region, double x, double top, double bottom, string bar) =>
        svg.Append(Invariant($"<rect class=\"region {bar}\" data-kind=\"{region.Kind}\" data-start=\"{region.Range.Start}\" data-end=\"{region.Range.End}\" x=\"{x}\" y=\"{top:0.####}\" width=\"{BarWidth}\" height=\"{bottom - top:0.####}\" fill=\"{Colour(region.Kind)}\" stroke=\"#333333\" stroke-width=\"0.4\"><title>{Escape(region.Caption)} {Hex(region.Range.Start)}-{Hex(region.Range.End)} ({ByteSize.Format(region.Range.Size)})</title></rect>\n"));

    private static void Text(StringBuilder svg, double x, double y, string text, string attributes) =>
        svg.Append(Invariant($"<text x=\"{x:0.##}\" y=\"{y:0.##}\" {attributes}>{text}</text>\n"));

    /// <summary>Round addresses for the linear axis: a power of two step giving at most eight ticks, plus the end.</summary>
    private static IEnumerable<ulong> Ticks(ulong extent)
    {
        if (extent == 0)
        {
            yield return 0;
            yield break;
        }

        ulong step = 1;
        while (extent / step > 8)
        {
            step *= 2;
        }

        for (ulong i = 0; i <= extent / step; i++)
        {
            ulong tick = i * step;
            if (tick < extent && (extent - tick >= step * 3 / 4 || tick == 0))
            {
                yield return tick;
            }
        }

        yield return extent;
    }

    private static string Hex(ulong address) => address > uint.MaxValue + 1ul ? $"0x{address:X16}" : $"0x{address:X8}";

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
